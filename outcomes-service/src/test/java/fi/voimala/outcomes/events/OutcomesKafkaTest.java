package fi.voimala.outcomes.events;

import static fi.voimala.platform.testing.KafkaTestBroker.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.outcomes.support.Measuring;
import fi.voimala.outcomes.support.Network;
import fi.voimala.outcomes.support.Network.Participant;
import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * outcomes-service through a real Kafka broker (KafkaTestBroker, in the test JVM): participants enrolled on
 * session-events (as sessions' relay writes them, binary-mode CloudEvents) are known here; each end measurement
 * entered through the API produces exactly one series-outcome event on outcome-events with the series' aggregate at
 * that moment, also after the session events it depends on are delivered again; a session event that can never
 * apply goes to session-events-dlq with its reason.
 */
@QuarkusTest
@TestProfile(RealKafkaProfile.class)
class OutcomesKafkaTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    DataSource db;

    static void produce(String topic, String eventId, String type, String key, String value) throws Exception {
        KafkaTestBroker.produceCloudEvent(topic, eventId, "/voimala/sessions-service", type, key, value);
    }

    static String enrolled(UUID id, UUID series, String code) {
        return new JsonObject().put("id", id.toString()).put("version", 0).put("seriesId", series.toString())
                .put("code", code).putNull("yearOfBirthBand").putNull("gender").put("consentGivenBy", "PERSON")
                .put("consentGivenOn", "2027-09-07")
                .put("consentCovers", List.of("PARTICIPATION", "MEASUREMENTS", "RESEARCH_USE"))
                .put("withdrawals", List.of()).put("activeConsent", List.of("PARTICIPATION", "MEASUREMENTS", "RESEARCH_USE"))
                .encode();
    }

    static List<ConsumerRecord<String, String>> outcomeEvents(UUID series) {
        return KafkaTestBroker.records("outcome-events").stream()
                .filter(r -> series.toString().equals(header(r, "ce_subject")))
                .filter(r -> "fi.voimala.outcome.series-outcome.updated.v1".equals(header(r, "ce_type"))).toList();
    }

    @Test
    void eachEndMeasurementPublishesTheSeriesAggregateOnceAlsoAfterRedelivery() throws Exception {
        Network network = new Network(db);
        Measuring measuring = new Measuring(network);
        UUID series = measuring.series.id();
        Map<String, Participant> byEvent = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            String code = "KF" + i + "-" + id.toString().substring(0, 3).toUpperCase() + "-" + i + "AB";
            String eventId = UUID.randomUUID().toString();
            produce("session-events", eventId, "fi.voimala.session.participant.enrolled.v1", id.toString(),
                    enrolled(id, series, code));
            byEvent.put(eventId, new Participant(id, code));
        }
        await().atMost(PATIENCE).until(() ->
                network.count("select count(*) from participant_copy where series_id = ?", series) == 5);

        // UCLA-3 baselines 8 and ends 8 - (1 + i): changes -1 ... -5.
        List<Participant> people = new ArrayList<>(byEvent.values());
        for (int i = 0; i < people.size(); i++) {
            measuring.ucla(people.get(i), "BASELINE", 8).then().statusCode(201);
        }
        for (int i = 0; i < people.size(); i++) {
            measuring.ucla(people.get(i), "END", 7 - i).then().statusCode(201);
            int expected = i + 1;
            await().atMost(PATIENCE).until(() -> outcomeEvents(series).size() == expected);
        }
        // The participants' events are delivered again, and one record event arrives: no measurement changes, so no
        // outcome event either.
        for (Map.Entry<String, Participant> e : byEvent.entrySet()) {
            produce("session-events", e.getKey(), "fi.voimala.session.participant.enrolled.v1",
                    e.getValue().id().toString(), enrolled(e.getValue().id(), series, e.getValue().code()));
        }
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);   // the relay's turn
        List<ConsumerRecord<String, String>> events = outcomeEvents(series);
        assertEquals(5, events.size(), "one outcome event per end measurement");
        assertEquals(5, network.count("select count(*) from participant_copy where series_id = ?", series));

        ConsumerRecord<String, String> last = events.get(4);
        assertEquals(series.toString(), last.key());
        assertEquals("/voimala/outcomes-service", header(last, "ce_source"));
        JsonObject figures = new JsonObject(last.value()).getJsonArray("outcomes").getJsonObject(0);
        assertEquals(false, figures.getBoolean("suppressed"));
        assertEquals(5, figures.getInteger("people"));
        // Mean of -1, -2, -3, -4, -5.
        assertEquals(-3.0, figures.getDouble("meanChange"), 1e-12);
        assertEquals(8.0, figures.getDouble("meanBefore"), 1e-12);
        // The fourth event was about four people: suppressed for every subscriber.
        assertTrue(new JsonObject(events.get(3).value()).getJsonArray("outcomes").getJsonObject(0).getBoolean("suppressed"));
    }

    @Test
    void aSessionEventThatCanNeverApplyIsDeadLettered() throws Exception {
        String broken = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        produce("session-events", broken, "fi.voimala.session.participant.enrolled.v1", key,
                new JsonObject().put("id", key).put("version", 0).encode());
        await().atMost(PATIENCE).until(() -> KafkaTestBroker.records("session-events-dlq").stream()
                .anyMatch(r -> broken.equals(header(r, "ce_id"))));
        ConsumerRecord<String, String> dead = KafkaTestBroker.records("session-events-dlq").stream()
                .filter(r -> broken.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        assertTrue(header(dead, "dead-letter-reason").contains("must not be"), header(dead, "dead-letter-reason"));
    }
}
