package fi.voimala.scheduling.availability.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.scheduling.availability.WardSeries;
import fi.voimala.platform.testing.IncomingEvent;
import fi.voimala.scheduling.support.Network;
import fi.voimala.platform.testing.SentEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer of ward-availability, fed through the in-memory channel as Kafka would feed it: a closure over five
 * scheduled visits of a weekly series moves each to the next free date of its rhythm (the pair's other Tuesdays are
 * taken, so past the series' end) while the planned end plus the 28-day grace allows, and cancels the one that finds
 * none, each change one event; the same event delivered again, and a new event with the same closure, change nothing.
 * A statement that can never apply is dead-lettered with a sentence naming it, and the next one is applied.
 */
@QuarkusTest
class WardAvailabilityConsumerTest {

    static final String TYPE = "fi.voimala.scheduling.ward-availability.published.v1";

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    Network network;
    SentEvents events;
    InMemorySource<Message<String>> source;

    @BeforeEach
    void setUp() {
        network = new Network(db);
        events = new SentEvents(connector);
        source = connector.source("ward-availability");
    }

    void awaitApplied(String eventId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> network.count("select count(*) from ward_statement where id = ?::uuid", eventId) == 1);
    }

    List<SentEvents.Event> changesOf(List<String> visits) {
        return events.matching(e -> visits.contains(e.subject()) && (e.type().endsWith("visit.moved.v1")
                || e.type().endsWith("visit.cancelled.v1")));
    }

    @Test
    void aClosureMovesItsVisitsToTheNextFreeRhythmDatesOrCancelsThemOnce() {
        WardSeries ward = WardSeries.plan(network);
        List<String> closed = ward.closedVisits();
        assertEquals(5, closed.size());

        String eventId = UUID.randomUUID().toString();
        source.send(IncomingEvent.of(eventId, TYPE, ward.key(), ward.closure()));
        awaitApplied(eventId);

        Map<String, Map<String, Object>> visits = ward.visits().stream()
                .collect(Collectors.toMap(v -> (String) v.get("id"), v -> v));
        // Tuesdays to 14 December hold the series' other visits; the grace ends 2027-12-14 + 28 days = 2028-01-11.
        // 13:00 in Helsinki is 11:00 UTC in winter.
        List<String> movedTo = List.of("2027-12-21T11:00:00Z", "2027-12-28T11:00:00Z", "2028-01-04T11:00:00Z",
                "2028-01-11T11:00:00Z");
        for (int i = 0; i < 4; i++) {
            Map<String, Object> visit = visits.get(closed.get(i));
            assertEquals("SCHEDULED", visit.get("status"), "visit " + visit.get("ordinal"));
            assertEquals(movedTo.get(i), visit.get("startsAt"), "visit " + visit.get("ordinal"));
        }
        Map<String, Object> last = visits.get(closed.get(4));
        assertEquals("CANCELLED", last.get("status"));
        assertEquals("2027-11-02T11:00:00Z", last.get("startsAt"), "a cancelled visit keeps its time");
        assertEquals(10, visits.values().stream().filter(v -> "SCHEDULED".equals(v.get("status"))
                && ((String) v.get("startsAt")).compareTo("2027-12-15") < 0).count(), "the other ten stay as they were");

        List<SentEvents.Event> changes = events.await(e -> closed.contains(e.subject())
                && (e.type().endsWith("visit.moved.v1") || e.type().endsWith("visit.cancelled.v1")), 5);
        assertEquals(5, changes.size());
        for (int i = 0; i < 4; i++) {
            String visit = closed.get(i);
            SentEvents.Event moved = changes.stream().filter(e -> e.subject().equals(visit)).findFirst().orElseThrow();
            assertEquals("fi.voimala.scheduling.visit.moved.v1", moved.type());
            assertEquals("visit-events", moved.topic());
            assertEquals(movedTo.get(i), moved.data().getString("startsAt"));
            assertEquals("ward closed: " + WardSeries.REASON, moved.data().getString("reason"));
            assertTrue(moved.data().getString("previousStartsAt").startsWith("2027-1"), moved.data().encode());
        }
        SentEvents.Event cancelled = changes.stream().filter(e -> e.subject().equals(closed.get(4))).findFirst().orElseThrow();
        assertEquals("fi.voimala.scheduling.visit.cancelled.v1", cancelled.type());
        assertEquals("ward closed: Norovirus isolation; no free slot on the series' rhythm until 2028-01-11",
                cancelled.data().getString("reason"));
        long versions = network.count("select sum(version) from visit where series_id = ?::uuid", ward.seriesId);

        // Kafka delivers it again (a rebalance), and the hospital sends the same closure again as a new event.
        source.send(IncomingEvent.of(eventId, TYPE, ward.key(), ward.closure()));
        String again = UUID.randomUUID().toString();
        source.send(IncomingEvent.of(again, TYPE, ward.key(), ward.closure()));
        awaitApplied(again);   // the channel is in order, so the redelivery has been handled too
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);   // the relay's turn
        assertEquals(5, changesOf(closed).size(), "no event twice");
        assertEquals(versions, network.count("select sum(version) from visit where series_id = ?::uuid", ward.seriesId),
                "no visit changed again");
        assertEquals(1, network.count("select count(*) from ward_statement where id = ?::uuid", eventId));
    }

    @Test
    void aStatementThatCanNeverApplyIsDeadLetteredWithItsReasonAndTheNextIsApplied() {
        WardSeries ward = WardSeries.plan(network);
        List<String> reasons = new CopyOnWriteArrayList<>();
        String unknownWard = UUID.randomUUID().toString();
        String endBeforeStart = UUID.randomUUID().toString();
        for (Map.Entry<String, String> bad : Map.of(
                unknownWard, ward.statement("NOPE", WardSeries.CLOSED_FROM, WardSeries.CLOSED_TO, "UNAVAILABLE", null),
                endBeforeStart, ward.statement(ward.wardCode, WardSeries.CLOSED_TO, WardSeries.CLOSED_FROM, "UNAVAILABLE", null),
                UUID.randomUUID().toString(), "{\"hospitalOrganisationId\": \"" + network.organisationId + "\", \"from\": \""
                        + WardSeries.CLOSED_FROM + "\", \"to\": \"" + WardSeries.CLOSED_TO + "\", \"state\": \"UNAVAILABLE\"}",
                UUID.randomUUID().toString(), "closed for painting").entrySet()) {
            source.send(IncomingEvent.of(bad.getKey(), TYPE, ward.key(), bad.getValue()).withNack(reason -> {
                reasons.add(reason.getMessage());
                return CompletableFuture.completedFuture(null);
            }));
        }
        String good = UUID.randomUUID().toString();
        source.send(IncomingEvent.of(good, TYPE, ward.key(), ward.statement(ward.wardCode.toLowerCase(),
                "2028-02-01T00:00:00+02:00", "2028-03-01T00:00:00+02:00", "AVAILABLE", null)));
        awaitApplied(good);

        assertEquals(4, reasons.size(), String.join("\n", reasons));
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("Ward availability event " + unknownWard)
                && r.contains("names ward 'NOPE' of organisation " + network.organisationId)), String.join("\n", reasons));
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("Ward availability event " + endBeforeStart)
                && r.contains("to must be after from")), String.join("\n", reasons));
        assertTrue(reasons.stream().anyMatch(r -> r.contains("wardCode must not be blank")), String.join("\n", reasons));
        assertTrue(reasons.stream().anyMatch(r -> r.contains("cannot be read as WardAvailabilityEventData")),
                String.join("\n", reasons));
        assertEquals(1, network.count("select count(*) from ward_statement where site_id = ?", ward.wardId),
                "only the good one was kept");
        assertEquals(1, network.count("select count(*) from ward_statement where id = ?::uuid and ward_code = ?", good,
                ward.wardCode), "kept with the ward's code as the register spells it");
    }
}
