package fi.voimala.partners.events;

import static fi.voimala.partners.support.Register.as;
import static fi.voimala.platform.testing.KafkaTestBroker.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import fi.voimala.partners.support.Register;
import fi.voimala.platform.testing.TestTokens;
import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Proves the register's events through a real Kafka broker: a new organisation's CloudEvent arrives on
 * partner-events with its ce_ headers, the JSON of docs/events.md and the trace id of the request's W3C
 * {@code traceparent}; {@code /q/health/ready} has the outbox check with its counts and the broker's reachability;
 * and while the broker is down, changes still succeed, and after it is back every one of their events arrives,
 * each exactly once.
 */
@QuarkusTest
@TestProfile(RealKafkaProfile.class)
class PartnerEventsKafkaTest {

    private static List<ConsumerRecord<String, String>> recordsAbout(Set<String> subjects) {
        return KafkaTestBroker.records(PartnerEvents.TOPIC).stream()
                .filter(r -> subjects.contains(header(r, "ce_subject"))).toList();
    }

    @Test
    void aNewOrganisationsCloudEventArrivesWithItsHeadersDataAndTrace() {
        Map<String, Object> body = Register.organisationBody(Register.newAlias());
        // A caller's W3C trace context, as the gateway or another service sends it.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = as(TestTokens.coordinator()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").body(body)
                .post("/api/organisations").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).until(() -> recordsAbout(Set.of(id)).size() == 1);
        ConsumerRecord<String, String> record = recordsAbout(Set.of(id)).get(0);
        assertEquals(id, record.key());
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("fi.voimala.partner.organisation.joined.v1", header(record, "ce_type"));
        assertEquals("/voimala/partners-service", header(record, "ce_source"));
        assertEquals(id, header(record, "ce_subject"));
        assertNotNull(OffsetDateTime.parse(header(record, "ce_time")));
        assertEquals(36, header(record, "ce_id").length());
        JsonObject data = new JsonObject(record.value());
        assertEquals(body.get("businessId"), data.getString("businessId"));
        assertEquals(body.get("keycloakAlias"), data.getString("keycloakAlias"));
        assertEquals("MEMBER", data.getString("status"));
        assertEquals(0, data.getInteger("version"));
        String traceparent = header(record, "traceparent");
        assertNotNull(traceparent, "the record has a traceparent header");
        assertEquals(traceId, traceparent.split("-")[1], "the record continues the request's trace: " + traceparent);
    }

    /** The outbox's readiness check is wired in: its counts, and whether the relay last reached the broker. */
    @Test
    void readinessReportsTheOutboxAndTheBroker() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.unpublished", notNullValue())
                .body("checks.find { it.name == 'outbox' }.data.parked", notNullValue())
                .body("checks.find { it.name == 'outbox' }.data.brokerReachable", equalTo(true)));
    }

    @Test
    void whileKafkaIsDownChangesSucceedAndAfterwardsEachEventArrivesExactlyOnce() {
        Set<String> ids = new HashSet<>();
        KafkaTestBroker.stopBroker();
        try {
            for (int i = 0; i < 100; i++) {
                ids.add(as(TestTokens.coordinator()).body(Register.organisationBody(Register.newAlias()))
                        .post("/api/organisations").then().statusCode(201).extract().path("id"));
            }
        } finally {
            KafkaTestBroker.restartBroker();
        }
        assertEquals(100, ids.size());

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> recordsAbout(ids).size() >= 100);
        // Give a late duplicate the time to show up before counting.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<ConsumerRecord<String, String>> arrived = recordsAbout(ids);
        assertEquals(100, arrived.size(), "records about the 100 organisations");
        assertEquals(100, arrived.stream().map(r -> header(r, "ce_id")).distinct().count(), "distinct event ids");
        assertEquals(ids, new HashSet<>(arrived.stream().map(ConsumerRecord::key).toList()));
    }
}
