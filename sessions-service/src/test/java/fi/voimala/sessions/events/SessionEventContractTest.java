package fi.voimala.sessions.events;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.platform.testing.EventDocument;
import fi.voimala.sessions.support.Network;
import fi.voimala.sessions.support.Network.Series;
import fi.voimala.sessions.support.SentEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
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
 * Keeps docs/events.md true for session-events: makes every change that emits a sessions event through the API
 * (enrol, change, withdraw consent, erase a participant; record and correct a session) and checks each type's emitted
 * data against the example under its heading (same field names, same JSON types; documented nulls typed by another
 * example), with platform-testing's EventDocument, as the other services' contract tests do.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionEventContractTest {

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
        Series series = network.series();
        String today = LocalDate.now(Network.HELSINKI).toString();
        Map<String, Object> consent = Map.of("givenBy", "LEGAL_REPRESENTATIVE",
                "givenOn", LocalDate.now(Network.HELSINKI).minusWeeks(5).toString(),
                "covers", List.of("PARTICIPATION", "MEASUREMENTS", "RESEARCH_USE"));
        var participant = network.coordinator().body(Map.of("seriesId", series.id().toString(), "consent", consent))
                .post("/api/participants").then().statusCode(201).extract();
        String participantId = participant.path("id");
        String code = participant.path("code");
        network.coordinator().body(Map.of("version", 0, "yearOfBirthBand", "1940-1944", "gender", "FEMALE"))
                .put("/api/participants/" + participantId).then().statusCode(200);
        network.coordinator().body(Map.of("withdrawnFrom", today, "covers", List.of("RESEARCH_USE")))
                .post("/api/participants/" + participantId + "/withdrawal").then().statusCode(200);

        UUID visit = network.pastVisit(series, 1);
        Instant start = network.visitStart(visit);
        String recordId = series.pair().artist().as().body(Map.ofEntries(Map.entry("visitId", visit.toString()), Map.entry("held", true),
                        Map.entry("startedAt", start.toString()),
                        Map.entry("endedAt", start.plus(85, ChronoUnit.MINUTES).toString()),
                        Map.entry("participantCodes", List.of(code)), Map.entry("extraAttendees", 1),
                        Map.entry("staffProfessionalIds", List.of(network.nurse().id().toString())),
                        Map.entry("otherStaffCount", 2), Map.entry("artForms", List.of("MUSIC")),
                        Map.entry("methods", List.of("singing", "rhythm with scarves")),
                        Map.entry("observations", "everyone sang along"),
                        Map.entry("reflection", "start with a warm-up next time")))
                .post("/api/session-records").then().statusCode(201).extract().path("id");
        series.pair().nurse().as().body(Map.of("version", 0, "held", false,
                        "notHeldReason", "the ward was in infection isolation"))
                .put("/api/session-records/" + recordId).then().statusCode(200);

        String erased = network.coordinator().body(Map.of("seriesId", series.id().toString(), "consent", consent))
                .post("/api/participants").then().statusCode(201).extract().path("id");
        network.coordinator().body(Map.of("reason", "the person's guardian asked for it"))
                .post("/api/participants/" + erased + "/erasure").then().statusCode(204);

        Set<String> subjects = new HashSet<>(List.of(participantId, recordId, erased));
        SentEvents sent = new SentEvents(connector);
        sent.await(e -> subjects.contains(e.subject()) && e.type().endsWith("participant.erased.v1"), 1);
        sent.await(e -> subjects.contains(e.subject()) && e.type().endsWith("record.corrected.v1"), 1);
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        for (SentEvents.Event event : sent.matching(e -> subjects.contains(e.subject()))) {
            byType.put(event.type(), JSON.readTree(event.data().encode()));
        }
        emitted = byType;
        return emitted;
    }

    static List<String> types() {
        return Stream.of(SessionEvents.PARTICIPANT_ENROLLED, SessionEvents.PARTICIPANT_CHANGED,
                SessionEvents.CONSENT_WITHDRAWN, SessionEvents.PARTICIPANT_ERASED, SessionEvents.RECORD_RECORDED,
                SessionEvents.RECORD_CORRECTED).map(SessionEvents::type).toList();
    }

    @TestFactory
    Stream<DynamicTest> everySessionEventMatchesItsDocumentedExample() throws IOException {
        Map<String, JsonNode> documented = EventDocument.documentedExamples(SessionEvents.TYPE_PREFIX);
        EventDocument.Shapes shapes = EventDocument.Shapes.of(documented);
        return types().stream().map(type -> DynamicTest.dynamicTest(type, () -> {
            JsonNode example = documented.get(type);
            assertNotNull(example, type + " has no example in " + EventDocument.DOCUMENT);
            JsonNode data = emitted().get(type);
            assertNotNull(data, "no " + type + " was emitted");
            shapes.assertMatches(type, example, data);
        }));
    }

    @TestFactory
    Stream<DynamicTest> theDocumentNamesNoSessionEventThatIsNotEmitted() throws IOException {
        return EventDocument.documentedExamples(SessionEvents.TYPE_PREFIX).keySet().stream()
                .map(type -> DynamicTest.dynamicTest(type, () ->
                        assertTrue(types().contains(type), type + " is documented but sessions-service never emits it")));
    }
}
