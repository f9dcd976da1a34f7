package fi.voimala.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testapp.Db;
import fi.voimala.platform.testapp.TestWidgetConsumer;
import fi.voimala.platform.testapp.TestWidgetResource;
import fi.voimala.platform.testing.KafkaTestBroker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link EventConsumer} retries what may pass and dead-letters only what never can. Proven on the real PostgreSQL and
 * a real Kafka broker with the test app's {@code TestWidgetConsumer}: a lock held by another transaction makes the
 * effect fail until it is released, and the event is then applied once with nothing dead-lettered; messages that can
 * never be applied land in {@code <topic>-dlq} with the reason in the {@code dead-letter-reason} header, and the
 * message behind them on the same partition is still applied.
 */
@QuarkusTest
class EventConsumerTest {

    private static final String DLQ = TestWidgetResource.TOPIC + "-dlq";

    @Inject
    DataSource db;

    @Inject
    MeterRegistry registry;

    @Test
    void aLockConflictIsRetriedUntilTheLockIsFreeThenAppliedOnce() throws Exception {
        String widgetId = given().queryParam("name", "locked-" + UUID.randomUUID()).post("/test/widgets")
                .then().statusCode(200).extract().jsonPath().getString("widgetId");
        String eventId = UUID.randomUUID().toString();
        double retriesBefore = retries();
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select name from test_widget where id = ?::uuid for update")) {
                lock.setString(1, widgetId);
                lock.executeQuery().close();
            }
            send(widgetId, "{\"widgetId\":\"" + widgetId + "\",\"possible\":true}",
                    cloudEvent(eventId, TestWidgetConsumer.CHECKED, widgetId));

