package fi.voimala.partners.professional.rest;

import static fi.voimala.partners.support.Register.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import fi.voimala.partners.support.Register;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proves registering and changing professionals, each field rule (e-mail, phone, profession of the field,
 * language codes, known enumerations, unique e-mail), and what an org-admin and a person may see and do.
 */
@QuarkusTest
class ProfessionalResourceTest {

    @Test
    void anOrgAdminRegistersAndChangesItsOwnPeople() {
        String alias = Register.newAlias();
        String organisationId = Register.organisation(alias);
        String admin = TestTokens.token("org-admin", alias);
        Map<String, Object> body = Register.professionalBody(organisationId, "SOCIAL_AND_HEALTH", "PRACTICAL_NURSE");
        String id = as(admin).body(body).when().post("/api/professionals")
                .then().statusCode(201).body("profession", equalTo("PRACTICAL_NURSE")).body("version", equalTo(0))
                .extract().path("id");
        body.put("phone", "017 123 4567");
        body.put("methods", List.of("SINGING", "REMINISCENCE"));
        body.put("version", 0);
        as(admin).body(body).when().put("/api/professionals/" + id)
                .then().statusCode(200).body("phone", equalTo("017 123 4567"))
                .body("methods", contains("SINGING", "REMINISCENCE")).body("version", equalTo(1));
    }

