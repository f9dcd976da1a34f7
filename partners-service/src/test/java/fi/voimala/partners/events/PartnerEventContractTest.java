package fi.voimala.partners.events;

import static fi.voimala.partners.support.Register.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.voimala.partners.support.Register;
import fi.voimala.platform.testing.TestTokens;
import fi.voimala.platform.testing.EventDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.AssertionFailedError;

/**
 * Keeps docs/events.md true: for each event type the register publishes, makes the change that emits it, and
 * checks the emitted JSON data against the example documented under the type's heading (the {@code ### type / .other.v1}
 * headings and the json block below each): the same field names, and the same JSON value type for each field
 * (string, number, boolean, list, object). A documented {@code null} marks a field that may be null; its type is
 * the one it has in another example of the same aggregate (each such field must be shown non-null somewhere), so
 * nullable fields are type-checked too. A list the example shows with items must be emitted with items (the test's
 * data gives every list some), so that its items are checked. A field renamed, added or retyped on either side
 * fails here, with a message naming the type, the field and both JSON types; a test of the checker proves it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerEventContractTest {

    private static final String PREFIX = "fi.voimala.partner.";
    private static final Path DOCUMENT = EventDocument.DOCUMENT;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @org.eclipse.microprofile.reactive.messaging.spi.Connector("smallrye-in-memory")
    InMemoryConnector connector;

    private Map<String, JsonNode> emitted;

    /** Makes one change of each kind, then takes the data of the last event of each type about these aggregates. */
    private synchronized Map<String, JsonNode> emitted() {
        if (emitted != null) {
            return emitted;
        }
        String token = TestTokens.coordinator();
        Map<String, Object> organisation = Register.organisationBody(Register.newAlias());
        String organisationId = as(token).body(organisation).post("/api/organisations").then().statusCode(201).extract().path("id");
        organisation.put("version", 0);
        as(token).body(organisation).put("/api/organisations/" + organisationId).then().statusCode(200);
        Map<String, Object> nurseBody = Register.professionalBody(organisationId, "SOCIAL_AND_HEALTH", "NURSE");
        nurseBody.put("keycloakUserId", java.util.UUID.randomUUID().toString());
        String nurse = as(token).body(nurseBody).post("/api/professionals").then().statusCode(201).extract().path("id");
        nurseBody.put("version", 0);
        as(token).body(nurseBody).put("/api/professionals/" + nurse).then().statusCode(200);
        String pair = Register.pair(Register.artist(organisationId), nurse);
        as(token).body(Map.of("reason", "the series ended")).post("/api/pairs/" + pair + "/dissolve").then().statusCode(200);
        Map<String, Object> ward = Register.wardBody(organisationId, "Harjulan sairaala", "HAR-" + System.nanoTime() % 10000);
        String site = as(token).body(ward).post("/api/sites").then().statusCode(201).extract().path("id");
        ward.put("version", 0);
        as(token).body(ward).put("/api/sites/" + site).then().statusCode(200);
        as(token).body(Map.of("reason", "moved")).post("/api/sites/" + site + "/close").then().statusCode(200);
        as(token).body(Map.of("reason", "merged")).post("/api/organisations/" + organisationId + "/leave").then().statusCode(200);

        Set<String> subjects = Set.of(organisationId, nurse, pair, site);
        await().atMost(Duration.ofSeconds(15)).until(() -> collect(subjects).size() == 10);
        emitted = collect(subjects);
        return emitted;
    }

    private Map<String, JsonNode> collect(Set<String> subjects) {
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        for (Message<?> message : connector.sink("outbox").received()) {
            OutgoingCloudEventMetadata<?> ce = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
            if (subjects.contains(ce.getSubject().orElse(""))) {
                try {
                    byType.put(ce.getType(), JSON.readTree((String) message.getPayload()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return byType;
    }

    @TestFactory
    Stream<DynamicTest> everyEventMatchesItsDocumentedExample() throws IOException {
        Map<String, JsonNode> documented = EventDocument.documentedExamples(PREFIX);
        EventDocument.Shapes shapes = EventDocument.Shapes.of(documented);
        return Stream.of(PartnerEvents.ORGANISATION_JOINED, PartnerEvents.ORGANISATION_UPDATED, PartnerEvents.ORGANISATION_LEFT,
                        PartnerEvents.PROFESSIONAL_REGISTERED, PartnerEvents.PROFESSIONAL_UPDATED,
                        PartnerEvents.PAIR_FORMED, PartnerEvents.PAIR_DISSOLVED,
                        PartnerEvents.SITE_REGISTERED, PartnerEvents.SITE_UPDATED, PartnerEvents.SITE_CLOSED)
                .map(PartnerEvents::type)
                .map(type -> DynamicTest.dynamicTest(type, () -> {
                    JsonNode example = documented.get(type);
                    assertNotNull(example, type + " has no example in " + DOCUMENT);
                    JsonNode data = emitted().get(type);
                    assertNotNull(data, "no " + type + " was emitted");
                    shapes.assertMatches(type, example, data);
                }));
    }

    @TestFactory
    Stream<DynamicTest> theDocumentNamesNoTypeThatIsNotEmitted() throws IOException {
        return EventDocument.documentedExamples(PREFIX).keySet().stream().map(type -> DynamicTest.dynamicTest(type,
                () -> assertTrue(emitted().containsKey(type), type + " is documented but not emitted")));
    }

    /** Every field the document shows null somewhere is shown non-null in another example of its aggregate. */
    @Test
    void everyNullableFieldHasADocumentedType() throws IOException {
        EventDocument.Shapes.of(EventDocument.documentedExamples(PREFIX));
    }

    /** The checker itself: a retyped nullable field, a list emitted empty and a disallowed null each fail. */
    @Test
    void theCheckerCatchesWhatTheExamplesWouldOtherwiseLetThrough() throws IOException {
        Map<String, JsonNode> documented = EventDocument.documentedExamples(PREFIX);
        EventDocument.Shapes shapes = EventDocument.Shapes.of(documented);
        String joined = PartnerEvents.type(PartnerEvents.ORGANISATION_JOINED);
        JsonNode example = documented.get(joined);
        ObjectNode good = example.deepCopy();
        good.put("memberUntil", "2026-11-24").put("leaveReason", "merged");
        shapes.assertMatches(joined, example, good);

        ObjectNode retyped = good.deepCopy().put("memberUntil", 20261124);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> shapes.assertMatches(joined, example, retyped));
        assertTrue(failure.getMessage().contains(joined + " memberUntil: documented string (null in this example), emitted whole number"),
                failure.getMessage());
        ObjectNode emptied = good.deepCopy();
        emptied.putArray("sectors");
        failure = assertThrows(AssertionFailedError.class, () -> shapes.assertMatches(joined, example, emptied));
        assertTrue(failure.getMessage().contains(joined + " sectors: documented a list with items, emitted an empty list"),
                failure.getMessage());
        ObjectNode nulled = good.deepCopy().putNull("name");
        failure = assertThrows(AssertionFailedError.class, () -> shapes.assertMatches(joined, example, nulled));
        assertTrue(failure.getMessage().contains(joined + " name: documented string, emitted null"), failure.getMessage());
    }

}
