package fi.voimala.partners.agreement.rest;

import static fi.voimala.partners.support.Register.as;
import static org.hamcrest.Matchers.equalTo;

import fi.voimala.partners.support.Register;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proves agreements: the coordinator records and changes them; validity must not end before it starts. */
@QuarkusTest
class AgreementResourceTest {

    @Test
    void theCoordinatorRecordsAnAgreementAndTheOrgAdminReadsIt() {
        String alias = Register.newAlias();
        String organisationId = Register.organisation(alias);
        Map<String, Object> body = new HashMap<>(Map.of("organisationId", organisationId, "type", "PARTNERSHIP",
                "title", "Hyvinvointivoimalan kumppanuussopimus", "signedOn", "2017-12-15", "validFrom", "2018-01-01"));
        String id = as(TestTokens.coordinator()).body(body).when().post("/api/agreements")
                .then().statusCode(201).body("validFrom", equalTo("2018-01-01")).extract().path("id");
        as(TestTokens.token("org-admin", alias)).when().get("/api/agreements/" + id).then().statusCode(200);
        as(TestTokens.token("org-admin", Register.newAlias())).when().get("/api/agreements/" + id).then().statusCode(403);
        as(TestTokens.token("org-admin", alias)).body(body).when().post("/api/agreements").then().statusCode(403);

        body.put("validUntil", "2027-12-31");
        body.put("version", 0);
        as(TestTokens.coordinator()).body(body).when().put("/api/agreements/" + id)
                .then().statusCode(200).body("validUntil", equalTo("2027-12-31"));
    }

    @Test
    void anAgreementCannotEndBeforeItStarts() {
        String organisationId = Register.organisation(Register.newAlias());
        as(TestTokens.coordinator()).body(Map.of("organisationId", organisationId, "type", "DATA_PROCESSING",
                        "title", "Henkilötietojen käsittely", "validFrom", "2026-01-01", "validUntil", "2025-12-31"))
                .when().post("/api/agreements")
                .then().statusCode(422).body("violations[0].field", equalTo("validUntil"))
                .body("violations[0].rule", equalTo("after-valid-from"));
    }
}
