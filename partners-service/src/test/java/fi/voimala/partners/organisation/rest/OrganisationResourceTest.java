package fi.voimala.partners.organisation.rest;

import static fi.voimala.partners.support.Register.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import fi.voimala.partners.support.Register;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proves the organisation API as a coordinator uses it: join, read, change with optimistic locking, leave
 * (data kept, marked), list with filters, paging and sorting; and that each broken rule is a 422
 * problem+json naming the field and the rule, and leaves nothing written.
 */
@QuarkusTest
class OrganisationResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anOrganisationJoinsAndIsReadBack() {
        String alias = Register.newAlias();
        Map<String, Object> body = Register.organisationBody(alias);
        body.put("sectors", List.of("MUNICIPALITY", "SOCIAL_AND_HEALTH"));
        String id = as(TestTokens.coordinator()).body(body).when().post("/api/organisations")
                .then().statusCode(201)
                .header("Location", containsString("/api/organisations/"))
                .body("id", notNullValue())
                .body("version", equalTo(0))
                .body("status", equalTo("MEMBER"))
                .body("sectors", contains("SOCIAL_AND_HEALTH", "MUNICIPALITY"))
                .extract().path("id");
        as(TestTokens.coordinator()).when().get("/api/organisations/" + id)
                .then().statusCode(200)
                .body("businessId", equalTo(body.get("businessId")))
                .body("keycloakAlias", equalTo(alias))
                .body("memberSince", equalTo("2018-01-01"));
    }

    @Test
    void aBusinessIdWithAWrongCheckDigitIsRejectedNamingTheField() {
        Map<String, Object> body = Register.organisationBody(Register.newAlias());
        // 0112038-9 is a real, valid business ID (Nokia Oyj, Finnish trade register); -8 breaks its check digit.
        body.put("businessId", "0112038-8");
        as(TestTokens.coordinator()).body(body).when().post("/api/organisations")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("businessId"))
                .body("violations[0].rule", equalTo("business-id-check-digit"));
        assertNoOrganisationWithAlias((String) body.get("keycloakAlias"));
    }

    @Test
    void aBusinessIdInTheWrongFormatIsRejected() {
        for (String wrong : List.of("1234567", "112038-9", "0112038_9", "ABCDEFG-1")) {
            Map<String, Object> body = Register.organisationBody(Register.newAlias());
            body.put("businessId", wrong);
            as(TestTokens.coordinator()).body(body).when().post("/api/organisations")
                    .then().statusCode(422).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("businessId"))
                    .body("violations[0].rule", equalTo("business-id-format"));
        }
    }

    @Test
    void missingFieldsAreEachNamed() {
        as(TestTokens.coordinator()).body(Map.of("name", " ")).when().post("/api/organisations")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("businessId"))
                .body("violations.field", hasItem("sectors"))
                .body("violations.field", hasItem("memberSince"))
                .body("violations.field", hasItem("keycloakAlias"));
    }

    @Test
    void anUnknownSectorIsRejectedWithTheAllowedValues() {
        Map<String, Object> body = Register.organisationBody(Register.newAlias());
        body.put("sectors", List.of("SPORTS"));
        as(TestTokens.coordinator()).body(body).when().post("/api/organisations")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("sectors[0]"))
                .body("violations[0].rule", equalTo("known-value"))
                .body("violations[0].message", containsString("MUNICIPALITY"));
    }

    @Test
    void unreadableInputIs400NamingTheField() {
        Map<String, Object> body = Register.organisationBody(Register.newAlias());
        body.put("memberSince", "1.1.2018");
        as(TestTokens.coordinator()).body(body).when().post("/api/organisations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("memberSince"));
        as(TestTokens.coordinator()).body("{\"name\": ").when().post("/api/organisations")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aSecondOrganisationWithTheSameBusinessIdOrAliasIsRejected() {
        Map<String, Object> first = Register.organisationBody(Register.newAlias());
        as(TestTokens.coordinator()).body(first).when().post("/api/organisations").then().statusCode(201);

        Map<String, Object> sameBusinessId = Register.organisationBody(Register.newAlias());
        sameBusinessId.put("businessId", first.get("businessId"));
        as(TestTokens.coordinator()).body(sameBusinessId).when().post("/api/organisations")
                .then().statusCode(422).body("violations[0].field", equalTo("businessId"))
                .body("violations[0].rule", equalTo("unique"));

        Map<String, Object> sameAlias = Register.organisationBody((String) first.get("keycloakAlias"));
        as(TestTokens.coordinator()).body(sameAlias).when().post("/api/organisations")
                .then().statusCode(422).body("violations[0].field", equalTo("keycloakAlias"));
    }

    @Test
    void anUpdateWithAStaleVersionGets409AndChangesNothing() {
        Map<String, Object> body = Register.organisationBody(Register.newAlias());
        String id = as(TestTokens.coordinator()).body(body).when().post("/api/organisations")
                .then().statusCode(201).extract().path("id");

        body.put("name", "Uusi nimi");
        body.put("version", 0);
        as(TestTokens.coordinator()).body(body).when().put("/api/organisations/" + id)
                .then().statusCode(200).body("name", equalTo("Uusi nimi")).body("version", equalTo(1));

        body.put("name", "Vanhentunut muutos");
        as(TestTokens.coordinator()).body(body).when().put("/api/organisations/" + id)
                .then().statusCode(409).contentType(PROBLEM).body("violations[0].rule", equalTo("stale-version"));
        as(TestTokens.coordinator()).when().get("/api/organisations/" + id).then().body("name", equalTo("Uusi nimi"));

        body.remove("version");
        as(TestTokens.coordinator()).body(body).when().put("/api/organisations/" + id)
                .then().statusCode(422).body("violations[0].field", equalTo("version"));
    }

    @Test
    void anOrganisationThatLeavesKeepsItsDataMarked() {
        String id = Register.organisation(Register.newAlias());
        as(TestTokens.coordinator()).body(Map.of("leftOn", "2026-06-30", "reason", "hanke päättyi"))
                .when().post("/api/organisations/" + id + "/leave")
                .then().statusCode(200)
                .body("status", equalTo("LEFT"))
                .body("memberUntil", equalTo("2026-06-30"))
                .body("leaveReason", equalTo("hanke päättyi"));
        as(TestTokens.coordinator()).when().get("/api/organisations/" + id).then().statusCode(200).body("status", equalTo("LEFT"));
        as(TestTokens.coordinator()).body(Map.of()).when().post("/api/organisations/" + id + "/leave")
                .then().statusCode(409).contentType(PROBLEM).body("violations[0].rule", equalTo("already-left"));
    }

    @Test
    void leavingIsRecordedWhenItHappensAndMembershipCannotStartAfterIt() {
        Map<String, Object> body = Register.organisationBody(Register.newAlias());
        String id = as(TestTokens.coordinator()).body(body).when().post("/api/organisations")
                .then().statusCode(201).extract().path("id");
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")).plusDays(1).toString();
        as(TestTokens.coordinator()).body(Map.of("leftOn", tomorrow)).when().post("/api/organisations/" + id + "/leave")
                .then().statusCode(422).body("violations[0].field", equalTo("leftOn"))
                .body("violations[0].rule", equalTo("not-in-future"));
        as(TestTokens.coordinator()).body(Map.of("leftOn", "2025-12-31")).when().post("/api/organisations/" + id + "/leave")
                .then().statusCode(200).body("status", equalTo("LEFT"));
        body.put("memberSince", "2026-01-15");
        body.put("version", 1);
        as(TestTokens.coordinator()).body(body).when().put("/api/organisations/" + id)
                .then().statusCode(422).body("violations[0].field", equalTo("memberSince"))
                .body("violations[0].rule", equalTo("before-member-until"));
    }

    @Test
    void unknownIdsAre404() {
        as(TestTokens.coordinator()).when().get("/api/organisations/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        as(TestTokens.coordinator()).body(Map.of()).when().post("/api/organisations/" + UUID.randomUUID() + "/leave")
                .then().statusCode(404);
    }

    @Test
    void listsFilterPageAndSort() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        for (String name : List.of("Cee", "Aa", "Bee")) {
            Map<String, Object> body = Register.organisationBody(Register.newAlias());
            body.put("name", name + " " + marker);
            body.put("sectors", List.of("EDUCATION"));
            as(TestTokens.coordinator()).body(body).when().post("/api/organisations").then().statusCode(201);
        }
        as(TestTokens.coordinator()).queryParam("q", marker).queryParam("sort", "-name").queryParam("size", 2)
                .when().get("/api/organisations")
                .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("items.name", contains("Cee " + marker, "Bee " + marker));
        as(TestTokens.coordinator()).queryParam("q", marker.toUpperCase()).queryParam("sort", "name").queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/organisations")
                .then().statusCode(200).body("items.name", contains("Cee " + marker));
        as(TestTokens.coordinator()).queryParam("sector", "EDUCATION").queryParam("size", 100)
                .when().get("/api/organisations")
                .then().statusCode(200).body("items.sectors", everyItem(hasItem("EDUCATION")));
    }

    @Test
    void badListParametersAreNamed() {
        as(TestTokens.coordinator()).queryParam("sector", "SPORTS").when().get("/api/organisations")
                .then().statusCode(422).contentType(PROBLEM).body("violations[0].field", equalTo("sector"));
        as(TestTokens.coordinator()).queryParam("sort", "password").when().get("/api/organisations")
                .then().statusCode(422).body("violations[0].field", equalTo("sort"));
        as(TestTokens.coordinator()).queryParam("size", 1000).when().get("/api/organisations")
                .then().statusCode(422).body("violations[0].field", equalTo("size"));
        as(TestTokens.coordinator()).queryParam("page", "x").when().get("/api/organisations")
                .then().statusCode(422).body("violations[0].field", equalTo("page"));
        // page × size beyond what a database offset holds: named, not a 500.
        as(TestTokens.coordinator()).queryParam("page", Integer.MAX_VALUE).when().get("/api/organisations")
                .then().statusCode(422).body("violations[0].field", equalTo("page"));
        as(TestTokens.coordinator()).queryParam("member", "yes").when().get("/api/organisations")
                .then().statusCode(422).body("violations[0].field", equalTo("member"));
    }

    private static void assertNoOrganisationWithAlias(String alias) {
        as(TestTokens.coordinator()).queryParam("q", alias).when().get("/api/organisations")
                .then().statusCode(200).body("items", hasSize(0)).body("totalItems", is(0));
    }
}
