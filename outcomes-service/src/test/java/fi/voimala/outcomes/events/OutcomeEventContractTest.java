package fi.voimala.outcomes.events;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.outcomes.support.Measuring;
import fi.voimala.outcomes.support.Network;
import fi.voimala.outcomes.support.Network.Participant;
import fi.voimala.platform.testing.EventDocument;
import fi.voimala.platform.testing.IncomingEvent;
import fi.voimala.platform.testing.SentEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Keeps docs/events.md true for outcome-events: makes every change that emits an outcomes event (a participant's
 * mood check before and after a session, a staff member's engagement at baseline and end and its correction, the
 * erasure of the participant from session-events) and checks each type's emitted data against the example under its
 * heading (same field names, same JSON types; documented nulls typed by another example), with platform-testing's
 * EventDocument, as the other services' contract tests do.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeEventContractTest {

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
        Measuring measuring = new Measuring(network);
        String series = measuring.series.id().toString();
        Participant p = network.measuredParticipant(measuring.series);
        measuring.mood(p, measuring.visits.get(0), 3, 4);

        Map<String, Integer> engaged = new HashMap<>();
        for (int i = 1; i <= 9; i++) {
            engaged.put("q" + i, 4);
        }
        String nurse = measuring.series.pair().nurse().id().toString();
        measuring.artist().body(Map.of("seriesId", series, "instrumentKey", "uwes-9", "timePoint", "BASELINE",
                        "staffProfessionalId", nurse, "measuredOn", measuring.firstSession().toString(), "answers", engaged))
                .post(Measuring.MEASUREMENTS).then().statusCode(201);
        Map<String, Integer> oneMissing = new HashMap<>(engaged);
        oneMissing.remove("q6");
        String end = measuring.artist().body(Map.of("seriesId", series, "instrumentKey", "uwes-9", "timePoint", "END",
                        "staffProfessionalId", nurse, "measuredOn", measuring.lastSession().toString(),
                        "answers", oneMissing))
                .post(Measuring.MEASUREMENTS).then().statusCode(201).extract().path("id");
        oneMissing.put("q1", 5);
        measuring.artist().body(Map.of("version", 0, "measuredOn", measuring.lastSession().toString(),
                "answers", oneMissing)).put(Measuring.MEASUREMENTS + "/" + end).then().statusCode(200);

        SentEvents sent = new SentEvents(connector);
        sent.await(e -> e.type().endsWith("measurement.corrected.v1") && e.subject().equals(end), 1);
        connector.source("session-events").send(IncomingEvent.of("fi.voimala.session.participant.erased.v1",
                p.id().toString(), "{\"id\":\"" + p.id() + "\",\"seriesId\":\"" + series + "\","
                        + "\"erasedAt\":\"2027-11-02T08:41:17.203Z\"}"));
        sent.await(e -> e.type().endsWith("measurement.erased.v1") && series.equals(e.data().getString("seriesId")), 2);
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        for (SentEvents.Event event : sent.matching(e -> series.equals(e.data().getString("seriesId")))) {
            byType.putIfAbsent(event.type(), JSON.readTree(event.data().encode()));
        }
        emitted = byType;
        return emitted;
    }

    static List<String> types() {
        return Stream.of(OutcomeEvents.MEASUREMENT_RECORDED, OutcomeEvents.MEASUREMENT_CORRECTED,
                OutcomeEvents.MEASUREMENT_ERASED, OutcomeEvents.OUTCOME_UPDATED).map(OutcomeEvents::type).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyOutcomeEventMatchesItsDocumentedExample() throws IOException {
        Map<String, JsonNode> documented = EventDocument.documentedExamples(OutcomeEvents.TYPE_PREFIX);
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
    Stream<DynamicTest> theDocumentNamesNoOutcomeEventThatIsNotEmitted() throws IOException {
        return EventDocument.documentedExamples(OutcomeEvents.TYPE_PREFIX).keySet().stream()
                .map(type -> DynamicTest.dynamicTest(type, () ->
                        assertTrue(types().contains(type), type + " is documented but outcomes-service never emits it")));
    }
}
