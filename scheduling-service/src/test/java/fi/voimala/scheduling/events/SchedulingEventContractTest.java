package fi.voimala.scheduling.events;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.platform.testing.EventDocument;
import fi.voimala.scheduling.support.IncomingEvent;
import fi.voimala.scheduling.support.Network;
import fi.voimala.scheduling.support.SentEvents;
import fi.voimala.scheduling.visit.consumer.SessionEventsConsumer;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Keeps docs/events.md true for visit-events: makes every change that emits a group, series or visit event (create
 * and change a group; plan, change, pause, resume, shorten, cancel a series; schedule, move, cancel, held, missed)
 * and checks each type's emitted data against
 * the example under its heading (same field names, same JSON types; documented nulls typed by another example), with
 * platform-testing's EventDocument, as PartnerEventContractTest does for partner-events.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulingEventContractTest {

    private static final String PREFIX = "fi.voimala.scheduling.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    private Map<String, JsonNode> emitted;

    private synchronized Map<String, JsonNode> emitted() throws IOException {
        if (emitted != null) {
            return emitted;
        }
        Network network = new Network(db);
        Map<String, Object> group = new HashMap<>(Map.of("siteId", network.site().toString(), "name", "Iltapäiväryhmä",
                "targetGroup", "SENIOR_HOUSE_RESIDENTS", "size", 10, "needs", List.of("MEMORY", "HEARING"),
                "contactName", "Liisa Ohjaaja", "contactEmail", "liisa.ohjaaja@example.fi"));
        String groupId = network.coordinator().body(group).post("/api/groups").then().statusCode(201).extract().path("id");
        group.put("size", 8);
        group.put("version", 0);
        network.coordinator().body(group).put("/api/groups/" + groupId).then().statusCode(200);
        Map<String, Object> body = new HashMap<>(Map.of("groupId", groupId,
                "pairId", network.pair().toString(), "artForms", List.of("MUSIC", "DANCE"), "plannedSessions", 18,
                "frequency", "WEEKLY", "startTime", "13:00", "durationMinutes", 90,
                "firstDate", LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(1).toString()));
        String series = network.coordinator().body(body).post("/api/series").then().statusCode(201).extract().path("id");
        List<String> visits = network.coordinator().queryParam("seriesId", series).queryParam("size", 100)
                .queryParam("sort", "startsAt").get("/api/visits").then().statusCode(200).extract().path("items.id");
        network.coordinator().body(Map.of("artForms", List.of("MUSIC"), "version", 0)).put("/api/series/" + series)
                .then().statusCode(200);
        String moveTo = network.coordinator().get("/api/visits/" + visits.get(0)).then().extract().path("startsAt");
        network.coordinator().body(Map.of("startsAt", java.time.Instant.parse(moveTo).plusSeconds(3600).toString(),
                "reason", "the group's lunch moved")).post("/api/visits/" + visits.get(0) + "/move").then().statusCode(200);
        network.coordinator().body(Map.of("reason", "flu")).post("/api/visits/" + visits.get(1) + "/cancel").then().statusCode(200);
        var sessions = connector.source("session-events");
        sessions.send(IncomingEvent.of(SessionEventsConsumer.RECORDED, UUID.randomUUID().toString(),
                "{\"id\":\"" + UUID.randomUUID() + "\",\"visitId\":\"" + visits.get(2) + "\",\"held\":true}"));
        sessions.send(IncomingEvent.of(SessionEventsConsumer.RECORDED, UUID.randomUUID().toString(),
                "{\"id\":\"" + UUID.randomUUID() + "\",\"visitId\":\"" + visits.get(3) + "\",\"held\":false}"));
        network.coordinator().body(Map.of("from", LocalDate.now(ZoneId.of("Europe/Helsinki")).plusWeeks(10).toString(),
                "reason", "summer break")).post("/api/series/" + series + "/pause").then().statusCode(200);
        network.coordinator().body(Map.of("from", LocalDate.now(ZoneId.of("Europe/Helsinki")).plusWeeks(14).toString()))
                .post("/api/series/" + series + "/resume").then().statusCode(200);
        network.coordinator().body(Map.of("plannedSessions", 16, "reason", "the group shrank"))
                .post("/api/series/" + series + "/shorten").then().statusCode(200);
        network.coordinator().body(Map.of("reason", "the unit closes")).post("/api/series/" + series + "/cancel")
                .then().statusCode(200);

        Set<String> subjects = new java.util.HashSet<>(visits);
        subjects.add(series);
        subjects.add(groupId);
        SentEvents sent = new SentEvents(connector);
        sent.await(e -> subjects.contains(e.subject()) && e.type().endsWith("series.cancelled.v1"), 1);
        sent.await(e -> subjects.contains(e.subject()) && e.type().endsWith("visit.missed.v1"), 1);
        sent.await(e -> groupId.equals(e.subject()) && e.type().endsWith("group.changed.v1"), 1);
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        for (SentEvents.Event event : sent.matching(e -> subjects.contains(e.subject()))) {
            byType.put(event.type(), JSON.readTree(event.data().encode()));
        }
        emitted = byType;
        return emitted;
    }

    @TestFactory
    Stream<DynamicTest> everyVisitEventMatchesItsDocumentedExample() throws IOException {
        Map<String, JsonNode> documented = EventDocument.documentedExamples(PREFIX);
        EventDocument.Shapes shapes = EventDocument.Shapes.of(documented);
        return Stream.of(SchedulingEvents.GROUP_CREATED, SchedulingEvents.GROUP_CHANGED, SchedulingEvents.SERIES_PLANNED, SchedulingEvents.SERIES_CHANGED, SchedulingEvents.SERIES_PAUSED,
                        SchedulingEvents.SERIES_RESUMED, SchedulingEvents.SERIES_CANCELLED, SchedulingEvents.VISIT_SCHEDULED,
                        SchedulingEvents.VISIT_MOVED, SchedulingEvents.VISIT_CANCELLED, SchedulingEvents.VISIT_HELD,
                        SchedulingEvents.VISIT_MISSED)
                .map(SchedulingEvents::type)
                .map(type -> DynamicTest.dynamicTest(type, () -> {
                    JsonNode example = documented.get(type);
                    assertNotNull(example, type + " has no example in " + EventDocument.DOCUMENT);
                    JsonNode data = emitted().get(type);
                    assertNotNull(data, "no " + type + " was emitted");
                    shapes.assertMatches(type, example, data);
                }));
    }

    /** Every scheduling type the document names is one the service emits (ward availability has its own test). */
    @TestFactory
    Stream<DynamicTest> theDocumentNamesNoVisitEventThatIsNotEmitted() throws IOException {
        return EventDocument.documentedExamples(PREFIX).keySet().stream()
                .filter(type -> !type.contains("ward-availability"))
                .map(type -> DynamicTest.dynamicTest(type, () -> assertTrue(emitted().containsKey(type),
                        type + " is documented but not emitted")));
    }
}
