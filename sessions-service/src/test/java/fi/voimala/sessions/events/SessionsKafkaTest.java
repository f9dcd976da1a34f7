package fi.voimala.sessions.events;

import static fi.voimala.platform.testing.KafkaTestBroker.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testing.KafkaTestBroker;
import fi.voimala.sessions.support.Network;
import fi.voimala.sessions.support.Network.Series;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * sessions-service through a real Kafka broker (KafkaTestBroker, in the test JVM): scheduling's visit event, produced
 * on visit-events as scheduling's relay writes it (a binary-mode CloudEvent), creates the visit here; the pair records
 * its session, and the record's event comes out on session-events exactly once, also after the visit event is
 * delivered again. A visit event that can never apply goes to visit-events-dlq with its reason.
 */
@QuarkusTest
@TestProfile(RealKafkaProfile.class)
class SessionsKafkaTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    DataSource db;

    static void produce(String topic, String eventId, String type, String key, String value) throws Exception {
        KafkaTestBroker.produceCloudEvent(topic, eventId, "/voimala/scheduling-service", type, key, value);
    }

    static String visit(UUID id, int version, Series series, Instant startsAt, String status) {
        return new JsonObject().put("id", id.toString()).put("version", version).put("seriesId", series.id().toString())
                .put("ordinal", 4).put("pairId", series.pair().id().toString()).put("siteId", series.siteId().toString())
                .put("artsProfessionalId", series.pair().artist().id().toString())
                .put("careProfessionalId", series.pair().nurse().id().toString())
                .put("startsAt", startsAt.toString()).put("endsAt", startsAt.plus(90, ChronoUnit.MINUTES).toString())
                .put("status", status).put("sequence", 0).putNull("reason").putNull("previousStartsAt")
                .putNull("previousEndsAt").putNull("sessionRecordId").encode();
    }

    static List<ConsumerRecord<String, String>> recordEvents(String recordId) {
        return KafkaTestBroker.records("session-events").stream()
                .filter(r -> recordId.equals(header(r, "ce_subject"))).toList();
    }

    @Test
    void aVisitFromTheTopicIsRecordedAndTheRecordsEventArrivesOnce() throws Exception {
        Network network = new Network(db);
        Series series = network.series();
        UUID visit = UUID.randomUUID();
        // Yesterday at 10:00 in Helsinki: over, and its end on the visit's date whatever the hour the test runs at.
        Instant startsAt = java.time.LocalDate.now(Network.HELSINKI).minusDays(1).atTime(10, 0)
                .atZone(Network.HELSINKI).toInstant();
        String scheduled = UUID.randomUUID().toString();
        produce("visit-events", scheduled, "fi.voimala.scheduling.visit.scheduled.v1", visit.toString(),
                visit(visit, 0, series, startsAt, "SCHEDULED"));
        await().atMost(PATIENCE).until(() -> network.count("select count(*) from visit_copy where id = ?", visit) == 1);

        String recordId = series.pair().artist().as().body(Map.of("visitId", visit.toString(), "held", true,
                        "startedAt", startsAt.toString(), "endedAt", startsAt.plus(80, ChronoUnit.MINUTES).toString(),
                        "otherStaffCount", 2, "artForms", List.of("MUSIC"), "methods", List.of("singing")))
                .post("/api/session-records").then().statusCode(201).extract().path("id");
        await().atMost(PATIENCE).until(() -> recordEvents(recordId).size() == 1);
        ConsumerRecord<String, String> event = recordEvents(recordId).get(0);
        assertEquals("fi.voimala.session.record.recorded.v1", header(event, "ce_type"));
        assertEquals("/voimala/sessions-service", header(event, "ce_source"));
        assertEquals(recordId, event.key());
        JsonObject data = new JsonObject(event.value());
        assertEquals(visit.toString(), data.getString("visitId"));
        assertTrue(data.getBoolean("held"));

        // The visit event is delivered again (a redelivery after a consumer restart), then scheduling's visit.held.
        produce("visit-events", scheduled, "fi.voimala.scheduling.visit.scheduled.v1", visit.toString(),
                visit(visit, 0, series, startsAt, "SCHEDULED"));
        produce("visit-events", UUID.randomUUID().toString(), "fi.voimala.scheduling.visit.held.v1", visit.toString(),
                visit(visit, 1, series, startsAt, "HELD"));
        await().atMost(PATIENCE).until(() ->
                network.count("select count(*) from visit_copy where id = ? and status = 'HELD'", visit) == 1);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);   // the relay's turn
        assertEquals(1, recordEvents(recordId).size(), "the record's event arrives once");
        assertEquals(1, network.count("select count(*) from session_record where visit_id = ?", visit));
    }

    @Test
    void aVisitEventThatCanNeverApplyIsDeadLettered() throws Exception {
        String broken = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        produce("visit-events", broken, "fi.voimala.scheduling.visit.scheduled.v1", key,
                new JsonObject().put("id", key).put("version", 0).put("status", "SCHEDULED").encode());
        await().atMost(PATIENCE).until(() -> KafkaTestBroker.records("visit-events-dlq").stream()
                .anyMatch(r -> broken.equals(header(r, "ce_id"))));
        ConsumerRecord<String, String> dead = KafkaTestBroker.records("visit-events-dlq").stream()
                .filter(r -> broken.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        assertTrue(header(dead, "dead-letter-reason").contains("must not be null"), header(dead, "dead-letter-reason"));
    }
}
