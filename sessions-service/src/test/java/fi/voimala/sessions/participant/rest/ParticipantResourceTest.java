package fi.voimala.sessions.participant.rest;

import static fi.voimala.sessions.participant.rest.Enrolments.PARTICIPANTS;
import static fi.voimala.sessions.participant.rest.Enrolments.PIC_1900S;
import static fi.voimala.sessions.participant.rest.Enrolments.PIC_2000S;
import static fi.voimala.sessions.participant.rest.Enrolments.array;
import static fi.voimala.sessions.participant.rest.Enrolments.codeOf;
import static fi.voimala.sessions.participant.rest.Enrolments.consentOf;
import static fi.voimala.sessions.participant.rest.Enrolments.enrol;
import static fi.voimala.sessions.participant.rest.Enrolments.enrolment;
import static fi.voimala.sessions.participant.rest.Enrolments.withdrawal;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testing.TestTokens;
import fi.voimala.sessions.participant.ParticipantCode;
import fi.voimala.sessions.participant.service.CodeGenerator;
import fi.voimala.sessions.support.Network;
import fi.voimala.sessions.support.Network.Person;
import fi.voimala.sessions.support.Network.Series;
import fi.voimala.sessions.support.SentEvents;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Participants through the API, on sessions' copies of the register and schedule (written as the consumers leave
 * them): the series' pair enrols a person under a code the service generates (XXX-XXX-XXX, with a check character),
 * reads and changes them with the version read; lists are paged, filtered (by series, by a code typed back, by
 * consent to take part today) and limited in the query to what the caller may read, a researcher's to participants
 * whose consent covers research use; a typo in a typed code is a 422 saying so; bad input, a personal identity code
 * in a note included, is a problem naming the field and writes nothing; each change is an event with the
 * participant's state (no free text), and each read or change an audit entry naming who, from which organisation,
 * through which endpoint.
 */
@QuarkusTest
class ParticipantResourceTest {

    /** The written form of a code: three groups of three of the code alphabet (ParticipantCode.ALPHABET). */
    static final String CODE_FORM = "[2-9A-HJ-NP-TV-Z]{3}-[2-9A-HJ-NP-TV-Z]{3}-[2-9A-HJ-NP-TV-Z]{3}";

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    Network network;
    SentEvents events;
    Series series;
    Person artist;
    Person nurse;

    @BeforeEach
    void aSeriesOfAPair() {
        network = new Network(db);
        events = new SentEvents(connector);
        series = network.series();
        artist = series.pair().artist();
        nurse = series.pair().nurse();
    }

