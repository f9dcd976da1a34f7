package fi.voimala.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testapp.Db;
import fi.voimala.platform.testapp.TestWidgetResource;
import fi.voimala.platform.testapp.TestWidgetSeen;
import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.test.junit.QuarkusTest;
import fi.voimala.platform.testapp.OnVertx;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Delivery is at least once: a consumer must apply each event once, and retry it when applying failed. */
@QuarkusTest
class IdempotentConsumerTest {

    private static final String CONSUMER = "test.direct";

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    DataSource db;

    @Test
    void anEventIsAppliedOnceAndItsRedeliveryIsSkipped() {
        String eventId = UUID.randomUUID().toString();
        assertTrue(applyOnce(CONSUMER, eventId, () -> markSeen(CONSUMER, eventId)));
        assertFalse(applyOnce(CONSUMER, eventId, () -> markSeen(CONSUMER, eventId)), "a redelivery is skipped");
        assertEquals(1, seen(CONSUMER, eventId));
        assertEquals(1, Db.count(db, "select count(*) from processed_event where consumer = ? and event_id = ?::uuid",
                CONSUMER, eventId));
        // Another consumer of the same event applies it for itself.
        assertTrue(applyOnce(CONSUMER + ".other", eventId, () -> markSeen(CONSUMER + ".other", eventId)));
    }

    @Test
    void aFailedEffectLeavesTheEventUnappliedSoItsRetryApplies() {
        String eventId = UUID.randomUUID().toString();
        assertThrows(Exception.class, () -> applyOnce(CONSUMER, eventId, () -> markSeen(CONSUMER, eventId)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("effect failed after writing")))));
        assertEquals(0, seen(CONSUMER, eventId), "the effect's write rolled back");
        assertEquals(0, Db.count(db, "select count(*) from processed_event where event_id = ?::uuid", eventId),
                "the processed mark rolled back with it");

        assertTrue(applyOnce(CONSUMER, eventId, () -> markSeen(CONSUMER, eventId)), "the redelivery applies");
        assertEquals(1, seen(CONSUMER, eventId));
    }

    @Test
    void concurrentDuplicatesApplyOnce() {
        String eventId = UUID.randomUUID().toString();
        // Both deliveries are inside their transactions at once; the slow effect keeps the first one open.
        List<CompletableFuture<Boolean>> deliveries = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> applyOnce(CONSUMER, eventId,
                        () -> markSeen(CONSUMER, eventId).onItem().delayIt().by(Duration.ofMillis(500)))))
                .toList();
        List<Boolean> applied = deliveries.stream().map(CompletableFuture::join).toList();

        assertEquals(1, applied.stream().filter(Boolean::booleanValue).count(), "applied: " + applied);
        assertEquals(1, seen(CONSUMER, eventId));
    }

    @Test
    void aKafkaConsumerAppliesEachEventOnceEvenWhenDeliveredAgain() throws Exception {
        String widgetId = given().queryParam("name", "consumed-" + UUID.randomUUID()).post("/test/widgets")
                .then().statusCode(200).extract().jsonPath().getString("widgetId");
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(db,
                "select count(*) from test_widget_seen where widget_id = ?", widgetId) == 1);
        ConsumerRecord<String, String> original = KafkaTestBroker.records(TestWidgetResource.TOPIC).stream()
                .filter(record -> widgetId.equals(record.key())).findFirst().orElseThrow();

        // The same CloudEvent delivered again (as after a relay retry or a consumer restart).
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TestWidgetResource.TOPIC, null, original.key(), original.value(),
                    original.headers())).get();
            // A marker after it: once the marker is applied, the duplicate has been consumed.
            String markerId = UUID.randomUUID().toString();
            ProducerRecord<String, String> marker = new ProducerRecord<>(TestWidgetResource.TOPIC, original.key(),
                    "{\"widgetId\":\"marker-" + widgetId + "\"}");
            cloudEventHeaders(marker, markerId);
            producer.send(marker).get();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(db,
                "select count(*) from test_widget_seen where widget_id = ?", "marker-" + widgetId) == 1);
        assertEquals(1, Db.count(db, "select count(*) from test_widget_seen where widget_id = ?", widgetId),
                "the redelivered event was applied again");
    }

    private boolean applyOnce(String consumer, String eventId, Supplier<Uni<Void>> effect) {
        return OnVertx.await(() -> idempotent.applyOnce(consumer, eventId, effect));
    }

    private static Uni<Void> markSeen(String consumer, String eventId) {
        TestWidgetSeen seen = new TestWidgetSeen();
        seen.consumer = consumer;
        seen.eventId = UUID.fromString(eventId);
        seen.widgetId = "direct";
        return seen.persist().replaceWithVoid();
    }

    private long seen(String consumer, String eventId) {
        return Db.count(db, "select count(*) from test_widget_seen where consumer = ? and event_id = ?::uuid",
                consumer, eventId);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private static void cloudEventHeaders(ProducerRecord<String, String> record, String id) {
        Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", TestWidgetResource.TYPE,
                        "ce_source", "/voimala/test", "ce_subject", String.valueOf(record.key()))
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
