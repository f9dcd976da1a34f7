package fi.voimala.scheduling.events;

import static fi.voimala.platform.testing.KafkaTestBroker.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testing.KafkaTestBroker;
import fi.voimala.scheduling.availability.WardSeries;
import fi.voimala.scheduling.support.Network;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ward availability through a real Kafka broker (KafkaTestBroker, in the test JVM). A hospital's integration engine
 * publishes on topic ward-availability itself, as a plain Kafka producer writing a binary-mode CloudEvent (ce_ headers,
 * the JSON data as the value; CloudEvents Kafka protocol binding 1.0): its closure over five visits of a weekly series
 * moves four and cancels one, and exactly those five visit-events records come out, also when the same record is
 * produced again. A record that can never apply (not JSON, no ward code) goes to ward-availability-dlq with a
 * dead-letter-reason, and the records after it are applied. A statement sent to the HTTP door goes the same way round.
 */
@QuarkusTest
@TestProfile(RealKafkaProfile.class)
class WardAvailabilityKafkaTest {

    static final String TYPE = "fi.voimala.scheduling.ward-availability.published.v1";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    DataSource db;

    Network network;

    @BeforeEach
    void freshHospital() {
        network = new Network(db);
    }

    /** What a hospital's integration engine writes: the statement's JSON, the CloudEvent attributes as ce_ headers. */
    static void produce(String eventId, String key, String value) throws Exception {
        KafkaTestBroker.produceCloudEvent("ward-availability", eventId, "/hospital/harjula/integration-engine", TYPE, key,
                value);
    }

    static List<ConsumerRecord<String, String>> visitChanges(List<String> visits) {
        return KafkaTestBroker.records("visit-events").stream()
                .filter(r -> visits.contains(header(r, "ce_subject")))
                .filter(r -> header(r, "ce_type").endsWith("visit.moved.v1") || header(r, "ce_type").endsWith("visit.cancelled.v1"))
                .toList();
    }

    void awaitApplied(String eventId) {
        await().atMost(PATIENCE).until(() ->
                network.count("select count(*) from ward_statement where id = ?::uuid", eventId) == 1);
    }

    @Test
    void aHospitalsClosureOnTheTopicMovesTheVisitsAndTheirEventsComeOutOnceEvenWhenProducedTwice() throws Exception {
        WardSeries ward = WardSeries.plan(network);
        List<String> closed = ward.closedVisits();
        String eventId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        produce(eventId, ward.key(), ward.closure());

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> visitChanges(closed).size() >= 5);
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        List<ConsumerRecord<String, String>> changes = visitChanges(closed);
        assertEquals(4, changes.stream().filter(r -> header(r, "ce_type").equals("fi.voimala.scheduling.visit.moved.v1")).count());
        assertEquals(1, changes.stream().filter(r -> header(r, "ce_type").equals("fi.voimala.scheduling.visit.cancelled.v1")).count());
        assertEquals(closed.stream().sorted().toList(), changes.stream().map(ConsumerRecord::key).sorted().toList(),
                "one record per visit, keyed by the visit");
        assertEquals("ward closed: " + WardSeries.REASON, new JsonObject(changes.stream()
                .filter(r -> header(r, "ce_type").endsWith("moved.v1")).findFirst().orElseThrow().value()).getString("reason"));
        System.out.printf("A closure over 5 visits, from the hospital's record to the 5th visit-events record: %d ms%n", elapsed);

        // The engine produces the same record again (its retry after a timeout), then opens the ward in March: on the
        // same key, so by the time the March statement is applied the repeated closure has been handled.
        produce(eventId, ward.key(), ward.closure());
        String march = UUID.randomUUID().toString();
        produce(march, ward.key(), ward.statement(ward.wardCode, "2028-03-01T00:00:00+02:00", "2028-03-31T00:00:00+03:00",
                "AVAILABLE", null));
        awaitApplied(march);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);   // the relay's turn
        assertEquals(5, visitChanges(closed).size(), "no visit changed twice");
        assertEquals(1, network.count("select count(*) from ward_statement where id = ?::uuid", eventId));
    }

    @Test
    void aRecordThatCanNeverApplyIsDeadLetteredWithItsReasonAndTheNextIsApplied() throws Exception {
        String code = "D" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        UUID ward = network.ward(code);
        String key = network.organisationId + ":" + code;
        String notJson = UUID.randomUUID().toString();
        String noWardCode = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        produce(notJson, key, "K5 closed from Monday");
        produce(noWardCode, key, new JsonObject().put("hospitalOrganisationId", network.organisationId.toString())
                .put("from", "2027-10-05T00:00:00+03:00").put("to", "2027-10-06T00:00:00+03:00").put("state", "UNAVAILABLE")
                .encode());
        produce(good, key, new JsonObject().put("hospitalOrganisationId", network.organisationId.toString())
                .put("wardCode", code).put("from", "2027-10-05T00:00:00+03:00").put("to", "2027-10-06T00:00:00+03:00")
                .put("state", "AVAILABLE").encode());

        awaitApplied(good);
        assertEquals(1, network.count("select count(*) from ward_statement where site_id = ?", ward));
        await().atMost(PATIENCE).until(() -> KafkaTestBroker.records("ward-availability-dlq").stream()
                .filter(r -> List.of(notJson, noWardCode).contains(header(r, "ce_id"))).count() == 2);
        List<ConsumerRecord<String, String>> dead = KafkaTestBroker.records("ward-availability-dlq");
        ConsumerRecord<String, String> unreadable = dead.stream().filter(r -> notJson.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        assertEquals(key, unreadable.key());
        assertEquals("K5 closed from Monday", unreadable.value());
        assertNotNull(header(unreadable, "dead-letter-reason"));
        assertTrue(header(unreadable, "dead-letter-reason").contains("cannot be read as WardAvailabilityEventData"),
                header(unreadable, "dead-letter-reason"));
        ConsumerRecord<String, String> incomplete = dead.stream().filter(r -> noWardCode.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        assertTrue(header(incomplete, "dead-letter-reason").contains("wardCode must not be blank"),
                header(incomplete, "dead-letter-reason"));
    }

    @Test
    void aStatementSentToTheDoorGoesRoundThroughTheTopicAndIsApplied() {
        WardSeries ward = WardSeries.plan(network);
        List<String> closed = ward.closedVisits();
        String slot = """
                {
                  "resourceType": "Slot",
                  "schedule": { "identifier": { "value": "%s" } },
                  "status": "busy-unavailable",
                  "start": "%s",
                  "end": "%s",
                  "comment": "%s"
                }""".formatted(ward.wardCode, WardSeries.CLOSED_FROM, WardSeries.CLOSED_TO, WardSeries.REASON);
        String eventId = Network.as(TestTokens.token("hospital-system", network.alias)).contentType("application/fhir+json")
                .body(slot).post("/api/ward-availability").then().statusCode(202).extract().path("eventIds[0]");

        await().atMost(PATIENCE).until(() -> KafkaTestBroker.records("ward-availability").stream()
                .anyMatch(r -> eventId.equals(header(r, "ce_id"))));
        ConsumerRecord<String, String> record = KafkaTestBroker.records("ward-availability").stream()
                .filter(r -> eventId.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        assertEquals(ward.key(), record.key());
        assertEquals(TYPE, header(record, "ce_type"));
        assertEquals("/voimala/scheduling-service", header(record, "ce_source"));
        assertEquals("fhir", new JsonObject(record.value()).getString("source"));

        awaitApplied(eventId);
        await().atMost(PATIENCE).until(() -> visitChanges(closed).size() >= 5);
        assertEquals(5, visitChanges(closed).size());
    }
}
