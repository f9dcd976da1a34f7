package fi.voimala.sessions.participant.rest;

import fi.voimala.sessions.support.Network;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the participant API and the shortest way through it, for the participant tests. */
final class Enrolments {

    static final String PARTICIPANTS = "/api/participants";
    /** Personal identity codes with valid check characters (131052-308T is the Digital and Population Data Services
     * Agency's own example; the other is computed the same way: DDMMYYNNN mod 31). */
    static final String PIC_1900S = "131052-308T";
    static final String PIC_2000S = "010203A1230";

    private Enrolments() {
    }

    /** An enrolment into the series: born 1940–1944, female, her own consent given 30 days ago to these purposes. */
    static Map<String, Object> enrolment(UUID seriesId, String... covers) {
        Map<String, Object> body = new HashMap<>();
        body.put("seriesId", seriesId == null ? null : seriesId.toString());
        body.put("yearOfBirthBand", "1940-1944");
        body.put("gender", "FEMALE");
        body.put("consent", consent(LocalDate.now(Network.HELSINKI).minusDays(30), covers));
        return body;
    }

    static Map<String, Object> consent(LocalDate givenOn, String... covers) {
        Map<String, Object> consent = new HashMap<>();
        consent.put("givenBy", "PERSON");
        consent.put("givenOn", givenOn.toString());
        consent.put("covers", List.of(covers));
        consent.put("note", "Tytär oli mukana, kun suostumus annettiin.");
        return consent;
    }

    /** The consent part of a body, to change one of its fields. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> consentOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("consent");
    }

    static Map<String, Object> withdrawal(LocalDate from, String... covers) {
        Map<String, Object> body = new HashMap<>();
        body.put("withdrawnFrom", from.toString());
        body.put("covers", List.of(covers));
        body.put("note", "Kertoi hoitajalle, ettei halua enää osallistua.");
        return body;
    }

    /** Enrols through the API and answers the new participant's id. */
    static UUID enrol(RequestSpecification as, UUID seriesId, String... covers) {
        return UUID.fromString(as.body(enrolment(seriesId, covers)).post(PARTICIPANTS).then().statusCode(201)
                .extract().path("id"));
    }

    static String codeOf(RequestSpecification as, UUID participant) {
        return as.get(PARTICIPANTS + "/" + participant).then().statusCode(200).extract().path("code");
    }

    static String array(UUID... ids) {
        return "{" + String.join(",", List.of(ids).stream().map(UUID::toString).toList()) + "}";
    }
}
