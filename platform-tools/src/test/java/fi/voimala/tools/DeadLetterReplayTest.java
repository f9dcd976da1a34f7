package fi.voimala.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testing.KafkaTestBroker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link DeadLetterReplay} puts dead letters back where they came from, once each. Proven against a real KRaft broker
 * in the test JVM (platform-testing's KafkaTestBroker, started directly): a record in {@code <topic>-dlq}, written
 * with the headers SmallRye's dead-letter strategy adds, is copied into the topic with its key, value, ce_id and
 * traceparent and without the dead-letter headers; a second run copies nothing; a later dead letter is copied alone.
 */
class DeadLetterReplayTest {

    private static final String TOPIC = "replay-events";
    private static final KafkaTestBroker BROKER = new KafkaTestBroker();

    @BeforeAll
    static void startBroker() {
        BROKER.init(Map.of("topics", TOPIC + "," + TOPIC + "-dlq"));
        BROKER.start();
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @Test
    void replaysEachDeadLetterOnceWithItsCloudEventHeadersAndWithoutTheDeadLetterOnes() throws Exception {
        String first = UUID.randomUUID().toString();
        deadLetter(first, "organisation-1");

        assertEquals(1, DeadLetterReplay.replay(KafkaTestBroker.bootstrapServers(), TOPIC));
        List<ConsumerRecord<String, String>> replayed = KafkaTestBroker.records(TOPIC);
        assertEquals(1, replayed.size());
        ConsumerRecord<String, String> record = replayed.get(0);
        assertEquals(first, KafkaTestBroker.header(record, "ce_id"), "the idempotency key is intact");
        assertEquals("organisation-1", record.key());
        assertEquals("{\"name\":\"Kuopion Kulttuuriyhdistys\"}", record.value());
        assertEquals("fi.voimala.partner.organisation.joined.v1", KafkaTestBroker.header(record, "ce_type"));
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                KafkaTestBroker.header(record, "traceparent"));
        assertTrue(StreamSupport.stream(record.headers().spliterator(), false)
                        .noneMatch(header -> header.key().startsWith("dead-letter-")),
                "no dead-letter header is replayed");

        assertEquals(0, DeadLetterReplay.replay(KafkaTestBroker.bootstrapServers(), TOPIC), "a second run copies nothing");
        assertEquals(1, KafkaTestBroker.records(TOPIC).size());

        String later = UUID.randomUUID().toString();
        deadLetter(later, "organisation-2");
        assertEquals(1, DeadLetterReplay.replay(KafkaTestBroker.bootstrapServers(), TOPIC), "only what arrived since");
        List<String> ids = KafkaTestBroker.records(TOPIC).stream().map(r -> KafkaTestBroker.header(r, "ce_id")).toList();
        assertEquals(2, ids.size(), "ids: " + ids);
        assertEquals(Set.of(first, later), Set.copyOf(ids));
    }

    private static void deadLetter(String eventId, String key) throws Exception {
        TestTopics.send(TOPIC + "-dlq", key, "{\"name\":\"Kuopion Kulttuuriyhdistys\"}",
                "ce_specversion", "1.0",
                "ce_id", eventId,
                "ce_type", "fi.voimala.partner.organisation.joined.v1",
                "ce_source", "/voimala/partners-service",
                "ce_subject", key,
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "dead-letter-reason", "The data of event " + eventId + " breaks its rules: name must not be blank",
                "dead-letter-exception-class-name", "fi.voimala.platform.inbox.PoisonEventException",
                "dead-letter-topic", TOPIC,
                "dead-letter-partition", "0",
                "dead-letter-offset", "7");
    }
}
