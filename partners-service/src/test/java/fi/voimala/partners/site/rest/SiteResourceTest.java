package fi.voimala.partners.site.rest;

import static fi.voimala.partners.support.Register.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import fi.voimala.partners.support.Register;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the site rules: a hospital ward has its hospital's ward code, unique among the open wards of that
 * hospital; other sites have none; postal codes are Finnish; closing once; and org-admins keep to their own.
 */
@QuarkusTest
class SiteResourceTest {

    @Test
    void aWardIsRegisteredWithItsCodeAndClosed() {
        String organisationId = Register.organisation(Register.newAlias());
        String id = as(TestTokens.coordinator()).body(Register.wardBody(organisationId, "Harjulan sairaala", "H2"))
                .when().post("/api/sites")
                .then().statusCode(201).body("type", equalTo("HOSPITAL_WARD")).body("wardCode", equalTo("H2"))
                .body("status", equalTo("OPEN")).extract().path("id");
        as(TestTokens.coordinator()).body(Map.of("closedOn", "2026-11-20", "reason", "remontti"))
                .when().post("/api/sites/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedOn", equalTo("2026-11-20"));
        as(TestTokens.coordinator()).body(Map.of()).when().post("/api/sites/" + id + "/close")
                .then().statusCode(409).body("violations[0].rule", equalTo("already-closed"));
        // A closed ward's code may be given to a new ward.
        as(TestTokens.coordinator()).body(Register.wardBody(organisationId, "Harjulan sairaala", "H2"))
                .when().post("/api/sites").then().statusCode(201);
    }

    @Test
    void aWardCodeIsUniqueWithinItsHospitalOnly() {
        String organisationId = Register.organisation(Register.newAlias());
        as(TestTokens.coordinator()).body(Register.wardBody(organisationId, "Harjulan sairaala", "K1"))
                .when().post("/api/sites").then().statusCode(201);
        as(TestTokens.coordinator()).body(Register.wardBody(organisationId, "HARJULAN SAIRAALA", "k1"))
                .when().post("/api/sites")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("wardCode")).body("violations[0].rule", equalTo("unique"));
        as(TestTokens.coordinator()).body(Register.wardBody(organisationId, "Kuopion yliopistollinen sairaala", "K1"))
                .when().post("/api/sites").then().statusCode(201);
    }

    @Test
    void wardCodesBelongToWardsOnly() {
        String organisationId = Register.organisation(Register.newAlias());
        Map<String, Object> ward = Register.wardBody(organisationId, "Harjulan sairaala", "X");
        ward.remove("wardCode");
        as(TestTokens.coordinator()).body(ward).when().post("/api/sites")
                .then().statusCode(422).body("violations[0].field", equalTo("wardCode"))
                .body("violations[0].rule", equalTo("ward-code-required"));
        Map<String, Object> house = Register.siteBody(organisationId, "SENIOR_HOUSE");
        house.put("wardCode", "A1");
        as(TestTokens.coordinator()).body(house).when().post("/api/sites")
                .then().statusCode(422).body("violations[0].field", equalTo("wardCode"))
                .body("violations[0].rule", equalTo("ward-code-only-for-wards"));
    }

    @Test
    void badPostalCodesAndUnknownTypesAreNamed() {
        String organisationId = Register.organisation(Register.newAlias());
        Map<String, Object> body = Register.siteBody(organisationId, "DAY_CENTRE");
        body.put("postalCode", "7010");
        as(TestTokens.coordinator()).body(body).when().post("/api/sites")
                .then().statusCode(422).body("violations[0].field", equalTo("postalCode"));
        as(TestTokens.coordinator()).body(Register.siteBody(organisationId, "CASTLE")).when().post("/api/sites")
                .then().statusCode(422).body("violations[0].field", equalTo("type"))
                .body("violations[0].rule", equalTo("known-value"));
    }

    @Test
    void anOrgAdminKeepsToItsOwnSitesAndAStaleUpdateGets409() {
        String alias = Register.newAlias();
        String own = Register.organisation(alias);
        String other = Register.organisation(Register.newAlias());
        String otherSite = Register.site(other);
        String admin = TestTokens.token("org-admin", alias);

        Map<String, Object> body = Register.siteBody(own, "RESPITE_CARE_UNIT");
        String id = as(admin).body(body).when().post("/api/sites").then().statusCode(201).extract().path("id");
        as(admin).queryParam("size", 100).when().get("/api/sites")
                .then().statusCode(200).body("items.organisationId", everyItem(equalTo(own)));
        as(admin).when().get("/api/sites/" + otherSite).then().statusCode(403);
        as(admin).body(Map.of()).when().post("/api/sites/" + otherSite + "/close").then().statusCode(403);
        as(admin).body(Register.siteBody(other, "DAY_CENTRE")).when().post("/api/sites").then().statusCode(403);

        body.put("version", 0);
        body.put("city", "Siilinjärvi");
        as(admin).body(body).when().put("/api/sites/" + id).then().statusCode(200).body("city", equalTo("Siilinjärvi"));
        as(admin).body(body).when().put("/api/sites/" + id).then().statusCode(409);
    }
}
