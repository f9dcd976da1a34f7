package fi.voimala.sessions.record.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testing.TestTokens;
import fi.voimala.sessions.participant.ParticipantCode;
import fi.voimala.sessions.support.Network;
import fi.voimala.sessions.support.Network.Person;
import fi.voimala.sessions.support.Network.Series;
import fi.voimala.platform.testing.SentEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session records through the API, on sessions' copies of the register and schedule (written as the consumers leave
 * them) and participants inserted as the participant API leaves them: the visit's pair records a session once, and
 * corrects it within the 14-day window with each correction in the history; a record for an unknown, cancelled or
 * future visit is refused with the reason; participants present must be enrolled in the series with consent to take
 * part on the visit's date; free text with a personal identity code is refused naming the field and writes nothing;
 * who may record and read; the events carry no observations or reflection; every write and read of participants is
 * in the audit log.
 */
@QuarkusTest
class SessionRecordResourceTest {

    static final String RECORDS = "/api/session-records";
    /** Personal identity codes with valid check characters (131052-308T is the Digital and Population Data Services
     * Agency's own example; the others are computed the same way: DDMMYYNNN mod 31). */
    static final String PIC_1900S = "131052-308T";
    static final String PIC_2000S = "010203A1230";
    static final String PIC_NEW_SIGN = "150815B456P";

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
    void theFormIsOfferedTheSitesCareStaffByNameNotThePair() {
        UUID visit = visitOn(LocalDate.now(Network.HELSINKI).minusDays(1), LocalTime.of(10, 0));
        Person first = network.nurse();
        Person second = network.nurse();
        Network elsewhere = new Network(db);
        Person notOfTheSite = elsewhere.nurse();

        List<String> offered = artist.as().queryParam("visitId", visit.toString()).get(RECORDS + "/staff-candidates")
                .then().statusCode(200).extract().path("id");
        assertTrue(offered.containsAll(List.of(first.id().toString(), second.id().toString())), offered.toString());
        assertTrue(!offered.contains(artist.id().toString()) && !offered.contains(nurse.id().toString()),
                "the pair run the session; they are not its staff");
        assertTrue(!offered.contains(notOfTheSite.id().toString()), "only the site's organisation's people");
        nurse.as().queryParam("visitId", visit.toString()).get(RECORDS + "/staff-candidates").then().statusCode(200)
                .body("find { it.id == '" + first.id() + "' }.name", containsString("Testi Henkilö-"))
                .body("find { it.id == '" + first.id() + "' }.field", equalTo("SOCIAL_AND_HEALTH"));

        elsewhere.artist().as().queryParam("visitId", visit.toString()).get(RECORDS + "/staff-candidates").then()
                .statusCode(403);
        artist.as().queryParam("visitId", UUID.randomUUID().toString()).get(RECORDS + "/staff-candidates").then()
                .statusCode(404);
        artist.as().get(RECORDS + "/staff-candidates").then().statusCode(422)
                .body("violations[0].field", equalTo("visitId"));
    }

