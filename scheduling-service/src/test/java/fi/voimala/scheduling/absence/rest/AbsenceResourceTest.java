package fi.voimala.scheduling.absence.rest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fi.voimala.scheduling.support.Network;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Professionals' absences through the API: an absence takes the professional's time as a visit does, so the database
 * refuses an absence over one of their visits or another absence (409 naming it, also between concurrent requests),
 * a later series skips it and a visit cannot be moved into it; deleting it frees the time. Who may record and read
 * absences follows the professional: themself, their organisation's org-admin, the coordinator.
 */
@QuarkusTest
class AbsenceResourceTest {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    @Inject
    DataSource db;

    Network network;

    @BeforeEach
    void freshNetwork() {
        network = new Network(db);
    }

    static Map<String, Object> absence(UUID professional, String startsAt, String endsAt, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("professionalId", professional.toString());
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("reason", reason);
        return body;
    }

    ValidatableResponse record(RequestSpecification as, Map<String, Object> body) {
        return as.body(body).post("/api/absences").then();
    }

    String series(UUID pair, String firstDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("groupId", network.group(network.site()).toString());
        body.put("pairId", pair.toString());
        body.put("artForms", List.of("MUSIC"));
        body.put("plannedSessions", 15);
        body.put("frequency", "WEEKLY");
        body.put("startTime", "10:00");
        body.put("durationMinutes", 60);
        body.put("firstDate", firstDate);
        return network.coordinator().body(body).post("/api/series").then().statusCode(201).extract().path("id");
    }

    List<Map<String, Object>> visitsOf(String seriesId) {
        return network.coordinator().queryParam("seriesId", seriesId).queryParam("size", 100).queryParam("sort", "startsAt")
                .get("/api/visits").then().statusCode(200).extract().path("items");
    }

