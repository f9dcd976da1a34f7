package fi.voimala.partners.organisation.rest;

import static fi.voimala.partners.support.Register.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import fi.voimala.partners.support.Register;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves, through the organisation API, that a body is read strictly and every mistake in it is a 400 problem
 * that says in the API's terms what is wrong and where: an unknown field, a decimal or text where a whole number
 * belongs, text where a list belongs, broken JSON (with its line and column) and a missing body. Nothing is
 * silently dropped or coerced, and nothing is written.
 */
@QuarkusTest
class OrganisationJsonInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String UNREADABLE = "https://voimala.fi/problems/unreadable-input";

    private static ValidatableResponse post(String json) {
        return as(TestTokens.coordinator()).body(json).post("/api/organisations").then().contentType(PROBLEM);
    }

    /** A valid body with one field replaced by raw JSON. */
    private static String bodyWith(String field, String rawValue) {
        String alias = Register.newAlias();
        String json = """
                {"name": "Testiyhdistys %s", "businessId": "%s", "sectors": ["THIRD_SECTOR"],
                 "memberSince": "2018-01-01", "keycloakAlias": "%s"}""".formatted(alias, Register.newBusinessId(), alias);
        return json.substring(0, json.length() - 1) + ", \"" + field + "\": " + rawValue + "}";
    }

    @Test
    void anUnknownFieldIsRefusedNotDropped() {
        post(bodyWith("nmae", "\"Typo\"")).statusCode(400)
                .body("type", equalTo(UNREADABLE))
                .body("violations[0].field", equalTo("nmae"))
                .body("violations[0].rule", equalTo("unknown-field"))
                .body("violations[0].message", containsString("known fields: businessId, keycloakAlias"));
    }

    @Test
    void aDecimalVersionIsNotRoundedOnUpdate() {
        Map<String, Object> body = Register.organisationBody(Register.newAlias());
        String id = as(TestTokens.coordinator()).body(body).post("/api/organisations").then().statusCode(201).extract().path("id");
        body.put("version", 0.7);
        as(TestTokens.coordinator()).body(body).put("/api/organisations/" + id).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(UNREADABLE))
                .body("violations[0].field", equalTo("version"))
                .body("violations[0].rule", equalTo("type"))
                .body("violations[0].message", equalTo("must be a whole number, not a decimal number"));
        as(TestTokens.coordinator()).get("/api/organisations/" + id).then().body("version", equalTo(0));
    }

    @Test
    void aNumberSentAsTextIsRefused() {
        post(bodyWith("version", "\"1\"")).statusCode(400)
                .body("type", equalTo(UNREADABLE))
                .body("violations[0].field", equalTo("version"))
                .body("violations[0].message", equalTo("must be a whole number, not text"));
    }

    @Test
    void textWhereAListBelongsSaysAList() {
        String alias = Register.newAlias();
        String json = """
                {"name": "X", "businessId": "%s", "sectors": "THIRD_SECTOR", "memberSince": "2018-01-01",
                 "keycloakAlias": "%s"}""".formatted(Register.newBusinessId(), alias);
        post(json).statusCode(400)
                .body("type", equalTo(UNREADABLE))
                .body("violations[0].field", equalTo("sectors"))
                .body("violations[0].message", equalTo("must be a list, not text"));
    }

    @Test
    void brokenJsonSaysWhereItBroke() {
        post("{\n  \"name\": \"X\",\n  }").statusCode(400)
                .body("type", equalTo(UNREADABLE))
                .body("violations[0].field", nullValue())
                .body("violations[0].rule", equalTo("json-syntax"))
                .body("detail", containsString("line 3, column 3"));
    }

    @Test
    void anEmptyBodyIsNamedAsTheMissingBody() {
        as(TestTokens.coordinator()).post("/api/organisations").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(UNREADABLE))
                .body("violations[0].field", nullValue())
                .body("violations[0].rule", equalTo("body-required"))
                .body("detail", equalTo("the request needs a JSON body"));
    }
}