    @Test
    void theArtistRecordsAHeldSessionAndTheNurseCorrectsIt() {
        LocalDate date = LocalDate.now(Network.HELSINKI).minusDays(3);
        UUID visit = visitOn(date, LocalTime.of(10, 0));
        UUID anna = participant("{PARTICIPATION,RESEARCH_USE}");
        UUID bertta = participant("{PARTICIPATION}");
        UUID cecilia = participant("{PARTICIPATION}");
        Person staffNurse = network.nurse();

        Map<String, Object> body = held(visit, date, codeOf(anna), codeOf(bertta));
        // As typed on a tablet: lower case, spaces for hyphens.
        body.put("participantCodes", List.of(codeOf(anna).toLowerCase().replace('-', ' '), codeOf(bertta)));
        body.put("staffProfessionalIds", List.of(staffNurse.id().toString()));
        Response created = artist.as().body(body).post(RECORDS);
        String id = created.then().statusCode(201)
                .header("Location", endsWith(RECORDS + "/" + created.path("id")))
                .body("version", equalTo(0))
                .body("visitId", equalTo(visit.toString()))
                .body("seriesId", equalTo(series.id().toString()))
                .body("siteId", equalTo(series.siteId().toString()))
                .body("pairId", equalTo(series.pair().id().toString()))
                .body("held", equalTo(true))
                .body("notHeldReason", nullValue())
                .body("startedAt", equalTo(at(date, 10, 5).toString()))
                .body("endedAt", equalTo(at(date, 11, 30).toString()))
                .body("participants.id", containsInAnyOrder(anna.toString(), bertta.toString()))
                .body("participants.find { it.id == '" + anna + "' }.code", equalTo(codeOf(anna)))
                .body("extraAttendees", equalTo(2))
                .body("staff.id", contains(staffNurse.id().toString()))
                .body("staff[0].name", containsString("Testi Henkilö-"))
                .body("otherStaffCount", equalTo(3))
                .body("artForms", contains("MUSIC", "DANCE"))
                .body("methods", contains("yhteislaulu", "liikeimprovisaatio"))
                .body("observations", equalTo("Ryhmä lauloi mukana, kaksi tanssi."))
                .body("reflection", equalTo("Seuraavalla kerralla enemmän liikettä."))
                .body("recordedBy", equalTo("user-" + artist.subject()))
                .extract().path("id");
        // Corrections are allowed for 14 days (voimala.sessions.correction-window, P14D).
        assertEquals(Duration.ofDays(14), Duration.between(Instant.parse(created.path("recordedAt")),
                Instant.parse(created.path("correctableUntil"))));

        nurse.as().get(RECORDS + "/" + id).then().statusCode(200).body("participants", hasSize(2));

        // The event carries who came and who was staff, never the pair's observations or reflection.
        JsonObject recorded = events.await(e -> id.equals(e.subject()), 1).get(0).data();
        assertEquals("fi.voimala.session.record.recorded.v1", events.about(id).get(0).type());
        assertEquals(visit.toString(), recorded.getString("visitId"));
        assertTrue(recorded.getBoolean("held"));
        assertEquals(sorted(anna, bertta), recorded.getJsonArray("participantIds").getList());
        assertEquals(List.of(staffNurse.id().toString()), recorded.getJsonArray("staffProfessionalIds").getList());
        assertEquals(3, recorded.getInteger("otherStaffCount"));
        assertFalse(recorded.containsKey("observations"));
        assertFalse(recorded.containsKey("reflection"));
        assertFalse(recorded.encode().contains("Ryhmä lauloi"));
        assertEquals(1, audited("RECORD_SESSION", id, anna, bertta));

        // The nurse corrects it: Bertta was not there but Cecilia was, and two more came along.
        Map<String, Object> correction = correction(body, 0);
        correction.put("participantCodes", List.of(codeOf(anna), codeOf(cecilia)));
        correction.put("extraAttendees", 4);
        correction.put("observations", "Ryhmä lauloi mukana, kolme tanssi.");
        nurse.as().body(correction).put(RECORDS + "/" + id).then().statusCode(200)
                .body("version", equalTo(1))
                .body("participants.id", containsInAnyOrder(anna.toString(), cecilia.toString()))
                .body("extraAttendees", equalTo(4))
                .body("recordedBy", equalTo("user-" + artist.subject()));

        nurse.as().get(RECORDS + "/" + id + "/history").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].version", equalTo(1))
                .body("[0].changedBy", equalTo("user-" + nurse.subject()))
                .body("[0].changedByOrganisation", equalTo(network.alias))
                .body("[0].changes.keySet()", containsInAnyOrder("participants", "extraAttendees", "observations"))
                .body("[0].changes.participants.from", equalTo(sorted(anna, bertta)))
                .body("[0].changes.participants.to", equalTo(sorted(anna, cecilia)))
                .body("[0].changes.extraAttendees.from", equalTo(2))
                .body("[0].changes.extraAttendees.to", equalTo(4))
                .body("[0].changes.observations.to", equalTo("Ryhmä lauloi mukana, kolme tanssi."));
        JsonObject corrected = events.await(e -> id.equals(e.subject()), 2).get(1).data();
        assertEquals("fi.voimala.session.record.corrected.v1", events.about(id).get(1).type());
        assertEquals(1, corrected.getInteger("version"));
        assertEquals(sorted(anna, cecilia), corrected.getJsonArray("participantIds").getList());
        assertEquals(1, audited("CORRECT_SESSION", id, anna, bertta, cecilia));