    @Test
    void aProfessionalRecordsTheirOwnAbsenceAndDeletingItFreesTheTime() {
        String login = UUID.randomUUID().toString();
        UUID artist = network.professional("ARTS_AND_CULTURE", login);
        RequestSpecification me = Network.as(TestTokens.token("artist", network.alias, login));

        // Helsinki is UTC+2 in January (no summer time): 08:00 there is 06:00Z.
        String id = record(me, absence(artist, "2027-01-11T08:00:00+02:00", "2027-01-15T16:00:00+02:00", "a course in Tampere"))
                .statusCode(201)
                .header("Location", containsString("/api/absences/"))
                .body("professionalId", equalTo(artist.toString()))
                .body("professionalName", containsString("Testi Henkilö-"))
                .body("startsAt", equalTo("2027-01-11T06:00:00Z"))
                .body("endsAt", equalTo("2027-01-15T14:00:00Z"))
                .body("reason", equalTo("a course in Tampere"))
                .extract().path("id");
        assertEquals(1, network.count("select count(*) from professional_booking where absence_id = ?::uuid", id));

        Network.as(TestTokens.token("artist", network.alias, login)).get("/api/absences/" + id).then().statusCode(200)
                .body("id", equalTo(id));
        Network.as(TestTokens.token("artist", network.alias, login)).get("/api/absences").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));

        Network.as(TestTokens.token("artist", network.alias, login)).delete("/api/absences/" + id).then().statusCode(204);
        network.coordinator().get("/api/absences/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, network.count("select count(*) from professional_booking where professional_id = ?", artist));
        // The time is free: the same absence can be recorded again.
        record(network.coordinator(), absence(artist, "2027-01-11T08:00:00+02:00", "2027-01-15T16:00:00+02:00", null))
                .statusCode(201);
    }

    @Test
    void anAbsenceIsSkippedByALaterSeriesAndBlocksMovingAVisitIntoIt() {
        UUID artist = network.artist();
        String absenceId = record(network.coordinator(), absence(artist, "2027-09-20T00:00:00+03:00",
                "2027-09-21T00:00:00+03:00", "holiday")).statusCode(201).extract().path("id");

        // Mondays from 2027-09-06: 20 September (the absence) and 6 December (Independence Day, a Monday in 2027) are
        // skipped, so the 15th session falls on 2027-12-27.
        String series = series(network.pair(artist, network.nurse()), "2027-09-06");
        List<Map<String, Object>> visits = visitsOf(series);
        List<LocalDate> dates = visits.stream()
                .map(v -> Instant.parse((String) v.get("startsAt")).atZone(HELSINKI).toLocalDate()).toList();
        assertEquals(15, dates.size());
        assertFalse(dates.contains(LocalDate.of(2027, 9, 20)), "the absent day is skipped: " + dates);
        assertEquals(LocalDate.of(2027, 12, 27), dates.get(14));

        String visit = (String) visits.get(2).get("id");
        network.coordinator().body(Map.of("startsAt", "2027-09-20T14:00:00+03:00", "reason", "swap with the choir"))
                .post("/api/visits/" + visit + "/move").then().statusCode(409)
                .contentType("application/problem+json")
                .body("violations.rule", hasItem("double-booking"))
                .body("detail", containsString(absenceId));

        network.coordinator().delete("/api/absences/" + absenceId).then().statusCode(204);
        network.coordinator().body(Map.of("startsAt", "2027-09-20T14:00:00+03:00", "reason", "swap with the choir"))
                .post("/api/visits/" + visit + "/move").then().statusCode(200)
                .body("startsAt", equalTo("2027-09-20T11:00:00Z"));
    }

    @Test
    void aVisitOrAnotherAbsenceBlocksAnAbsence() {
        UUID nurse = network.nurse();
        String series = series(network.pair(network.artist(), nurse), "2027-09-06");
        // The second session: Monday 2027-09-13 10:00-11:00 Helsinki (UTC+3).
        String visit = (String) visitsOf(series).get(1).get("id");

        record(network.coordinator(), absence(nurse, "2027-09-13T09:00:00+03:00", "2027-09-13T12:00:00+03:00", "dentist"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("violations.rule", hasItem("double-booking"))
                .body("detail", containsString(visit));
        assertEquals(0, network.count("select count(*) from absence where professional_id = ?", nurse));

        // Time is taken as [start, end): an absence from the end of the visit does not overlap it.
        String first = record(network.coordinator(), absence(nurse, "2027-09-13T11:00:00+03:00", "2027-09-13T15:00:00+03:00",
                "dentist")).statusCode(201).extract().path("id");
        record(network.coordinator(), absence(nurse, "2027-09-13T14:00:00+03:00", "2027-09-14T12:00:00+03:00", "flu"))
                .statusCode(409)
                .body("violations.rule", hasItem("double-booking"))
                .body("detail", containsString(first));
        assertEquals(1, network.count("select count(*) from absence where professional_id = ?", nurse));
    }

    @Test
    void ofConcurrentAbsencesOverTheSameTimeExactlyOneIsRecorded() throws Exception {
        UUID artist = network.artist();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> network.coordinator().body(absence(artist, "2027-03-01T08:00:00+02:00",
                        "2027-03-05T16:00:00+02:00", "leave")).post("/api/absences"));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> details = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                statuses.add(answer.get().statusCode());
                if (answer.get().statusCode() == 409) {
                    details.add(answer.get().path("detail"));
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), "statuses: " + statuses);
            String winner = network.coordinator().queryParam("professionalId", artist.toString()).get("/api/absences").then()
                    .body("totalItems", equalTo(1)).extract().path("items[0].id");
            details.forEach(detail -> assertThat(detail, containsString(winner)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        UUID artist = network.artist();
        record(network.coordinator(), absence(artist, "2027-02-01T12:00:00+02:00", "2027-02-01T08:00:00+02:00", null))
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("endsAt")).body("violations.rule", hasItem("after-start"));
        record(network.coordinator(), absence(artist, "2027-02-01T12:00:00+02:00", "2027-02-01T10:00:00Z", null))
                .statusCode(422).body("violations.rule", hasItem("after-start"));
        // 2028 is a leap year: 1 Jan 2028 to 2 Jan 2029 is 367 days.
        record(network.coordinator(), absence(artist, "2028-01-01T00:00:00+02:00", "2029-01-02T00:00:00+02:00", null))
                .statusCode(422).body("violations.field", hasItem("endsAt")).body("violations.rule", hasItem("max-length"));
        record(network.coordinator(), absence(UUID.randomUUID(), "2027-02-01T08:00:00+02:00", "2027-02-01T12:00:00+02:00", null))
                .statusCode(422).body("violations.field", hasItem("professionalId"))
                .body("violations.rule", hasItem("referenced-exists"));
        record(network.coordinator(), absence(artist, "2027-02-01T08:00:00+02:00", "2027-02-01T12:00:00+02:00", "x".repeat(501)))
                .statusCode(422).body("violations.field", hasItem("reason"));
        Map<String, Object> noStart = absence(artist, null, "2027-02-01T12:00:00+02:00", null);
        record(network.coordinator(), noStart).statusCode(422).body("violations.field", hasItem("startsAt"));
        record(network.coordinator(), absence(artist, "tomorrow", "2027-02-01T12:00:00+02:00", null))
                .statusCode(400).body("violations.field", hasItem("startsAt"));
        assertEquals(0, network.count("select count(*) from absence where professional_id = ?", artist));

        network.coordinator().queryParam("from", "1.2.2027").get("/api/absences").then().statusCode(422)
                .body("violations.field", hasItem("from"));
        network.coordinator().queryParam("from", "2027-02-02").queryParam("to", "2027-02-01").get("/api/absences").then()
                .statusCode(422).body("violations.field", hasItem("to"));
        network.coordinator().queryParam("sort", "reason").get("/api/absences").then().statusCode(422)
                .body("violations.field", hasItem("sort"));
    }

    @Test
    void onlyTheProfessionalTheirOrgAdminAndTheCoordinatorRecordAndSeeAbsences() {
        String login = UUID.randomUUID().toString();
        UUID artist = network.professional("ARTS_AND_CULTURE", login);
        UUID colleague = network.nurse();
        Network other = new Network(db);
        UUID stranger = other.artist();

        String own = record(network.orgAdmin(), absence(colleague, "2027-04-05T08:00:00+03:00", "2027-04-09T16:00:00+03:00",
                "parental leave")).statusCode(201).extract().path("id");
        record(network.orgAdmin(), absence(stranger, "2027-04-05T08:00:00+03:00", "2027-04-09T16:00:00+03:00", null))
                .statusCode(403).contentType("application/problem+json");
        record(Network.as(TestTokens.token("artist", network.alias, login)),
                absence(colleague, "2027-05-03T08:00:00+03:00", "2027-05-03T16:00:00+03:00", null)).statusCode(403);
        String strangers = record(network.coordinator(), absence(stranger, "2027-04-05T08:00:00+03:00",
                "2027-04-09T16:00:00+03:00", null)).statusCode(201).extract().path("id");

        other.orgAdmin().get("/api/absences/" + own).then().statusCode(403);
        other.orgAdmin().delete("/api/absences/" + own).then().statusCode(403);
        Network.as(TestTokens.token("artist", network.alias, login)).get("/api/absences/" + own).then().statusCode(403);
        Network.as(TestTokens.token("artist", network.alias, login)).delete("/api/absences/" + own).then().statusCode(403);
        network.orgAdmin().get("/api/absences/" + strangers).then().statusCode(403);

        // Lists hold only what the caller may see, in the counts too.
        network.orgAdmin().queryParam("from", "2027-04-01").queryParam("to", "2027-04-30").get("/api/absences").then()
                .statusCode(200).body("items.id", hasItem(own)).body("items.professionalId",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(equalTo(stranger.toString()))));
        other.orgAdmin().queryParam("professionalId", colleague.toString()).get("/api/absences").then()
                .statusCode(200).body("totalItems", equalTo(0));
        Network.as(TestTokens.token("artist", network.alias, login)).get("/api/absences").then().body("totalItems", equalTo(0));
        network.coordinator().queryParam("professionalId", stranger.toString()).queryParam("from", "2027-04-09")
                .queryParam("to", "2027-04-09").get("/api/absences").then().body("totalItems", equalTo(1));
        network.coordinator().queryParam("professionalId", stranger.toString()).queryParam("from", "2027-04-10")
                .get("/api/absences").then().body("totalItems", equalTo(0));

        for (String role : List.of("viewer", "researcher", "hospital-system")) {
            Network.as(TestTokens.token(role, network.alias)).get("/api/absences").then().statusCode(403);
            record(Network.as(TestTokens.token(role, network.alias)),
                    absence(colleague, "2027-06-01T08:00:00+03:00", "2027-06-01T16:00:00+03:00", null)).statusCode(403);
        }
        network.orgAdmin().delete("/api/absences/" + own).then().statusCode(204);
    }
}