    @Test
    void theArtistEnrolsAPersonAndTheNurseReadsAndChangesThem() {
        Response created = artist.as().body(enrolment(series.id(), "PARTICIPATION", "RESEARCH_USE")).post(PARTICIPANTS);
        String id = created.then().statusCode(201)
                .header("Location", endsWith(PARTICIPANTS + "/" + created.path("id")))
                .body("version", equalTo(0))
                .body("seriesId", equalTo(series.id().toString()))
                .body("code", matchesPattern(CODE_FORM))
                .body("yearOfBirthBand", equalTo("1940-1944"))
                .body("gender", equalTo("FEMALE"))
                .body("consent.givenBy", equalTo("PERSON"))
                .body("consent.givenOn", equalTo(LocalDate.now(Network.HELSINKI).minusDays(30).toString()))
                .body("consent.covers", contains("PARTICIPATION", "RESEARCH_USE"))
                .body("consent.note", equalTo("Tytär oli mukana, kun suostumus annettiin."))
                .body("withdrawals", empty())
                .body("activeConsent", contains("PARTICIPATION", "RESEARCH_USE"))
                .body("enrolledAt", not(nullValue()))
                .extract().path("id");
        UUID participant = UUID.fromString(id);
        String code = created.path("code");
        // The code the service gave passes its own check, as it will when typed back on a tablet.
        assertEquals(code, ParticipantCode.parse(code.toLowerCase()).toString());

        // The event carries the participant's state, never the note.
        SentEvents.Event enrolled = events.await(e -> id.equals(e.subject()), 1).get(0);
        assertEquals("fi.voimala.session.participant.enrolled.v1", enrolled.type());
        assertEquals("session-events", enrolled.topic());
        assertEquals(id, enrolled.key());
        JsonObject data = enrolled.data();
        assertEquals(id, data.getString("id"));
        assertEquals(0, data.getInteger("version"));
        assertEquals(series.id().toString(), data.getString("seriesId"));
        assertEquals(code, data.getString("code"));
        assertEquals("1940-1944", data.getString("yearOfBirthBand"));
        assertEquals("FEMALE", data.getString("gender"));
        assertEquals("PERSON", data.getString("consentGivenBy"));
        assertEquals(List.of("PARTICIPATION", "RESEARCH_USE"), data.getJsonArray("consentCovers").getList());
        assertEquals(List.of(), data.getJsonArray("withdrawals").getList());
        assertEquals(List.of("PARTICIPATION", "RESEARCH_USE"), data.getJsonArray("activeConsent").getList());
        assertFalse(data.encode().contains("Tytär"));
        assertEquals(1, audited("ENROL", artist, "POST " + PARTICIPANTS, participant));

        nurse.as().get(PARTICIPANTS + "/" + id).then().statusCode(200)
                .body("code", equalTo(code)).body("consent.note", containsString("Tytär"));
        assertEquals(1, audited("READ", nurse, "GET " + PARTICIPANTS + "/" + id, participant));

        // She would rather not have her gender kept; the band was a year off.
        Map<String, Object> change = change("1935-1939", null, 0);
        nurse.as().body(change).put(PARTICIPANTS + "/" + id).then().statusCode(200)
                .body("version", equalTo(1))
                .body("yearOfBirthBand", equalTo("1935-1939"))
                .body("gender", nullValue())
                .body("code", equalTo(code))
                .body("consent.covers", contains("PARTICIPATION", "RESEARCH_USE"));
        SentEvents.Event changed = events.await(e -> id.equals(e.subject()), 2).get(1);
        assertEquals("fi.voimala.session.participant.changed.v1", changed.type());
        assertEquals(1, changed.data().getInteger("version"));
        assertEquals("1935-1939", changed.data().getString("yearOfBirthBand"));
        assertEquals(null, changed.data().getString("gender"));
        assertEquals(1, audited("CHANGE", nurse, "PUT " + PARTICIPANTS + "/" + id, participant));

        // The same again changes nothing: no version, no event.
        nurse.as().body(change("1935-1939", null, 1)).put(PARTICIPANTS + "/" + id).then().statusCode(200)
                .body("version", equalTo(1));
        assertEquals(2, network.count("select count(*) from outbox_event where subject = ?", id));

        // Someone who read version 0 cannot overwrite it; nor can a change without the version, nor one naming the code.
        nurse.as().body(change("1930-1934", "FEMALE", 0)).put(PARTICIPANTS + "/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("violations.rule", hasItem("stale-version"));
        Map<String, Object> noVersion = change("1930-1934", "FEMALE", 0);
        noVersion.remove("version");
        nurse.as().body(noVersion).put(PARTICIPANTS + "/" + id).then().statusCode(422)
                .body("violations.field", hasItem("version"));
        Map<String, Object> withCode = change("1930-1934", "FEMALE", 1);
        withCode.put("code", "ABC-DEF-GHJ");
        nurse.as().body(withCode).put(PARTICIPANTS + "/" + id).then().statusCode(400)
                .body("violations.rule", hasItem("unknown-field"));
        nurse.as().body(change("1931-1935", "FEMALE", 1)).put(PARTICIPANTS + "/" + id).then().statusCode(422)
                .body("violations.field", hasItem("yearOfBirthBand")).body("violations.rule", hasItem("pattern"));
        network.coordinator().get(PARTICIPANTS + "/" + id).then().body("yearOfBirthBand", equalTo("1935-1939"))
                .body("version", equalTo(1));
        network.coordinator().get(PARTICIPANTS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        network.coordinator().body(change(null, null, 0)).put(PARTICIPANTS + "/" + UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void aCoordinatorEnrolsIntoAnySeriesOthersOnlyIntoTheirPairs() {
        Network.Pair otherPair = network.pair();
        otherPair.artist().as().body(enrolment(series.id(), "PARTICIPATION")).post(PARTICIPANTS).then()
                .statusCode(403).contentType("application/problem+json");
        network.orgAdmin().body(enrolment(series.id(), "PARTICIPATION")).post(PARTICIPANTS).then().statusCode(403);
        for (String role : List.of("researcher", "viewer", "hospital-system")) {
            Network.as(TestTokens.token(role, network.alias)).body(enrolment(series.id(), "PARTICIPATION"))
                    .post(PARTICIPANTS).then().statusCode(403);
        }
        assertEquals(0, network.count("select count(*) from participant where series_id = ?", series.id()));

        UUID participant = enrol(network.coordinator(), series.id(), "PARTICIPATION");
        otherPair.nurse().as().body(change(null, null, 0)).put(PARTICIPANTS + "/" + participant).then().statusCode(403);
        network.orgAdmin().body(change(null, null, 0)).put(PARTICIPANTS + "/" + participant).then().statusCode(403);
        network.coordinator().get(PARTICIPANTS + "/" + participant).then().body("version", equalTo(0));
    }

    @Test
    void aCodeAlreadyGivenIsNeverGivenAgain() {
        UUID first = enrol(artist.as(), series.id(), "PARTICIPATION");
        String taken = codeOf(artist.as(), first);
        // The generator draws the taken code first (once in about 8.5·10^11 draws in real life), then a fresh one.
        Deque<ParticipantCode> draws = new ArrayDeque<>(List.of(ParticipantCode.parse(taken)));
        QuarkusMock.installMockForType(new CodeGenerator() {
            @Override
            public ParticipantCode next() {
                return draws.isEmpty() ? super.next() : draws.poll();
            }
        }, CodeGenerator.class);

        String second = artist.as().body(enrolment(series.id(), "PARTICIPATION")).post(PARTICIPANTS).then()
                .statusCode(201).body("code", matchesPattern(CODE_FORM)).extract().path("code");
        assertTrue(draws.isEmpty(), "the taken code was drawn");
        assertNotEquals(taken, second);
        assertEquals(2, network.count("select count(*) from participant where series_id = ?", series.id()));
        assertEquals(2, network.count("select count(*) from audit_entry where series_id = ? and action = 'ENROL'",
                series.id()));
        assertEquals(taken, codeOf(artist.as(), first));
    }

    @Test
    void listsArePagedFilteredAndLimitedToWhatTheCallerReads() {
        UUID anna = enrol(artist.as(), series.id(), "PARTICIPATION", "RESEARCH_USE");
        UUID bertta = enrol(artist.as(), series.id(), "PARTICIPATION");
        UUID cecilia = enrol(artist.as(), series.id(), "PARTICIPATION", "RESEARCH_USE");
        UUID dora = enrol(nurse.as(), series.id(), "PARTICIPATION", "MEASUREMENTS", "RESEARCH_USE");
        LocalDate today = LocalDate.now(Network.HELSINKI);
        // Cecilia stopped coming (her data may still be used in research); Dora withdrew research use only.
        nurse.as().body(withdrawal(today.minusDays(2), "PARTICIPATION")).post(PARTICIPANTS + "/" + cecilia + "/withdrawal")
                .then().statusCode(200);
        nurse.as().body(withdrawal(today, "RESEARCH_USE")).post(PARTICIPANTS + "/" + dora + "/withdrawal")
                .then().statusCode(200);
        String ofSeries = PARTICIPANTS + "?seriesId=" + series.id();

        List<String> byCode = new ArrayList<>(List.of(codeOf(nurse.as(), anna), codeOf(nurse.as(), bertta),
                codeOf(nurse.as(), cecilia), codeOf(nurse.as(), dora)));
        byCode.sort(null);
        nurse.as().get(ofSeries).then().statusCode(200)
                .body("totalItems", equalTo(4)).body("items.code", equalTo(byCode));
        nurse.as().get(ofSeries + "&sort=-enrolledAt").then()
                .body("items.id", contains(ids(dora, cecilia, bertta, anna)));
        nurse.as().get(ofSeries + "&sort=enrolledAt&size=3&page=1").then()
                .body("items.id", contains(dora.toString())).body("totalPages", equalTo(2)).body("totalItems", equalTo(4));
        nurse.as().get(ofSeries + "&active=true&sort=enrolledAt").then().body("items.id", contains(ids(anna, bertta, dora)));
        nurse.as().get(ofSeries + "&active=false").then().body("items.id", contains(cecilia.toString()))
                .body("items[0].activeConsent", contains("RESEARCH_USE"));
        // A code as typed on a tablet: lower case, spaces for hyphens.
        String typed = codeOf(nurse.as(), bertta).toLowerCase().replace('-', ' ');
        nurse.as().get(PARTICIPANTS + "?code=" + typed).then().body("items.id", contains(bertta.toString()));

        // The nurse's read of a page is one audit entry naming the participants shown.
        String pageRead = "select count(*) from audit_entry where action = 'READ' and endpoint = ? and actor = ?"
                + " and actor_organisation = ? and series_id = ? and participant_ids @> cast(? as uuid[])"
                + " and participant_ids <@ cast(? as uuid[])";
        Object[] shown = {"GET " + PARTICIPANTS, "user-" + nurse.subject(), network.alias, series.id(),
                array(anna, bertta, dora), array(anna, bertta, dora)};
        long before = network.count(pageRead, shown);
        nurse.as().get(ofSeries + "&active=true").then().statusCode(200);
        assertEquals(before + 1, network.count(pageRead, shown));

        // The org-admin of the site's organisation reads them; another organisation's and another pair do not.
        network.orgAdmin().get(ofSeries).then().statusCode(200).body("totalItems", equalTo(4));
        Network other = new Network(db);
        other.orgAdmin().get(ofSeries).then().statusCode(200).body("totalItems", equalTo(0));
        other.orgAdmin().get(PARTICIPANTS + "/" + anna).then().statusCode(403);
        Person otherArtist = network.pair().artist();
        otherArtist.as().get(ofSeries).then().statusCode(200).body("totalItems", equalTo(0));
        otherArtist.as().get(PARTICIPANTS + "?code=" + typed).then().body("totalItems", equalTo(0));
        otherArtist.as().get(PARTICIPANTS + "/" + anna).then().statusCode(403);

        // A researcher, of any organisation, reads those whose consent covers research use today, without the notes.
        RequestSpecification researcher = Network.as(TestTokens.token("researcher", other.alias));
        researcher.get(ofSeries).then().statusCode(200)
                .body("items.id", containsInAnyOrder(ids(anna, cecilia)))
                .body("items.consent.note", everyItem(nullValue()))
                .body("items.find { it.id == '" + cecilia + "' }.withdrawals[0].note", nullValue());
        researcher.get(PARTICIPANTS + "/" + anna).then().statusCode(200).body("consent.note", nullValue());
        researcher.get(PARTICIPANTS + "/" + bertta).then().statusCode(403);
        researcher.get(PARTICIPANTS + "/" + dora).then().statusCode(403);
        for (String role : List.of("viewer", "hospital-system")) {
            Network.as(TestTokens.token(role, network.alias)).get(ofSeries).then().statusCode(403);
            Network.as(TestTokens.token(role, network.alias)).get(PARTICIPANTS + "/" + anna).then().statusCode(403);
        }

        nurse.as().get(ofSeries + "&sort=note").then().statusCode(422).body("violations.field", hasItem("sort"));
        nurse.as().get(ofSeries + "&active=maybe").then().statusCode(422).body("violations.field", hasItem("active"));
        nurse.as().get(PARTICIPANTS + "?seriesId=series").then().statusCode(422).body("violations.field", hasItem("seriesId"));
    }

    @Test
    void aTypoInATypedCodeIsNamed() {
        UUID anna = enrol(artist.as(), series.id(), "PARTICIPATION");
        String code = codeOf(artist.as(), anna);
        // One character changed: the check character catches it.
        String typo = code.substring(0, 4) + (code.charAt(4) == 'A' ? 'B' : 'A') + code.substring(5);
        artist.as().get(PARTICIPANTS + "?code=" + typo).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("code"))
                .body("violations[0].rule", equalTo("participant-code-check"))
                .body("violations[0].message", containsString("the check character does not match"));
        // Two neighbours swapped (where they differ): caught as well.
        int at = code.charAt(0) != code.charAt(1) ? 0 : 4;
        String swapped = code.substring(0, at) + code.charAt(at + 1) + code.charAt(at) + code.substring(at + 2);
        if (!swapped.equals(code)) {
            artist.as().get(PARTICIPANTS + "?code=" + swapped).then().statusCode(422)
                    .body("violations[0].rule", equalTo("participant-code-check"));
        }
        artist.as().get(PARTICIPANTS + "?code=" + "O" + code.substring(1)).then().statusCode(422)
                .body("violations[0].field", equalTo("code"))
                .body("violations[0].rule", equalTo("participant-code-character"))
                .body("violations[0].message", containsString("it looks like 0"));
        artist.as().get(PARTICIPANTS + "?code=" + code.substring(0, 7)).then().statusCode(422)
                .body("violations[0].rule", equalTo("participant-code-length"));
        artist.as().get(PARTICIPANTS + "?code=" + code).then().statusCode(200).body("items.id", contains(anna.toString()));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        UUID cancelled = network.series().id();
        network.execute("update series_copy set status = 'CANCELLED' where id = ?", cancelled);
        LocalDate today = LocalDate.now(Network.HELSINKI);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("consent.note", "no-personal-identity-code", consentSet("note",
                "Tyttären henkilötunnus " + PIC_1900S + ", soittaa tarvittaessa.")));
        cases.add(new Case("consent.note", "no-personal-identity-code", consentSet("note", "hetu " + PIC_2000S.toLowerCase())));
        cases.add(new Case("consent.note", "size", consentSet("note", "x".repeat(2001))));
        cases.add(new Case("consent.givenBy", "not-null", consentSet("givenBy", null)));
        cases.add(new Case("consent.givenOn", "not-null", consentSet("givenOn", null)));
        cases.add(new Case("consent.givenOn", "not-in-future", consentSet("givenOn", today.plusDays(1).toString())));
        cases.add(new Case("consent.covers", "not-null", consentSet("covers", null)));
        cases.add(new Case("consent.covers", "covers-participation", consentSet("covers", List.of("RESEARCH_USE"))));
        cases.add(new Case("consent.covers", "covers-participation", consentSet("covers", List.of())));
        cases.add(new Case("consent", "not-null", set("consent", null)));
        cases.add(new Case("seriesId", "not-null", set("seriesId", null)));
        cases.add(new Case("seriesId", "referenced-exists", set("seriesId", UUID.randomUUID().toString())));
        cases.add(new Case("yearOfBirthBand", "pattern", set("yearOfBirthBand", "1941-1945")));
        cases.add(new Case("yearOfBirthBand", "pattern", set("yearOfBirthBand", "1940-1949")));
        cases.add(new Case("yearOfBirthBand", "pattern", set("yearOfBirthBand", "1895-1899")));
        cases.add(new Case("yearOfBirthBand", "pattern", set("yearOfBirthBand", "2030-2034")));
        cases.add(new Case("yearOfBirthBand", "pattern", set("yearOfBirthBand", "1940")));
        cases.add(new Case("gender", "known-value", set("gender", "UNKNOWN")));
        cases.add(new Case("consent.givenBy", "known-value", consentSet("givenBy", "DAUGHTER")));
        cases.add(new Case("consent.covers[1]", "known-value", consentSet("covers", List.of("PARTICIPATION", "PHOTOS"))));
        for (Case bad : cases) {
            artist.as().body(bad.body()).post(PARTICIPANTS).then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("violations.field", hasItem(bad.field()))
                    .body("violations.find { it.field == '" + bad.field() + "' }.rule", equalTo(bad.rule()));
        }
        Map<String, Object> intoCancelled = enrolment(cancelled, "PARTICIPATION");
        network.coordinator().body(intoCancelled).post(PARTICIPANTS).then().statusCode(422)
                .body("violations[0].field", equalTo("seriesId"))
                .body("violations[0].rule", equalTo("series-not-cancelled"));

        Map<String, Object> misspelt = enrolment(series.id(), "PARTICIPATION");
        misspelt.put("yearOfBirth", 1942);
        artist.as().body(misspelt).post(PARTICIPANTS).then().statusCode(400).body("violations.rule", hasItem("unknown-field"));
        artist.as().body(consentSet("givenOn", "1.3.2026")).post(PARTICIPANTS).then().statusCode(400)
                .body("violations.field", hasItem("consent.givenOn"));
        artist.as().body(set("gender", List.of("FEMALE"))).post(PARTICIPANTS).then().statusCode(400)
                .body("violations.field", hasItem("gender"));
        artist.as().post(PARTICIPANTS).then().statusCode(400).body("violations.rule", hasItem("body-required"));

        // Nothing of any of them was written: no participant, no audit entry, no event.
        for (UUID s : List.of(series.id(), cancelled)) {
            assertEquals(0, network.count("select count(*) from participant where series_id = ?", s));
            assertEquals(0, network.count("select count(*) from audit_entry where series_id = ?", s));
            assertEquals(0, network.count("select count(*) from outbox_event where payload ->> 'seriesId' = ?", s.toString()));
        }
        assertEquals(0, network.count("select count(*) from participant where consent_note like ?", "%" + PIC_1900S + "%"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    record Case(String field, String rule, Map<String, Object> body) {
    }

    /** A good enrolment into the series with one field set. */
    Map<String, Object> set(String field, Object value) {
        Map<String, Object> body = enrolment(series.id(), "PARTICIPATION", "RESEARCH_USE");
        body.put(field, value);
        return body;
    }

    /** A good enrolment into the series with one field of its consent set. */
    Map<String, Object> consentSet(String field, Object value) {
        Map<String, Object> body = enrolment(series.id(), "PARTICIPATION", "RESEARCH_USE");
        consentOf(body).put(field, value);
        return body;
    }

    static Map<String, Object> change(String band, String gender, long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("yearOfBirthBand", band);
        body.put("gender", gender);
        body.put("version", version);
        return body;
    }

    /** Audit entries of {@code action} by this person, from this network's organisation, about exactly this participant. */
    long audited(String action, Person actor, String endpoint, UUID participant) {
        return network.count("select count(*) from audit_entry where action = ? and actor = ? and actor_subject = ?"
                        + " and actor_organisation = ? and endpoint = ? and participant_ids = cast(? as uuid[])"
                        + " and series_id = ?", action, "user-" + actor.subject(), actor.subject(), network.alias,
                endpoint, array(participant), series.id());
    }

    static String[] ids(UUID... participants) {
        return List.of(participants).stream().map(UUID::toString).toArray(String[]::new);
    }
}
