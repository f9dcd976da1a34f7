package fi.voimala.platform.outbox;

import static fi.voimala.platform.testing.KafkaTestBroker.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.platform.testapp.Db;
import fi.voimala.platform.testapp.TestWidgetResource;
import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import fi.voimala.platform.testapp.OnVertx;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The outbox's promise as a service sees it: an event leaves exactly when its change commits, once, as a CloudEvent. */
@QuarkusTest
class OutboxTest {

    @Inject
    DataSource db;

    @Inject
    Outbox outbox;

    @Test
    void aCommittedChangePublishesItsEventOnceAsACloudEvent() throws Exception {
        String name = "committed-" + UUID.randomUUID();
        JsonPath created = given().queryParam("name", name).post("/test/widgets")
                .then().statusCode(200).extract().jsonPath();
        String widgetId = created.getString("widgetId");
        String eventId = created.getString("eventId");

        List<ConsumerRecord<String, String>> arrived = await().atMost(Duration.ofSeconds(20))
                .until(() -> withId(eventId), records -> !records.isEmpty());
        ConsumerRecord<String, String> record = arrived.get(0);
        assertEquals(TestWidgetResource.TOPIC, record.topic());
        assertEquals(widgetId, record.key(), "the Kafka key is the aggregate id");
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals(eventId, header(record, "ce_id"));
        assertEquals(TestWidgetResource.TYPE, header(record, "ce_type"));
        assertEquals("/voimala/platform-commons-test", header(record, "ce_source"));
        assertEquals(widgetId, header(record, "ce_subject"));
        assertEquals("application/json", header(record, "content-type"));
        Instant time = Instant.parse(header(record, "ce_time"));
        Instant occurredAt = Instant.parse(Db.strings(db,
                "select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from outbox_event where id = ?",
                UUID.fromString(eventId)).get(0));
        assertEquals(occurredAt, time, "ce_time is when the change happened, not when it was relayed");
        assertTrue(Duration.between(time, Instant.now()).abs().toMinutes() < 1);
        JsonNode data = new ObjectMapper().readTree(record.value());
        assertEquals(Map.of("widgetId", widgetId, "name", name),
                Map.of("widgetId", data.get("widgetId").asText(), "name", data.get("name").asText()));
        assertEquals(2, data.size());

        await().atMost(Duration.ofSeconds(10)).until(() -> Db.count(db,
                "select count(*) from outbox_event where id = ? and published_at is not null", UUID.fromString(eventId)) == 1);
        // Several more relay ticks pass; the event must still be on the topic exactly once.
        Thread.sleep(1000);
        assertEquals(1, withId(eventId).size(), "published exactly once");
    }

    @Test
    void aRolledBackChangeNeverPublishesItsEvent() {
        String name = "rolled-back-" + UUID.randomUUID();
        given().queryParam("name", name).queryParam("fail", true).post("/test/widgets").then().statusCode(409);

        assertEquals(0, Db.count(db, "select count(*) from test_widget where name = ?", name));
        assertEquals(0, Db.count(db, "select count(*) from outbox_event where payload->>'name' = ?", name));
        // The relay keeps position order: once a later committed event is on Kafka, an earlier one would be too.
        String later = given().queryParam("name", "after-" + name).post("/test/widgets")
                .then().statusCode(200).extract().jsonPath().getString("eventId");
        await().atMost(Duration.ofSeconds(20)).until(() -> !withId(later).isEmpty());
        assertTrue(KafkaTestBroker.records(TestWidgetResource.TOPIC).stream()
                .noneMatch(record -> name.equals(nameIn(record))), "the rolled-back event was published");
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        Exception refused = assertThrows(Exception.class, () -> OnVertx.await(() ->
                Panache.withSession(() -> outbox.record(TestWidgetResource.TOPIC, TestWidgetResource.TYPE, "x", Map.of()))));
        assertInstanceOf(IllegalStateException.class, rootCause(refused), refused.toString());
    }

    static List<ConsumerRecord<String, String>> withId(String eventId) {
        return KafkaTestBroker.records(TestWidgetResource.TOPIC).stream()
                .filter(record -> eventId.equals(header(record, "ce_id")))
                .toList();
    }

    private static String nameIn(ConsumerRecord<String, String> record) {
        try {
            JsonNode name = new ObjectMapper().readTree(record.value()).get("name");
            return name == null ? null : name.asText();
        } catch (Exception e) {
            return null; // not an event of this test
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
