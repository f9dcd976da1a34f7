package fi.voimala.partners.events;

import static fi.voimala.partners.support.Register.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.partners.support.Register;
import fi.voimala.partners.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Keeps docs/events.md true: for each event type the register publishes, makes the change that emits it, and
 * checks the emitted JSON data against the example documented under the type's heading (the {@code ### type / .other.v1}
 * headings and the json block below each): the same field names, and the same JSON value type for each field
 * (string, number, boolean, list, object; a documented {@code null} marks a field that may be null). A field
 * renamed, added or retyped on either side fails here.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerEventContractTest {

    private static final Path DOCUMENT = Path.of("../docs/events.md");
    private static final Pattern HEADING = Pattern.compile("^### (fi\\.voimala\\.[\\w.]+?)\\.(\\w+\\.v\\d+)((?: / \\.\\w+\\.v\\d+)*)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @org.eclipse.microprofile.reactive.messaging.spi.Connector("smallrye-in-memory")
    InMemoryConnector connector;

    private Map<String, JsonNode> emitted;

    /** Each documented type and its example, read from the markdown by the type's heading. */
    static Map<String, JsonNode> documentedExamples() throws IOException {
        String markdown = Files.readString(DOCUMENT);
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        Matcher heading = HEADING.matcher(markdown);
        while (heading.find()) {
            int next = markdown.indexOf("\n### ", heading.end());
            String section = markdown.substring(heading.end(), next < 0 ? markdown.length() : next);
            Matcher block = JSON_BLOCK.matcher(section);
            assertTrue(block.find(), "no json example under " + heading.group());
            JsonNode example = JSON.readTree(block.group(1));
            String prefix = heading.group(1);
            examples.put(prefix + "." + heading.group(2), example);
            for (String other : heading.group(3).split(" / \\.")) {
                if (!other.isBlank()) {
                    examples.put(prefix + "." + other.strip(), example);
                }
            }
        }
        return examples;
    }

    /** Makes one change of each kind, then takes the data of the last event of each type about these aggregates. */
    private synchronized Map<String, JsonNode> emitted() {
        if (emitted != null) {
            return emitted;
        }
        String token = Tokens.coordinator();
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
        Map<String, JsonNode> documented = documentedExamples();
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
                    assertSameShape(type, example, data);
                }));
    }

    @TestFactory
    Stream<DynamicTest> theDocumentNamesNoTypeThatIsNotEmitted() throws IOException {
        return documentedExamples().keySet().stream().map(type -> DynamicTest.dynamicTest(type,
                () -> assertTrue(emitted().containsKey(type), type + " is documented but not emitted")));
    }

    static void assertSameShape(String path, JsonNode documented, JsonNode emitted) {
        if (documented.isNull()) {
            return; // documented as possibly null: any value
        }
        assertEquals(kind(documented), kind(emitted), path + ": JSON type");
        if (documented.isObject()) {
            assertEquals(names(documented), names(emitted), path + ": field names");
            documented.fields().forEachRemaining(field -> assertSameShape(path + "." + field.getKey(), field.getValue(),
                    emitted.get(field.getKey())));
        } else if (documented.isArray() && !documented.isEmpty()) {
            for (JsonNode element : emitted) {
                assertSameShape(path + "[]", documented.get(0), element);
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> node.isIntegralNumber() ? "whole number" : "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "list";
            case OBJECT -> "object";
            case NULL -> "null";
            default -> node.getNodeType().toString();
        };
    }
}
