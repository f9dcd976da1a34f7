package fi.voimala.scheduling.visit.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.scheduling.support.IncomingEvent;
import fi.voimala.scheduling.support.Network;
import fi.voimala.scheduling.support.SentEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * A visit is marked HELD or MISSED when sessions-service records its session (recorded and corrected events, shaped as
 * documented in docs/events.md under session-events), once: a redelivery changes nothing, a correction to "not held"
 * makes the visit MISSED, and a record naming a visit scheduling never planned is refused without holding up the
 * records after it. The participant events sharing the topic are acknowledged and skipped, never dead-lettered.
 */
@QuarkusTest
class SessionEventsConsumerTest {

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    /** Plans a series (its visits from 2027-09-06 on) and answers its id and its visits' ids, the first first. */
    private static Map.Entry<String, List<String>> plannedSeries(Network network) {
        Map<String, Object> body = new HashMap<>(Map.of("groupId", network.group(network.site()).toString(),
                "pairId", network.pair().toString(), "artForms", List.of("MUSIC"), "plannedSessions", 15,
                "frequency", "WEEKLY", "startTime", "13:00", "durationMinutes", 90, "firstDate", "2027-09-06"));
        String series = network.coordinator().body(body).post("/api/series").then().statusCode(201).extract().path("id");
        List<String> visits = network.coordinator().queryParam("seriesId", series).queryParam("sort", "startsAt")
                .get("/api/visits").then().statusCode(200).extract().path("items.id");
        return Map.entry(series, visits);
    }

    private static String sessionRecord(String record, String visit, boolean held) {
        return "{\"id\":\"" + record + "\",\"visitId\":\"" + visit + "\",\"held\":" + held + "}";
    }

    @Test
    void aRecordedSessionMarksItsVisitHeldOnce() {
        Network network = new Network(db);
        Map.Entry<String, List<String>> planned = plannedSeries(network);
        String series = planned.getKey();
        List<String> visits = planned.getValue();

        String record = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String held = "{\"id\":\"" + record + "\",\"visitId\":\"" + visits.get(0) + "\",\"held\":true,\"participants\":7}";
        var source = connector.source("session-events");
        // First a record about a visit nobody planned: refused, and the next record still goes through.
        source.send(IncomingEvent.of(SessionEventsConsumer.RECORDED, UUID.randomUUID().toString(),
                "{\"id\":\"" + UUID.randomUUID() + "\",\"visitId\":\"" + UUID.randomUUID() + "\",\"held\":true}"));
        source.send(IncomingEvent.of(eventId, SessionEventsConsumer.RECORDED, record, held));
        source.send(IncomingEvent.of(UUID.randomUUID().toString(), SessionEventsConsumer.RECORDED, UUID.randomUUID().toString(),
                "{\"id\":\"" + UUID.randomUUID() + "\",\"visitId\":\"" + visits.get(1) + "\",\"held\":false}"));

        await().atMost(Duration.ofSeconds(10)).until(() -> network.count("select count(*) from visit where id = ?::uuid"
                + " and status = 'HELD' and session_record_id = ?::uuid", visits.get(0), record) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> network.count("select count(*) from visit where id = ?::uuid"
                + " and status = 'MISSED'", visits.get(1)) == 1);
        SentEvents events = new SentEvents(connector);
        events.await(e -> visits.get(0).equals(e.subject()) && e.type().equals("fi.voimala.scheduling.visit.held.v1"), 1);

        source.send(IncomingEvent.of(eventId, SessionEventsConsumer.RECORDED, record, held));   // delivered again
        source.send(IncomingEvent.of(SessionEventsConsumer.CORRECTED, record, held));           // the same state again
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertEquals(1, events.matching(e -> visits.get(0).equals(e.subject())
                && e.type().equals("fi.voimala.scheduling.visit.held.v1")).size());
        network.coordinator().get("/api/series/" + series).then().statusCode(200)
                .body("visits.held", org.hamcrest.Matchers.equalTo(1)).body("visits.missed", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aCorrectionThatTheSessionWasNotHeldMarksTheVisitMissed() {
        Network network = new Network(db);
        List<String> visits = plannedSeries(network).getValue();
        String record = UUID.randomUUID().toString();
        var source = connector.source("session-events");
        source.send(IncomingEvent.of(SessionEventsConsumer.RECORDED, record, sessionRecord(record, visits.get(0), true)));
        source.send(IncomingEvent.of(SessionEventsConsumer.CORRECTED, record, sessionRecord(record, visits.get(0), false)));

        await().atMost(Duration.ofSeconds(10)).until(() -> network.count("select count(*) from visit where id = ?::uuid"
                + " and status = 'MISSED' and session_record_id = ?::uuid", visits.get(0), record) == 1);
        SentEvents events = new SentEvents(connector);
        events.await(e -> visits.get(0).equals(e.subject()) && e.type().endsWith(".missed.v1"), 1);
        assertEquals(List.of("fi.voimala.scheduling.visit.held.v1", "fi.voimala.scheduling.visit.missed.v1"),
                events.matching(e -> visits.get(0).equals(e.subject()) && e.type().matches(".*\\.(held|missed)\\.v1"))
                        .stream().map(SentEvents.Event::type).toList());
    }

    @Test
    void participantEventsOnTheTopicAreSkippedUnreadNotDeadLettered() {
        Network network = new Network(db);
        List<String> visits = plannedSeries(network).getValue();
        String participant = UUID.randomUUID().toString();
        // Shaped as sessions-service publishes them (its ParticipantEventData, ParticipantErasedEventData): nothing
        // like a session record, so reading one as a record would fail and dead-letter it.
        String state = "{\"id\":\"" + participant + "\",\"version\":0,\"seriesId\":\"" + UUID.randomUUID()
                + "\",\"code\":\"K7M-4PX-9RT\",\"consentCovers\":[\"SESSION_ATTENDANCE\"]}";
        Map<String, String> participantEvents = Map.of(
                "fi.voimala.session.participant.enrolled.v1", state,
                "fi.voimala.session.participant.changed.v1", state,
                "fi.voimala.session.participant.consent-withdrawn.v1", state,
                "fi.voimala.session.participant.erased.v1",
                "{\"id\":\"" + participant + "\",\"erasedAt\":\"2027-10-01T08:00:00Z\"}");
        List<String> acked = new CopyOnWriteArrayList<>();
        List<String> nacked = new CopyOnWriteArrayList<>();
        List<String> ids = new ArrayList<>();
        var source = connector.source("session-events");
        participantEvents.forEach((type, data) -> {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            source.send(IncomingEvent.of(id, type, participant, data)
                    .withAck(() -> {
                        acked.add(type);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(reason -> {
                        nacked.add(type + ": " + reason.getMessage());
                        return CompletableFuture.completedFuture(null);
                    }));
        });
        // The channel goes on behind them: a record sent after them is applied.
        String record = UUID.randomUUID().toString();
        source.send(IncomingEvent.of(SessionEventsConsumer.RECORDED, record, sessionRecord(record, visits.get(0), true)));

        await().atMost(Duration.ofSeconds(10)).until(() -> network.count("select count(*) from visit where id = ?::uuid"
                + " and status = 'HELD'", visits.get(0)) == 1);
        assertEquals(List.of(), nacked, "no participant event is dead-lettered");
        assertEquals(participantEvents.keySet(), Set.copyOf(acked));
        for (String id : ids) {
            assertEquals(0, network.count("select count(*) from processed_event where event_id = ?::uuid", id),
                    "skipped, not applied: nothing to remember");
        }
    }
}
