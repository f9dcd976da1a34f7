package fi.voimala.outcomes.instrument.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.outcomes.support.Network;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instruments through the API: the five shipped definitions are there after start, readable by every role that works
 * with outcomes; a coordinator imports a new instrument and a new version of a licensed one completed with its item
 * texts; a broken definition is a 422 naming each problem's field, an existing version 409, a new version that scores
 * differently 422; nobody else imports.
 */
@QuarkusTest
class InstrumentResourceTest {

    static final String INSTRUMENTS = "/api/instruments";

    @Inject
    DataSource db;

    Network network;

    @BeforeEach
    void aNetwork() {
        network = new Network(db);
    }

    /** A small valid definition of a new instrument: two items on 0-4, their mean. */
    static Map<String, Object> definition(String key, int version) {
        Map<String, Object> text = Map.of("fi", "Teksti", "sv", "Text", "en", "Text");
        return Map.of("key", key, "version", version, "name", text, "target", "PARTICIPANT",
                "licence", "the network's own, free", "scale", Map.of("min", 0, "max", 4),
                "items", List.of(Map.of("id", "a", "text", text, "reverse", false),
                        Map.of("id", "b", "text", text, "reverse", true)),
                "scores", List.of(Map.of("key", "total", "name", text, "items", List.of("a", "b"), "method", "MEAN",
                        "missing", Map.of("maxMissing", 0, "imputation", "NONE"),
                        "range", Map.of("min", 0, "max", 4), "higherIsBetter", true,
                        "minimalImportantDifference", 0.5)));
    }

    @Test
    void theShippedInstrumentsAreThereForEveryoneWhoWorksWithOutcomes() {
        for (String role : List.of("coordinator", "org-admin", "artist", "care-professional", "researcher", "viewer")) {
            Network.as(TestTokens.token(role, network.alias)).get(INSTRUMENTS).then().log().ifValidationFails().statusCode(200)
                    .body("key", hasItems("ucla-3", "session-mood", "physical-function", "swemwbs", "uwes-9"));
        }
        JsonPath uwes = network.coordinator().queryParam("target", "STAFF").get(INSTRUMENTS).then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("STAFF"), uwes.getList("target").stream().distinct().toList());
        assertEquals(true, uwes.getList("key").contains("uwes-9"));
        // Licensed instruments ship without their item texts: scoring only.
        network.coordinator().get(INSTRUMENTS).then()
                .body("find { it.key == 'swemwbs' }.textsIncluded", equalTo(false))
                .body("find { it.key == 'ucla-3' }.textsIncluded", equalTo(true))
                .body("find { it.key == 'ucla-3' }.shipped", equalTo(true));
        Network.as(TestTokens.token("hospital-system", network.alias)).get(INSTRUMENTS).then().log().ifValidationFails().statusCode(403);
        network.coordinator().queryParam("target", "EVERYONE").get(INSTRUMENTS).then().log().ifValidationFails().statusCode(422)
                .body("violations[0].field", equalTo("target"));
    }

    @Test
    void aCoordinatorImportsAnInstrumentAndOnlyACoordinator() {
        String key = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String id = network.coordinator().body(definition(key, 1)).post(INSTRUMENTS).then().log().ifValidationFails().statusCode(201)
                .body("key", equalTo(key)).body("version", equalTo(1)).body("shipped", equalTo(false))
                .body("definition.items.id", equalTo(List.of("a", "b")))
                .extract().path("id");
        network.coordinator().get(INSTRUMENTS + "/" + id).then().log().ifValidationFails().statusCode(200).body("name", equalTo("Text"));
        network.coordinator().body(definition(key, 1)).post(INSTRUMENTS).then().log().ifValidationFails().statusCode(409)
                .body("violations[0].rule", equalTo("version-exists"));
        for (String role : List.of("org-admin", "artist", "care-professional", "researcher", "viewer")) {
            Network.as(TestTokens.token(role, network.alias)).body(definition(key, 2)).post(INSTRUMENTS).then()
                    .statusCode(403);
        }
        assertEquals(1, network.count("select count(*) from instrument where key = ?", key));
    }

    @Test
    void aBrokenDefinitionIsRefusedNamingEachProblemAndNothingIsStored() {
        String key = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> broken = new java.util.HashMap<>(definition(key, 1));
        broken.put("scale", Map.of("min", 4, "max", 0));
        List<Map<String, Object>> scores = new ArrayList<>();
        scores.add(Map.of("key", "total", "name", Map.of("fi", "T", "sv", "T", "en", "T"), "items", List.of("a", "c"),
                "method", "SUM", "missing", Map.of("maxMissing", 0, "imputation", "NONE"),
                "range", Map.of("min", 0, "max", 8), "higherIsBetter", true));
        broken.put("scores", scores);
        network.coordinator().body(broken).post(INSTRUMENTS).then().log().ifValidationFails().statusCode(422)
                .body("violations.field", hasItems("scale.max", "scores[0].items[1]"))
                .body("violations.rule", hasItem("unknown-item"));
        network.coordinator().body(Map.of("version", 0)).post(INSTRUMENTS).then().log().ifValidationFails().statusCode(422)
                .body("violations.field", hasItems("key", "version", "items", "scores"));
        network.coordinator().body(Map.of()).post(INSTRUMENTS).then().log().ifValidationFails().statusCode(400)
                .body("violations[0].field", equalTo("version"));
        network.coordinator().body(Map.of("key", key, "version", 1, "colour", "blue")).post(INSTRUMENTS).then().log().ifValidationFails().statusCode(400)
                .body("violations[0].field", equalTo("colour"));
        assertEquals(0, network.count("select count(*) from instrument where key = ?", key));
    }

    @Test
    void aLicenceHolderCompletesALicensedInstrumentWithItsTextsAsANewVersion() {
        JsonPath shipped = network.coordinator().get(INSTRUMENTS).then().log().ifValidationFails().statusCode(200).extract().jsonPath();
        Map<String, Object> swemwbs = shipped.getMap("find { it.key == 'swemwbs' && it.version == 1 }.definition");
        Map<String, Object> completed = new java.util.HashMap<>(swemwbs);
        int version = 2 + (int) network.count("select count(*) from instrument where key = 'swemwbs'");
        completed.put("version", version);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : (List<?>) swemwbs.get("items")) {
            Map<String, Object> withText = new java.util.HashMap<>((Map<String, Object>) item);
            withText.put("text", Map.of("fi", "Lause", "sv", "Påstående", "en", "Statement"));
            items.add(withText);
        }
        completed.put("items", items);
        network.coordinator().body(completed).post(INSTRUMENTS).then().log().ifValidationFails().statusCode(201)
                .body("textsIncluded", equalTo(true)).body("version", equalTo(version));

        // A version that scored differently would make baseline and end incomparable.
        Map<String, Object> rescored = new java.util.HashMap<>(completed);
        rescored.put("version", version + 1);
        rescored.put("target", "STAFF");
        network.coordinator().body(rescored).post(INSTRUMENTS).then().log().ifValidationFails().statusCode(422)
                .body("violations[0].field", equalTo("target"))
                .body("violations[0].rule", equalTo("same-as-earlier-version"));
    }
}