    @Test
    void eachBadFieldIsNamedWithItsRule() {
        String organisationId = Register.organisation(Register.newAlias());
        record Case(String field, Object value, int status, String rule) { }
        for (Case c : List.of(
                new Case("email", "not-an-address", 422, "pattern"),
                new Case("email", "name@domain", 422, "pattern"),
                new Case("phone", "call me", 422, "pattern"),
                new Case("profession", "ASTRONAUT", 422, "known-value"),
                new Case("field", "SPORTS", 422, "known-value"),
                new Case("languages", List.of("xx"), 422, "iso-639-1"),
                new Case("profession", "NURSE", 422, "profession-in-field"))) {
            Map<String, Object> body = Register.professionalBody(organisationId, "ARTS_AND_CULTURE", "DANCER");
            body.put(c.field(), c.value());
            as(TestTokens.coordinator()).body(body).when().post("/api/professionals")
                    .then().statusCode(c.status()).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(c.field()))
                    .body("violations[0].rule", equalTo(c.rule()));
        }
    }

    @Test
    void anEmailAddressBelongsToOneProfessional() {
        String organisationId = Register.organisation(Register.newAlias());
        Map<String, Object> body = Register.professionalBody(organisationId, "EDUCATION", "TEACHER");
        as(TestTokens.coordinator()).body(body).when().post("/api/professionals").then().statusCode(201);
        Map<String, Object> again = Register.professionalBody(organisationId, "EDUCATION", "TEACHER");
        again.put("email", ((String) body.get("email")).toUpperCase());
        as(TestTokens.coordinator()).body(again).when().post("/api/professionals")
                .then().statusCode(422).body("violations[0].field", equalTo("email")).body("violations[0].rule", equalTo("unique"));
    }

    @Test
    void anOrganisationThatDoesNotExistOrHasLeftTakesNoNewPeople() {
        as(TestTokens.coordinator()).body(Register.professionalBody(UUID.randomUUID().toString(), "EDUCATION", "TEACHER"))
                .when().post("/api/professionals")
                .then().statusCode(422).body("violations[0].field", equalTo("organisationId"));
        String organisationId = Register.organisation(Register.newAlias());
        as(TestTokens.coordinator()).body(Map.of()).when().post("/api/organisations/" + organisationId + "/leave").then().statusCode(200);
        as(TestTokens.coordinator()).body(Register.professionalBody(organisationId, "EDUCATION", "TEACHER"))
                .when().post("/api/professionals")
                .then().statusCode(422).body("violations[0].rule", equalTo("member-organisation"));
    }

    @Test
    void anOrgAdminNeitherSeesNorChangesAnotherOrganisationsPeople() {
        String ownAlias = Register.newAlias();
        String ownId = Register.organisation(ownAlias);
        String otherId = Register.organisation(Register.newAlias());
        String ownPerson = Register.nurse(ownId);
        String otherPerson = Register.nurse(otherId);
        String admin = TestTokens.token("org-admin", ownAlias);

        as(admin).queryParam("size", 100).when().get("/api/professionals")
                .then().statusCode(200).body("items.organisationId", everyItem(equalTo(ownId)))
                .body("items.id", hasItem(ownPerson));
        as(admin).queryParam("organisationId", otherId).when().get("/api/professionals")
                .then().statusCode(200).body("totalItems", equalTo(0));
        as(admin).when().get("/api/professionals/" + otherPerson).then().statusCode(403)
                .contentType("application/problem+json");
        as(admin).body(Register.professionalBody(otherId, "EDUCATION", "TEACHER")).when().post("/api/professionals")
                .then().statusCode(403);

        Map<String, Object> move = Register.professionalBody(otherId, "SOCIAL_AND_HEALTH", "NURSE");
        move.put("version", 0);
        as(admin).body(move).when().put("/api/professionals/" + ownPerson).then().statusCode(403);
        as(admin).body(move).when().put("/api/professionals/" + otherPerson).then().statusCode(403);
        as(TestTokens.coordinator()).when().get("/api/professionals/" + ownPerson).then().body("organisationId", equalTo(ownId));
    }

    @Test
    void onlyTheCoordinatorLinksAProfileToALogin() {
        String alias = Register.newAlias();
        String organisationId = Register.organisation(alias);
        String admin = TestTokens.token("org-admin", alias);
        Map<String, Object> body = Register.professionalBody(organisationId, "ARTS_AND_CULTURE", "DANCER");
        body.put("keycloakUserId", UUID.randomUUID().toString());
        as(admin).body(body).when().post("/api/professionals").then().statusCode(403);

        body.remove("keycloakUserId");
        String id = as(admin).body(body).when().post("/api/professionals").then().statusCode(201).extract().path("id");
        body.put("version", 0);
        body.put("keycloakUserId", UUID.randomUUID().toString());
        as(admin).body(body).when().put("/api/professionals/" + id).then().statusCode(403);
        as(TestTokens.coordinator()).body(body).when().put("/api/professionals/" + id)
                .then().statusCode(200).body("keycloakUserId", equalTo(body.get("keycloakUserId")));
        // Sending back the link as read is no change, so the org-admin may still edit the rest.
        body.put("version", 1);
        body.put("phone", "017 000 0000");
        as(admin).body(body).when().put("/api/professionals/" + id).then().statusCode(200);
    }

    @Test
    void aProfessionalInAnActivePairKeepsTheirField() {
        String organisationId = Register.organisation(Register.newAlias());
        Map<String, Object> artistBody = Register.professionalBody(organisationId, "ARTS_AND_CULTURE", "MUSICIAN");
        String artist = as(TestTokens.coordinator()).body(artistBody).when().post("/api/professionals")
                .then().statusCode(201).extract().path("id");
        String pair = Register.pair(artist, Register.nurse(organisationId));
        artistBody.put("version", 0);
        artistBody.put("field", "SOCIAL_AND_HEALTH");
        artistBody.put("profession", "NURSE");
        as(TestTokens.coordinator()).body(artistBody).when().put("/api/professionals/" + artist)
                .then().statusCode(422).body("violations[0].field", equalTo("field"))
                .body("violations[0].rule", equalTo("field-in-active-pair"));
        as(TestTokens.coordinator()).body(Map.of()).when().post("/api/pairs/" + pair + "/dissolve").then().statusCode(200);
        as(TestTokens.coordinator()).body(artistBody).when().put("/api/professionals/" + artist)
                .then().statusCode(200).body("field", equalTo("SOCIAL_AND_HEALTH"));
    }

    @Test
    void anArtistSeesTheirOwnProfileOnly() {
        String alias = Register.newAlias();
        String organisationId = Register.organisation(alias);
        String subject = UUID.randomUUID().toString();
        String self = Register.professional(organisationId, "ARTS_AND_CULTURE", "VISUAL_ARTIST", subject);
        String colleague = Register.nurse(organisationId);
        String artist = TestTokens.token("artist", alias, subject);

        as(artist).when().get("/api/professionals").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(self));
        as(artist).when().get("/api/professionals/" + self).then().statusCode(200);
        as(artist).when().get("/api/professionals/" + colleague).then().statusCode(403);
        as(artist).body(Register.professionalBody(organisationId, "EDUCATION", "TEACHER")).when().post("/api/professionals")
                .then().statusCode(403);
    }
}
