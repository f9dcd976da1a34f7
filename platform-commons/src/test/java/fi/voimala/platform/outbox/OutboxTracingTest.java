package fi.voimala.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fi.voimala.platform.testapp.Db;
import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A request's trace reaches the consumers of the events it causes: a request with a W3C {@code traceparent} header
 * (as a gateway or another service would send) produces a Kafka record whose {@code traceparent} header carries the
 * same trace id, through the outbox row, although the record is sent later by the relay, outside the request.
 */
@QuarkusTest
class OutboxTracingTest {

    @Inject
    DataSource db;

    @Test
    void theRequestsTraceIdTravelsWithTheEventToKafka() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "00f067aa0ba902b7";
        String eventId = given().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .queryParam("name", "traced-" + UUID.randomUUID())
                .post("/test/widgets")
                .then().statusCode(200).extract().jsonPath().getString("eventId");

        String stored = Db.strings(db, "select traceparent from outbox_event where id = ?::uuid", eventId).get(0);
        assertEquals(traceId, stored.split("-")[1], "the outbox row keeps the request's trace id");
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> OutboxTest.withId(eventId), records -> !records.isEmpty()).get(0);
        String traceparent = KafkaTestBroker.header(record, "traceparent");
        String[] parts = traceparent.split("-");
        assertEquals(4, parts.length, traceparent);
        assertEquals("00", parts[0]);
        assertEquals(traceId, parts[1], "the record continues the request's trace");
        assertNotEquals(callerSpan, parts[2], "its parent is the service's own span within the trace");
        int traceparents = 0;
        for (var ignored : record.headers().headers("traceparent")) {
            traceparents++;
        }
        assertEquals(1, traceparents, "one traceparent header: SmallRye's outgoing tracing adds none of its own");
    }
}
