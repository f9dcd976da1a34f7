package fi.voimala.partners.pair.rest;

import static fi.voimala.partners.support.Register.as;
import static org.hamcrest.Matchers.equalTo;

import fi.voimala.partners.support.Register;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proves the pair rules: two different professionals, one ARTS_AND_CULTURE with one SOCIAL_AND_HEALTH or
 * EDUCATION, never the same two twice while active; dissolving once; and who sees which pairs.
 */
@QuarkusTest
class PairResourceTest {

    @Test
    void anArtistAndANurseFormAPairAndLaterDissolveIt() {
        String organisationId = Register.organisation(Register.newAlias());
        String artist = Register.artist(organisationId);
        String nurse = Register.nurse(organisationId);
        String id = as(TestTokens.coordinator())
                .body(Map.of("artsProfessionalId", artist, "careProfessionalId", nurse, "formedOn", "2026-09-01"))
                .when().post("/api/pairs")
                .then().statusCode(201).body("status", equalTo("ACTIVE")).body("formedOn", equalTo("2026-09-01"))
                .extract().path("id");
        as(TestTokens.coordinator()).body(Map.of("dissolvedOn", "2026-11-20", "reason", "sarja päättyi"))
                .when().post("/api/pairs/" + id + "/dissolve")
                .then().statusCode(200).body("status", equalTo("DISSOLVED")).body("dissolveReason", equalTo("sarja päättyi"));
        as(TestTokens.coordinator()).body(Map.of()).when().post("/api/pairs/" + id + "/dissolve")
                .then().statusCode(409).body("violations[0].rule", equalTo("already-dissolved"));
        // Once dissolved, the same two may form a new pair.
        Register.pair(artist, nurse);
    }

    @Test
    void anArtistWithATeacherIsAPairToo() {
        String organisationId = Register.organisation(Register.newAlias());
        String teacher = Register.professional(organisationId, "EDUCATION", "TEACHER", null);
        Register.pair(Register.artist(organisationId), teacher);
    }

    @Test
    void theSameTwoCannotFormTwoActivePairs() {
        String organisationId = Register.organisation(Register.newAlias());
        String artist = Register.artist(organisationId);
        String nurse = Register.nurse(organisationId);
        Register.pair(artist, nurse);
        as(TestTokens.coordinator()).body(Map.of("artsProfessionalId", artist, "careProfessionalId", nurse))
                .when().post("/api/pairs")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("careProfessionalId"))
                .body("violations[0].rule", equalTo("pair-already-active"));
    }

    @Test
    void fieldsMustDiffer() {
        String organisationId = Register.organisation(Register.newAlias());
        String artist = Register.artist(organisationId);
        String otherArtist = Register.artist(organisationId);
        String nurse = Register.nurse(organisationId);
        String otherNurse = Register.nurse(organisationId);

        as(TestTokens.coordinator()).body(Map.of("artsProfessionalId", artist, "careProfessionalId", artist))
                .when().post("/api/pairs").then().statusCode(422)
                .body("violations[0].rule", equalTo("different-professionals"));
        as(TestTokens.coordinator()).body(Map.of("artsProfessionalId", artist, "careProfessionalId", otherArtist))
                .when().post("/api/pairs").then().statusCode(422)
                .body("violations[0].field", equalTo("careProfessionalId"))
                .body("violations[0].rule", equalTo("care-or-education-field"));
        as(TestTokens.coordinator()).body(Map.of("artsProfessionalId", nurse, "careProfessionalId", otherNurse))
                .when().post("/api/pairs").then().statusCode(422)
                .body("violations[0].field", equalTo("artsProfessionalId"))
                .body("violations[0].rule", equalTo("arts-and-culture-field"));
        as(TestTokens.coordinator()).body(Map.of("artsProfessionalId", UUID.randomUUID(), "careProfessionalId", nurse))
                .when().post("/api/pairs").then().statusCode(422)
                .body("violations[0].field", equalTo("artsProfessionalId")).body("violations[0].rule", equalTo("exists"));
        as(TestTokens.coordinator()).body(Map.of("careProfessionalId", nurse))
                .when().post("/api/pairs").then().statusCode(422)
                .body("violations[0].field", equalTo("artsProfessionalId")).body("violations[0].rule", equalTo("not-null"));
    }

    @Test
    void peopleSeeTheirOwnPairsAndOrgAdminsThoseOfTheirPeople() {
        String alias = Register.newAlias();
        String organisationId = Register.organisation(alias);
        String otherOrganisation = Register.organisation(Register.newAlias());
        String subject = UUID.randomUUID().toString();
        String artist = Register.professional(organisationId, "ARTS_AND_CULTURE", "DANCER", subject);
        String own = Register.pair(artist, Register.nurse(otherOrganisation));
        String foreign = Register.pair(Register.artist(otherOrganisation), Register.nurse(otherOrganisation));

        as(TestTokens.token("artist", alias, subject)).when().get("/api/pairs")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(own));
        as(TestTokens.token("artist", alias, subject)).when().get("/api/pairs/" + foreign).then().statusCode(403);
        as(TestTokens.token("org-admin", alias)).when().get("/api/pairs/" + own).then().statusCode(200);
        as(TestTokens.token("org-admin", alias)).when().get("/api/pairs/" + foreign).then().statusCode(403);
        as(TestTokens.token("org-admin", alias)).body(Map.of()).when().post("/api/pairs/" + own + "/dissolve").then().statusCode(403);
    }
}
