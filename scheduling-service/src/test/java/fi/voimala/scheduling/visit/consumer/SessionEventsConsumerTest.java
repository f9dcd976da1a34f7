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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * A visit is marked HELD or MISSED when sessions-service records its session (recorded events, shaped as documented
 * in docs/events.md under session-events), once: a redelivery changes nothing, and a record naming a visit scheduling
 * never planned is refused without holding up the records after it.
 */
@QuarkusTest
class SessionEventsConsumerTest {

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    @Test
    void aRecordedSessionMarksItsVisitHeldOnce() {
        Network network = new Network(db);
        Map<String, Object> body = new HashMap<>(Map.of("groupId", network.group(network.site()).toString(),
                "pairId", network.pair().toString(), "artForms", List.of("MUSIC"), "plannedSessions", 15,
                "frequency", "WEEKLY", "startTime", "13:00", "durationMinutes", 90, "firstDate", "2027-09-06"));
        String series = network.coordinator().body(body).post("/api/series").then().statusCode(201).extract().path("id");
        List<String> visits = network.coordinator().queryParam("seriesId", series).get("/api/visits").then().statusCode(200)
                .extract().path("items.id");

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
        source.send(IncomingEvent.of(SessionEventsConsumer.UPDATED, record, held));             // the same state again
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertEquals(1, events.matching(e -> visits.get(0).equals(e.subject())
                && e.type().equals("fi.voimala.scheduling.visit.held.v1")).size());
        network.coordinator().get("/api/series/" + series).then().statusCode(200)
                .body("visits.held", org.hamcrest.Matchers.equalTo(1)).body("visits.missed", org.hamcrest.Matchers.equalTo(1));
    }
}