        // The same content again changes nothing: no version, no history, no event.
        nurse.as().body(correction(correction, 1)).put(RECORDS + "/" + id).then().statusCode(200).body("version", equalTo(1));
        nurse.as().get(RECORDS + "/" + id + "/history").then().body("", hasSize(1));
        assertEquals(2, network.count("select count(*) from outbox_event where subject = ?", id));

        // Someone who read version 0 cannot overwrite it; nor can a correction without the version.
        correction.put("extraAttendees", 9);
        nurse.as().body(correction).put(RECORDS + "/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("violations.rule", hasItem("stale-version"));
        correction.remove("version");
        nurse.as().body(correction).put(RECORDS + "/" + id).then().statusCode(422).body("violations.field", hasItem("version"));
        // The visit stays the record's: a correction naming one is refused as an unknown field.
        Map<String, Object> withVisit = correction(correction, 1);
        withVisit.put("visitId", visit.toString());
        nurse.as().body(withVisit).put(RECORDS + "/" + id).then().statusCode(400).body("violations.rule", hasItem("unknown-field"));
        network.coordinator().get(RECORDS + "/" + id).then().body("extraAttendees", equalTo(4));
        network.coordinator().get(RECORDS + "/" + UUID.randomUUID()).then().statusCode(404);
        network.coordinator().body(correction(correction, 1)).put(RECORDS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aSessionNotHeldHasAReasonAndNobodyPresent() {
        LocalDate date = LocalDate.now(Network.HELSINKI).minusDays(1);
        UUID visit = visitOn(date, LocalTime.of(13, 0));
        UUID anna = participant("{PARTICIPATION}");
        Map<String, Object> notHeld = notHeld(visit, "Osastolla oli vatsatautiepidemia.");
        Map<String, Object> withPeople = new HashMap<>(notHeld);
        withPeople.put("startedAt", at(date, 13, 0).toString());
        withPeople.put("participantCodes", List.of(codeOf(anna)));
        withPeople.put("staffProfessionalIds", List.of(network.nurse().id().toString()));
        withPeople.put("extraAttendees", 1);
        withPeople.remove("notHeldReason");
        artist.as().body(withPeople).post(RECORDS).then().statusCode(422)
                .body("violations.field", containsInAnyOrder("notHeldReason", "startedAt", "participantCodes",
                        "staffProfessionalIds", "extraAttendees"))
                .body("violations.find { it.field == 'participantCodes' }.rule", equalTo("only-when-held"))
                .body("violations.find { it.field == 'notHeldReason' }.rule", equalTo("required-when-not-held"));

        String id = artist.as().body(notHeld).post(RECORDS).then().statusCode(201)
                .body("held", equalTo(false))
                .body("notHeldReason", equalTo("Osastolla oli vatsatautiepidemia."))
                .body("startedAt", nullValue())
                .body("participants", hasSize(0))
                .extract().path("id");
        JsonObject recorded = events.await(e -> id.equals(e.subject()), 1).get(0).data();
        assertFalse(recorded.getBoolean("held"));
        assertEquals(visit.toString(), recorded.getString("visitId"));

        // Corrected to held after all: the history names held, the times and who came.
        Map<String, Object> heldAfterAll = held(visit, date, codeOf(anna));
        heldAfterAll.remove("visitId");
        heldAfterAll.put("startedAt", at(date, 13, 0).toString());
        heldAfterAll.put("endedAt", at(date, 14, 0).toString());
        heldAfterAll.put("version", 0);
        artist.as().body(heldAfterAll).put(RECORDS + "/" + id).then().statusCode(200).body("held", equalTo(true));
        artist.as().get(RECORDS + "/" + id + "/history").then()
                .body("[0].changes.held.from", equalTo(false)).body("[0].changes.held.to", equalTo(true))
                .body("[0].changes.notHeldReason.to", nullValue())
                .body("[0].changes.startedAt.to", equalTo(at(date, 13, 0).toString()))
                .body("[0].changes.participants.to", contains(anna.toString()));
    }

    @Test
    void correctionsCloseWhenTheWindowDoes() {
        LocalDate date = LocalDate.now(Network.HELSINKI).minusDays(2);
        UUID visit = visitOn(date, LocalTime.of(10, 0));
        Map<String, Object> body = held(visit, date);
        String id = artist.as().body(body).post(RECORDS).then().statusCode(201).extract().path("id");
        network.execute("update session_record set correctable_until = now() - interval '1 minute' where id = ?",
                UUID.fromString(id));

        Map<String, Object> correction = correction(body, 0);
        correction.put("extraAttendees", 5);
        artist.as().body(correction).put(RECORDS + "/" + id).then().statusCode(409)
                .body("violations.rule", hasItem("correction-window-closed"))
                .body("detail", containsString("corrections were accepted until"));
        // A coordinator is held to it too: corrections are allowed for 14 days.
        network.coordinator().body(correction).put(RECORDS + "/" + id).then().statusCode(409)
                .body("violations.rule", hasItem("correction-window-closed"));
        network.coordinator().get(RECORDS + "/" + id).then().body("extraAttendees", equalTo(2)).body("version", equalTo(0));
    }

    @Test
    void unknownCancelledAndFutureVisitsAreRefusedWithTheReason() {
        LocalDate today = LocalDate.now(Network.HELSINKI);
        UUID unknown = UUID.randomUUID();
        artist.as().body(held(unknown, today.minusDays(1))).post(RECORDS).then().statusCode(422)
                .body("violations[0].field", equalTo("visitId"))
                .body("violations[0].rule", equalTo("visit-known"))
                .body("violations[0].message", equalTo("no such visit is known to sessions: scheduling has not published it"));

        UUID cancelled = network.visit(series, at(today.minusDays(1), 10, 0), "CANCELLED");
        artist.as().body(held(cancelled, today.minusDays(1))).post(RECORDS).then().statusCode(422)
                .body("violations[0].field", equalTo("visitId"))
                .body("violations[0].rule", equalTo("visit-not-cancelled"))
                .body("violations[0].message", containsString("was cancelled in scheduling"));

        UUID future = network.visit(series, at(today.plusDays(1), 10, 0), "SCHEDULED");
        artist.as().body(held(future, today.plusDays(1))).post(RECORDS).then().statusCode(422)
                .body("violations[0].field", equalTo("visitId"))
                .body("violations[0].rule", equalTo("visit-started"))
                .body("violations[0].message", containsString("the visit starts at "))
                .body("violations[0].message", containsString(today.plusDays(1) + " 10:00 (Helsinki); record it afterwards"));

        assertEquals(0, network.count("select count(*) from session_record where visit_id in (?, ?, ?)", unknown, cancelled, future));
    }

    @Test
    void aVisitIsRecordedOnceAlsoWhenTwoArriveAtOnce() {
        LocalDate date = LocalDate.now(Network.HELSINKI).minusDays(4);
        UUID visit = visitOn(date, LocalTime.of(10, 0));
        String first = artist.as().body(held(visit, date)).post(RECORDS).then().statusCode(201).extract().path("id");
        nurse.as().body(held(visit, date)).post(RECORDS).then().statusCode(409)
                .body("violations.rule", hasItem("already-recorded")).body("detail", containsString(first));

        // Both members of the pair record the same visit at the same moment: one wins, the other is told which.
        for (int round = 0; round < 3; round++) {
            UUID contested = visitOn(date.minusDays(round + 1), LocalTime.of(10, 0));
            Map<String, Object> body = held(contested, date.minusDays(round + 1));
            CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> artist.as().body(body).post(RECORDS));
            CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> nurse.as().body(body).post(RECORDS));
            List<Response> answers = List.of(a.join(), b.join());
            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(201, 409), statuses);
            Response won = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
            Response lost = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            lost.then().body("violations.rule", hasItem("already-recorded")).body("detail", containsString(won.path("id")));
            assertEquals(1, network.count("select count(*) from session_record where visit_id = ?", contested));
        }
    }

    @Test
    void onlyTheVisitsPairOrACoordinatorRecords() {
        LocalDate date = LocalDate.now(Network.HELSINKI).minusDays(1);
        UUID visit = visitOn(date, LocalTime.of(10, 0));
        Network.Pair otherPair = network.pair();
        otherPair.artist().as().body(held(visit, date)).post(RECORDS).then().statusCode(403)
                .contentType("application/problem+json");
        network.orgAdmin().body(held(visit, date)).post(RECORDS).then().statusCode(403);
        Network.as(TestTokens.token("researcher", network.alias)).body(held(visit, date)).post(RECORDS).then().statusCode(403);
        Network.as(TestTokens.token("viewer", network.alias)).body(held(visit, date)).post(RECORDS).then().statusCode(403);
        assertEquals(0, network.count("select count(*) from session_record where visit_id = ?", visit));

        String id = network.coordinator().body(held(visit, date)).post(RECORDS).then().statusCode(201).extract().path("id");
        Map<String, Object> correction = correction(held(visit, date), 0);
        otherPair.nurse().as().body(correction).put(RECORDS + "/" + id).then().statusCode(403);
        network.orgAdmin().body(correction).put(RECORDS + "/" + id).then().statusCode(403);
    }

    @Test
    void whoReadsTheRecords() {
        LocalDate date = LocalDate.now(Network.HELSINKI).minusDays(1);
        UUID visit = visitOn(date, LocalTime.of(10, 0));
        UUID anna = participant("{PARTICIPATION}");
        String id = artist.as().body(held(visit, date, codeOf(anna))).post(RECORDS).then().statusCode(201).extract().path("id");
        String one = RECORDS + "/" + id;

        // The org-admin of the site's organisation reads it; its read of Anna is in the audit log.
        network.orgAdmin().get(one).then().statusCode(200).body("participants[0].id", equalTo(anna.toString()));
        network.orgAdmin().get(one + "/history").then().statusCode(200);
        network.orgAdmin().queryParam("seriesId", series.id().toString()).get(RECORDS).then().statusCode(200)
                .body("totalItems", equalTo(1));
        assertEquals(2, audited("READ", id, anna) + network.count("select count(*) from audit_entry where action = 'READ'"
                + " and detail = 'session records' and series_id = ? and ? = any (participant_ids)", series.id(), anna));

        // Another organisation's org-admin and another pair's artist neither read it nor see it in their lists.
        Network other = new Network(db);
        other.orgAdmin().get(one).then().statusCode(403);
        other.orgAdmin().get(one + "/history").then().statusCode(403);
        other.orgAdmin().queryParam("seriesId", series.id().toString()).get(RECORDS).then().statusCode(200)
                .body("totalItems", equalTo(0));
        Person otherArtist = network.pair().artist();
        otherArtist.as().get(one).then().statusCode(403);
        otherArtist.as().queryParam("seriesId", series.id().toString()).get(RECORDS).then().body("totalItems", equalTo(0));
        // Researchers and viewers have no access: a record's free text is not pseudonymous.
        Network.as(TestTokens.token("researcher", network.alias)).get(one).then().statusCode(403);
        Network.as(TestTokens.token("researcher", network.alias)).get(RECORDS).then().statusCode(403);
        Network.as(TestTokens.token("viewer", network.alias)).get(RECORDS).then().statusCode(403);
        Network.as(TestTokens.token("hospital-system", network.alias)).get(one).then().statusCode(403);
    }

    @Test
    void aParticipantWhoWithdrewCannotBeMarkedPresentButOneWithdrawingLaterCan() {
        LocalDate date = LocalDate.now(Network.HELSINKI).minusDays(5);
        UUID visit = visitOn(date, LocalTime.of(10, 0));
        UUID anna = participant("{PARTICIPATION}");
        UUID withdrawn = participant("{PARTICIPATION,RESEARCH_USE}");
        UUID later = participant("{PARTICIPATION}");
        withdraw(withdrawn, date, "{PARTICIPATION}");
        withdraw(later, date.plusDays(1), "{PARTICIPATION}");
        // Withdrawing research use only does not stop taking part.
        UUID researchOnly = participant("{PARTICIPATION,RESEARCH_USE}");
        withdraw(researchOnly, date.minusDays(1), "{RESEARCH_USE}");

        artist.as().body(held(visit, date, codeOf(anna), codeOf(withdrawn))).post(RECORDS).then().statusCode(422)
                .body("violations[0].field", equalTo("participantCodes[1]"))
                .body("violations[0].rule", equalTo("consent-withdrawn"))
                .body("violations[0].message", containsString(codeOf(withdrawn)));
        artist.as().body(held(visit, date, codeOf(anna), codeOf(later), codeOf(researchOnly))).post(RECORDS).then()
                .statusCode(201).body("participants", hasSize(3));
    }

    @Test
    void participantsAndStaffMustBeKnownOnceAndNotThePair() {
        LocalDate date = LocalDate.now(Network.HELSINKI).minusDays(1);
        UUID visit = visitOn(date, LocalTime.of(10, 0));
        UUID anna = participant("{PARTICIPATION}");
        String elsewhere = ParticipantCode.generate().toString();
        Series otherSeries = network.series();
        UUID stranger = participant(otherSeries, "{PARTICIPATION}");
        String annasCode = codeOf(anna);
        // One mistyped character: the check character catches it.
        String typo = annasCode.substring(0, 4) + (annasCode.charAt(4) == 'A' ? 'B' : 'A') + annasCode.substring(5);

        Map<String, Object> body = held(visit, date, annasCode, typo, annasCode.replace("-", ""), elsewhere, codeOf(stranger), "O0");
        body.put("staffProfessionalIds", List.of(UUID.randomUUID().toString(), nurse.id().toString(),
                network.nurse().id().toString(), artist.id().toString()));
        artist.as().body(body).post(RECORDS).then().statusCode(422)
                .body("violations.find { it.field == 'participantCodes[1]' }.rule", equalTo("participant-code-check"))
                .body("violations.find { it.field == 'participantCodes[2]' }.rule", equalTo("no-duplicates"))
                .body("violations.find { it.field == 'participantCodes[3]' }.rule", equalTo("enrolled-in-series"))
                .body("violations.find { it.field == 'participantCodes[4]' }.rule", equalTo("enrolled-in-series"))
                .body("violations.find { it.field == 'participantCodes[5]' }.rule", equalTo("participant-code-character"))
                .body("violations.find { it.field == 'staffProfessionalIds[0]' }.rule", equalTo("referenced-exists"))
                .body("violations.find { it.field == 'staffProfessionalIds[1]' }.rule", equalTo("not-the-pair"))
                .body("violations.find { it.field == 'staffProfessionalIds[3]' }.rule", equalTo("not-the-pair"))
                .body("violations.field", not(hasItem("participantCodes[0]")))
                .body("violations.field", not(hasItem("staffProfessionalIds[2]")));
        assertEquals(0, network.count("select count(*) from session_record where visit_id = ?", visit));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        LocalDate date = LocalDate.now(Network.HELSINKI).minusDays(1);
        UUID visit = visitOn(date, LocalTime.of(8, 0));
        List<Case> cases = new ArrayList<>();
        cases.add(bad("observations", "no-personal-identity-code", held(visit, date), "observations",
                "Asukas " + PIC_1900S + " innostui laulamaan."));
        Map<String, Object> methods = held(visit, date);
        methods.put("methods", List.of("yhteislaulu", "muistelu (" + PIC_2000S + ")"));
        cases.add(bad("methods[1]", "no-personal-identity-code", methods));
        cases.add(bad("reflection", "no-personal-identity-code", held(visit, date), "reflection",
                "hetu " + PIC_NEW_SIGN.toLowerCase()));
        cases.add(bad("notHeldReason", "no-personal-identity-code", notHeld(visit, "131052+308T sairastui")));
        cases.add(bad("startedAt", "required-when-held", held(visit, date), "startedAt", null));
        cases.add(bad("endedAt", "required-when-held", held(visit, date), "endedAt", null));
        cases.add(bad("endedAt", "after-start", held(visit, date), "endedAt", at(date, 10, 0).toString()));
        cases.add(bad("endedAt", "at-most-8-hours", held(visit, date), "startedAt", at(date, 8, 0).toString(),
                "endedAt", at(date, 16, 1).toString()));
        cases.add(bad("startedAt", "on-visit-date", held(visit, date), "startedAt", at(date.minusDays(1), 23, 0).toString()));
        cases.add(bad("notHeldReason", "only-when-not-held", held(visit, date), "notHeldReason", "ei mitään"));
        cases.add(bad("extraAttendees", "max", held(visit, date), "extraAttendees", 501));
        cases.add(bad("otherStaffCount", "min", held(visit, date), "otherStaffCount", -1));
        cases.add(bad("held", "not-null", held(visit, date), "held", null));
        cases.add(bad("visitId", "not-null", held(visit, date), "visitId", null));
        cases.add(bad("participantCodes[0]", "not-blank", held(visit, date), "participantCodes", List.of(" ")));
        for (Case bad : cases) {
            artist.as().body(bad.body()).post(RECORDS).then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("violations.field", hasItem(bad.field()))
                    .body("violations.find { it.field == '" + bad.field() + "' }.rule", equalTo(bad.rule()));
        }
        Map<String, Object> circus = held(visit, date);
        circus.put("artForms", List.of("CIRCUS"));
        artist.as().body(circus).post(RECORDS).then().statusCode(422).body("violations.rule", hasItem("known-value"));

        Map<String, Object> misspelt = held(visit, date);
        misspelt.put("observation", "kirjoitusvirhe");
        artist.as().body(misspelt).post(RECORDS).then().statusCode(400).body("violations.rule", hasItem("unknown-field"));
        Map<String, Object> text = held(visit, date);
        text.put("held", "yes");
        artist.as().body(text).post(RECORDS).then().statusCode(400).body("violations.field", hasItem("held"));
        artist.as().post(RECORDS).then().statusCode(400).body("violations.rule", hasItem("body-required"));

        assertEquals(0, network.count("select count(*) from session_record where visit_id = ?", visit));
        assertEquals(0, network.count("select count(*) from audit_entry where detail like ?", "%" + visit + "%"));
    }

    @Test
    void aSessionThatHasNotEndedYetCannotBeRecordedAsEnded() {
        Instant started = Instant.now().minus(Duration.ofMinutes(1));
        UUID visit = network.visit(series, started, "SCHEDULED");
        Map<String, Object> body = held(visit, LocalDate.now(Network.HELSINKI));
        body.put("startedAt", started.toString());
        body.put("endedAt", Instant.now().plus(Duration.ofMinutes(1)).toString());
        artist.as().body(body).post(RECORDS).then().statusCode(422)
                .body("violations.find { it.rule == 'not-in-future' }.field", equalTo("endedAt"));
    }

    @Test
    void listsArePagedFilteredAndSortedBySessionTime() {
        LocalDate today = LocalDate.now(Network.HELSINKI);
        UUID anna = participant("{PARTICIPATION}");
        UUID tenDaysAgo = visitOn(today.minusDays(10), LocalTime.of(10, 0));
        UUID fiveDaysAgo = visitOn(today.minusDays(5), LocalTime.of(10, 0));
        UUID threeDaysAgo = visitOn(today.minusDays(3), LocalTime.of(10, 0));
        String a = artist.as().body(held(tenDaysAgo, today.minusDays(10), codeOf(anna))).post(RECORDS).then().statusCode(201)
                .extract().path("id");
        String c = artist.as().body(notHeld(fiveDaysAgo, "Ohjaaja sairastui.")).post(RECORDS).then().statusCode(201)
                .extract().path("id");
        String b = artist.as().body(held(threeDaysAgo, today.minusDays(3))).post(RECORDS).then().statusCode(201)
                .extract().path("id");
        String ofSeries = RECORDS + "?seriesId=" + series.id();

        // A session not held sorts by its visit's time.
        nurse.as().get(ofSeries + "&sort=startedAt").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("items.id", contains(a, c, b));
        nurse.as().get(ofSeries).then().body("items.id", contains(b, c, a));
        nurse.as().get(ofSeries + "&sort=-recordedAt&size=2").then().body("items.id", contains(b, c))
                .body("totalPages", equalTo(2));
        nurse.as().get(ofSeries + "&held=false").then().body("items.id", contains(c));
        nurse.as().get(ofSeries + "&from=" + today.minusDays(5) + "&to=" + today.minusDays(3)).then()
                .body("items.id", contains(b, c));
        nurse.as().get(ofSeries + "&from=" + today.minusDays(10) + "&to=" + today.minusDays(10)).then()
                .body("items.id", contains(a)).body("items[0].participants[0].id", equalTo(anna.toString()));
        nurse.as().get(RECORDS + "?visitId=" + threeDaysAgo).then().body("items.id", contains(b));

        nurse.as().get(ofSeries + "&sort=observations").then().statusCode(422).body("violations.field", hasItem("sort"));
        nurse.as().get(ofSeries + "&held=maybe").then().statusCode(422).body("violations.field", hasItem("held"));
        nurse.as().get(ofSeries + "&from=2026-05-02&to=2026-05-01").then().statusCode(422).body("violations.field", hasItem("to"));
        nurse.as().get(RECORDS + "?seriesId=series").then().statusCode(422).body("violations.field", hasItem("seriesId"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A scheduled visit of the series at a Helsinki wall-clock time (90 minutes). */
    UUID visitOn(LocalDate date, LocalTime time) {
        return network.visit(series, date.atTime(time).atZone(Network.HELSINKI).toInstant(), "SCHEDULED");
    }

    static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(Network.HELSINKI).toInstant();
    }

    /** A held session of a visit at 10:00 on {@code date}: 10:05–11:30, with these participants' codes. */
    static Map<String, Object> held(UUID visit, LocalDate date, String... codes) {
        Map<String, Object> body = new HashMap<>();
        body.put("visitId", visit == null ? null : visit.toString());
        body.put("held", true);
        body.put("startedAt", at(date, 10, 5).toString());
        body.put("endedAt", at(date, 11, 30).toString());
        body.put("participantCodes", List.of(codes));
        body.put("extraAttendees", 2);
        body.put("staffProfessionalIds", List.of());
        body.put("otherStaffCount", 3);
        body.put("artForms", List.of("DANCE", "MUSIC"));
        body.put("methods", List.of("yhteislaulu", "liikeimprovisaatio"));
        body.put("observations", "Ryhmä lauloi mukana, kaksi tanssi.");
        body.put("reflection", "Seuraavalla kerralla enemmän liikettä.");
        return body;
    }

    static Map<String, Object> notHeld(UUID visit, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("visitId", visit.toString());
        body.put("held", false);
        body.put("notHeldReason", reason);
        return body;
    }

    /** A record's body as a correction: without the visit, with the version read. */
    static Map<String, Object> correction(Map<String, Object> body, long version) {
        Map<String, Object> correction = new HashMap<>(body);
        correction.remove("visitId");
        correction.put("version", version);
        return correction;
    }

    /** A bad-input case: the body with these fields set, expecting {@code rule} on {@code field}. */
    record Case(String field, String rule, Map<String, Object> body) {
    }

    static Case bad(String field, String rule, Map<String, Object> body, Object... fieldsAndValues) {
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new Case(field, rule, body);
    }

    UUID participant(String covers) {
        return participant(series, covers);
    }

    /** A participant enrolled in the series as the participant API leaves one, with a generated code. */
    UUID participant(Series in, String covers) {
        UUID id = UUID.randomUUID();
        network.execute("insert into participant (id, version, series_id, code, consent_given_by, consent_given_on,"
                + " consent_covers, enrolled_at, enrolled_by, updated_at) values (?, 0, ?, ?, 'PERSON', current_date - 60,"
                + " cast(? as varchar[]), now(), 'test', now())", id, in.id(), ParticipantCode.generate().value(), covers);
        return id;
    }

    void withdraw(UUID participant, LocalDate from, String covers) {
        network.execute("insert into consent_withdrawal (id, participant_id, withdrawn_from, covers, recorded_at, recorded_by)"
                + " values (?, ?, ?, cast(? as varchar[]), now(), 'test')", UUID.randomUUID(), participant, from, covers);
    }

    /** The code as the API shows it, XXX-XXX-XXX. */
    String codeOf(UUID participant) {
        try (var connection = db.getConnection();
             var statement = connection.prepareStatement("select code from participant where id = ?")) {
            statement.setObject(1, participant);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new ParticipantCode(rows.getString(1)).toString();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Audit entries of {@code action} about the record that name exactly these participants. */
    long audited(String action, String recordId, UUID... participants) {
        return network.count("select count(*) from audit_entry where action = ? and detail like ?"
                        + " and participant_ids @> cast(? as uuid[]) and participant_ids <@ cast(? as uuid[])",
                action, "%" + recordId + "%", array(participants), array(participants));
    }

    static String array(UUID... ids) {
        return "{" + String.join(",", List.of(ids).stream().map(UUID::toString).toList()) + "}";
    }

    static List<String> sorted(UUID... ids) {
        return List.of(ids).stream().map(UUID::toString).sorted().toList();
    }
}
