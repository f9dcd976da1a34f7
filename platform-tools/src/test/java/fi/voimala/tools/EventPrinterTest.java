package fi.voimala.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testing.KafkaTestBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link EventPrinter} shows a person what a topic holds and ends by itself. Proven against a real KRaft broker in the
 * test JVM: the output names each record's id, type, subject and dead-letter reason and shows its JSON data
 * pretty-printed; a record that is not JSON is shown as it is; the printer stops at the end of the topic.
 */
class EventPrinterTest {

    private static final String TOPIC = "printed-events";
    private static final KafkaTestBroker BROKER = new KafkaTestBroker();

    @BeforeAll
    static void startBroker() {
        BROKER.init(Map.of("topics", TOPIC));
        BROKER.start();
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @Test
    void printsEachEventsAttributesAndItsDataReadablyThenStops() throws Exception {
        String eventId = UUID.randomUUID().toString();
        TestTopics.send(TOPIC, "organisation-1", "{\"name\":\"Kuopion Kulttuuriyhdistys\",\"sectors\":[\"culture\"]}",
                "ce_specversion", "1.0",
                "ce_id", eventId,
                "ce_type", "fi.voimala.partner.organisation.joined.v1",
                "ce_source", "/voimala/partners-service",
                "ce_subject", "organisation-1",
                "ce_time", "2026-11-24T10:15:30Z",
                "dead-letter-reason", "Widget 1 can never pass its check");
        TestTopics.send(TOPIC, "organisation-2", "this is not JSON", "ce_id", "not-json-event");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long printed = EventPrinter.print(KafkaTestBroker.bootstrapServers(), TOPIC, false,
                new PrintStream(bytes, true, StandardCharsets.UTF_8), new AtomicBoolean());
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(2, printed, output);
        assertTrue(output.contains("id           " + eventId), output);
        assertTrue(output.contains("type         fi.voimala.partner.organisation.joined.v1"), output);
        assertTrue(output.contains("subject      organisation-1"), output);
        assertTrue(output.contains("time         2026-11-24T10:15:30Z"), output);
        assertTrue(output.contains("dead-letter-reason Widget 1 can never pass its check"), output);
        assertTrue(output.contains("\"name\" : \"Kuopion Kulttuuriyhdistys\""), "pretty-printed data: " + output);
        assertTrue(output.contains("(not JSON) this is not JSON"), output);
    }

    @Test
    void aTopicThatDoesNotExistIsSaidSo() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> EventPrinter.print(
                KafkaTestBroker.bootstrapServers(), "no-such-topic", false, System.out, new AtomicBoolean()));
        assertTrue(missing.getMessage().contains("there is no topic no-such-topic"), missing.getMessage());
    }
}