            await().atMost(Duration.ofSeconds(20)).until(() -> retries() >= retriesBefore + 3);
            assertEquals(0, seen(eventId), "not applied while the lock is held");
            other.rollback();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> seen(eventId) == 1);
        assertEquals(1, Db.count(db, "select count(*) from processed_event where event_id = ?::uuid", eventId));
        assertTrue(deadLetters().stream().noneMatch(record -> eventId.equals(KafkaTestBroker.header(record, "ce_id"))),
                "a temporary failure is never dead-lettered");
    }

    @Test
    void aMessageHeldForRetriesNeverMakesSmallRyeCloseTheConsumer() {
        // Waiting for a minute is too slow for a test: this checks that the platform turns the check off for every
        // incoming channel (the connector-wide default), which otherwise closes a consumer after 60 s of retrying.
        assertEquals(0, ConfigProvider.getConfig().getValue(
                "mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms", Integer.class));
    }

    @Test
    void messagesThatCanNeverBeAppliedAreDeadLetteredWithTheirReasonAndTheRestFlows() throws Exception {
        String key = "poison-" + UUID.randomUUID();   // one key: all on one partition, in this order
        String notJson = UUID.randomUUID().toString();
        String missingField = UUID.randomUUID().toString();
        String impossible = UUID.randomUUID().toString();
        String noIdMarker = "no-id-" + UUID.randomUUID();
        String after = UUID.randomUUID().toString();
        double retriesBefore = retries();
        double deadLettersBefore = counter("voimala.consumer.dead.letters");

        send(key, "this is not JSON", cloudEvent(notJson, TestWidgetResource.TYPE, key));
        send(key, "{\"widgetId\":\"" + noIdMarker + "\"}", Map.of("ce_type", TestWidgetResource.TYPE));
        Map<String, String> cloudEventWithoutId = cloudEvent("-", TestWidgetResource.TYPE, key);
        cloudEventWithoutId.remove("ce_id");
        send(key, "{\"widgetId\":\"" + noIdMarker + "-ce\"}", cloudEventWithoutId);
        send(key, "{\"widgetId\":\"x\"}", cloudEvent("not-a-uuid", TestWidgetResource.TYPE, key));
        send(key, "{\"name\":\"no widget id\"}", cloudEvent(missingField, TestWidgetResource.TYPE, key));
        send(key, "{\"widgetId\":\"" + key + "\",\"possible\":false}", cloudEvent(impossible, TestWidgetConsumer.CHECKED, key));
        // Behind them on the same partition: a good event, with a field this consumer does not know (ignored).
        send(key, "{\"widgetId\":\"" + key + "\",\"addedLater\":42}", cloudEvent(after, TestWidgetResource.TYPE, key));

        await().atMost(Duration.ofSeconds(20)).until(() -> seen(after) == 1);
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(20))
                .until(() -> deadLetters().stream().filter(record -> key.equals(record.key())).toList(),
                        records -> records.size() == 6);

        assertReason(dead, notJson, "cannot be read as WidgetCreated");
        assertReason(dead, missingField, "widgetId must not be blank");
        assertReason(dead, impossible, "can never pass its check");
        assertReason(dead, "not-a-uuid", "'not-a-uuid' is not a UUID");
        for (String noId : List.of("\"" + noIdMarker + "\"", noIdMarker + "-ce")) {   // a plain record, a CloudEvent without id
            ConsumerRecord<String, String> record = dead.stream()
                    .filter(candidate -> candidate.value().contains(noId)).findFirst().orElseThrow();
            assertTrue(KafkaTestBroker.header(record, "dead-letter-reason").contains("no CloudEvent id (no ce_id header)"));
        }

        for (String id : List.of(notJson, missingField, impossible)) {
            assertEquals(0, Db.count(db, "select count(*) from processed_event where event_id = ?::uuid", id),
                    "a dead-lettered event is not marked as applied");
        }
        assertEquals(retriesBefore, retries(), "permanent failures are not retried");
        assertEquals(deadLettersBefore + 6, counter("voimala.consumer.dead.letters"));
    }

    @Test
    void theEffectRunsInTheTraceOfTheIncomingRecord() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String eventId = UUID.randomUUID().toString();
        String widgetId = "traced-" + eventId;
        Map<String, String> headers = cloudEvent(eventId, TestWidgetResource.TYPE, widgetId);
        headers.put("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");   // W3C Trace Context, sampled
        send(widgetId, "{\"widgetId\":\"" + widgetId + "\"}", headers);

        await().atMost(Duration.ofSeconds(20)).until(() -> seen(eventId) == 1);
        assertEquals(traceId, Db.strings(db, "select trace_id from test_widget_seen where event_id = ?::uuid", eventId)
                .get(0), "the effect's span belongs to the trace of the record's traceparent");
    }

    private static void assertReason(List<ConsumerRecord<String, String>> deadLetters, String eventId, String expected) {
        ConsumerRecord<String, String> dead = deadLetters.stream()
                .filter(record -> eventId.equals(KafkaTestBroker.header(record, "ce_id"))).findFirst().orElseThrow();
        String reason = KafkaTestBroker.header(dead, "dead-letter-reason");
        assertNotNull(reason, "the DLQ record has a dead-letter-reason header");
        assertTrue(reason.contains(expected), "reason: " + reason);
        assertEquals(TestWidgetResource.TOPIC, KafkaTestBroker.header(dead, "dead-letter-topic"));
    }

    private static List<ConsumerRecord<String, String>> deadLetters() {
        return KafkaTestBroker.records(DLQ);
    }

    private double retries() {
        return counter("voimala.consumer.retries");
    }

    private double counter(String name) {
        Counter counter = registry.find(name).tag("consumer", TestWidgetConsumer.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private long seen(String eventId) {
        return Db.count(db, "select count(*) from test_widget_seen where event_id = ?::uuid", eventId);
    }

    static Map<String, String> cloudEvent(String id, String type, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_type", type);
        headers.put("ce_source", "/voimala/test");
        headers.put("ce_subject", subject);
        return headers;
    }

    static void send(String key, String value, Map<String, String> headers) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(TestWidgetResource.TOPIC, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }
}
