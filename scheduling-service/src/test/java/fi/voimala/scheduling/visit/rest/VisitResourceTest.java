package fi.voimala.scheduling.visit.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.scheduling.support.Network;
import fi.voimala.platform.testing.SentEvents;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Visits as planners and professionals use them: moving one keeps its identity and raises its calendar SEQUENCE,
 * cancelling needs a reason, public holidays and closed wards are refused with the field named, each professional
 * sees only their own visits, and the database lets exactly one of many concurrent bookings of one professional win.
 */
@QuarkusTest
class VisitResourceTest {

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    Network network;

    @BeforeEach
    void freshNetwork() {
        network = new Network(db);
    }

    String series(UUID group, UUID pair, String firstDate, int sessions) {
        return series(group, pair, firstDate, sessions, "10:00");
    }

    String series(UUID group, UUID pair, String firstDate, int sessions, String startTime) {
        Map<String, Object> body = new HashMap<>();
        body.put("groupId", group.toString());
        body.put("pairId", pair.toString());
        body.put("artForms", List.of("DANCE"));
        body.put("plannedSessions", sessions);
        if (sessions < 15) {
            body.put("sessionCountReason", "a short trial");
        }
        body.put("frequency", "WEEKLY");
        body.put("startTime", startTime);
        body.put("durationMinutes", 60);
        body.put("firstDate", firstDate);
        return network.coordinator().body(body).post("/api/series").then().statusCode(201).extract().path("id");
    }

    List<Map<String, Object>> visitsOf(String seriesId) {
        return network.coordinator().queryParam("seriesId", seriesId).queryParam("size", 100)
                .get("/api/visits").then().statusCode(200).extract().path("items");
    }

    @Test
    void aMovedVisitKeepsItsIdAndRaisesItsSequence() {
        String series = series(network.group(network.site()), network.pair(), "2027-09-06", 15);
        Map<String, Object> visit = visitsOf(series).get(2);
        String id = (String) visit.get("id");

        // Monday 2027-09-20 10:00 -> Wednesday 2027-09-22 14:00 Helsinki (UTC+3 in September).
        network.coordinator().body(Map.of("startsAt", "2027-09-22T14:00:00+03:00", "reason", "the group's outing on Monday"))
                .post("/api/visits/" + id + "/move").then().statusCode(200)
                .body("id", equalTo(id))
                .body("startsAt", equalTo("2027-09-22T11:00:00Z"))
                .body("endsAt", equalTo("2027-09-22T12:00:00Z"))
                .body("sequence", equalTo(1))
                .body("statusReason", equalTo("the group's outing on Monday"))
                .body("previousStartsAt", equalTo("2027-09-20T07:00:00Z"))
                .body("previousEndsAt", equalTo("2027-09-20T08:00:00Z"));
        network.coordinator().get("/api/visits/" + id).then().statusCode(200)
                .body("previousStartsAt", equalTo("2027-09-20T07:00:00Z"));

        SentEvents.Event moved = new SentEvents(connector).await(e -> id.equals(e.subject())
                && e.type().equals("fi.voimala.scheduling.visit.moved.v1"), 1).get(0);
        assertEquals("2027-09-20T07:00:00Z", moved.data().getString("previousStartsAt"));
        assertEquals("2027-09-22T11:00:00Z", moved.data().getString("startsAt"));
        assertEquals("the group's outing on Monday", moved.data().getString("reason"));
        assertEquals(id, moved.key());
    }

    @Test
    void aVisitCannotMoveOntoAPublicHolidayOrAClosedWard() {
        String series = series(network.group(network.site()), network.pair(), "2027-11-29", 15);
        String id = (String) visitsOf(series).get(0).get("id");
        // 6 December is Finland's Independence Day (itsenäisyyspäivä).
        network.coordinator().body(Map.of("startsAt", "2027-12-06T10:00:00+02:00", "reason", "try"))
                .post("/api/visits/" + id + "/move").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("startsAt")).body("violations.rule", hasItem("holiday"));

        UUID ward = network.ward("T" + UUID.randomUUID().toString().substring(0, 6));
        network.openWard(ward, java.time.Instant.parse("2027-11-01T00:00:00Z"), java.time.Instant.parse("2028-06-01T00:00:00Z"));
        String wardSeries = series(network.group(ward), network.pair(), "2027-11-29", 15);
        String wardVisit = (String) visitsOf(wardSeries).get(0).get("id");
        network.coordinator().body(Map.of("startsAt", "2028-06-05T10:00:00+03:00", "reason", "later"))
                .post("/api/visits/" + wardVisit + "/move").then().statusCode(422)
                .body("violations.rule", hasItem("ward-closed"));
    }

    @Test
    void cancellingNeedsAReasonAndHappensOnce() {
        String series = series(network.group(network.site()), network.pair(), "2027-09-06", 15);
        String id = (String) visitsOf(series).get(0).get("id");
        network.coordinator().body(Map.of()).post("/api/visits/" + id + "/cancel").then().statusCode(422)
                .body("violations.field", hasItem("reason"));
        network.coordinator().body(Map.of("reason", "flu in the unit")).post("/api/visits/" + id + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("sequence", equalTo(1));
        network.coordinator().body(Map.of("reason", "again")).post("/api/visits/" + id + "/cancel").then().statusCode(409)
                .body("violations.rule", hasItem("visit-not-scheduled"));
        network.coordinator().body(Map.of("startsAt", "2027-09-08T10:00:00+03:00", "reason", "x"))
                .post("/api/visits/" + id + "/move").then().statusCode(409);
    }

    @Test
    void professionalsSeeTheirOwnVisitsOnly() {
        String artistLogin = UUID.randomUUID().toString();
        UUID artist = network.professional("ARTS_AND_CULTURE", artistLogin);
        String mine = series(network.group(network.site()), network.pair(artist, network.nurse()), "2027-09-06", 15);
        String others = series(network.group(network.site()), network.pair(), "2027-09-06", 15);
        String token = TestTokens.token("artist", network.alias, artistLogin);

        List<String> seen = Network.as(token).queryParam("size", 100).get("/api/visits").then().statusCode(200)
                .body("totalItems", equalTo(15)).extract().path("items.seriesId");
        seen.forEach(s -> assertEquals(mine, s));
        String othersVisit = (String) visitsOf(others).get(0).get("id");
        Network.as(token).get("/api/visits/" + othersVisit).then().statusCode(403);
        Network.as(token).body(Map.of("reason", "no")).post("/api/visits/" + othersVisit + "/cancel").then().statusCode(403);
        Network.as(token).get("/api/series/" + mine).then().statusCode(200);
        Network.as(token).get("/api/series/" + others).then().statusCode(403);
    }

    @Test
    void listFiltersAreCheckedAndApplied() {
        network.coordinator().queryParam("from", "tomorrow").get("/api/visits").then().statusCode(422)
                .body("violations.field", hasItem("from"));
        network.coordinator().queryParam("status", "DONE").get("/api/visits").then().statusCode(422)
                .body("violations.rule", hasItem("known-value"));
        String series = series(network.group(network.site()), network.pair(), "2027-09-06", 15);
        network.coordinator().queryParam("seriesId", series).queryParam("from", "2027-09-13").queryParam("to", "2027-09-27")
                .get("/api/visits").then().statusCode(200).body("totalItems", equalTo(3));
    }

    @Test
    void ofFiftyConcurrentBookingsOfOneProfessionalExactlyOneWins() throws Exception {
        // Fifty pairs share one artist; each has a one-session series far from the contested time (weekly dates at
        // changing hours, so that a series pushed a week on by a public holiday lands on no other). Then all fifty ask,
        // at once, for a make-up visit at the same hour: the exclusion constraint lets one win and refuses 49.
        UUID artist = network.artist();
        List<String> seriesIds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            seriesIds.add(series(network.group(network.site()), network.pair(artist, network.nurse()),
                    java.time.LocalDate.of(2028, 1, 3).plusWeeks(i).toString(), 1, String.format("%02d:00", 8 + i % 8)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Response>> calls = seriesIds.stream().<Callable<Response>>map(s -> () -> network.coordinator()
                    .body(Map.of("seriesId", s, "startsAt", "2027-12-15T12:00:00+02:00")).post("/api/visits")).toList();
            List<Integer> statuses = new ArrayList<>();
            List<String> details = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                statuses.add(answer.get().statusCode());
                if (answer.get().statusCode() == 409) {
                    details.add(answer.get().path("detail"));
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
            assertEquals(49, statuses.stream().filter(s -> s == 409).count(), "statuses: " + statuses);
            String winner = network.coordinator().queryParam("professionalId", artist.toString()).queryParam("from", "2027-12-15")
                    .queryParam("to", "2027-12-15").get("/api/visits").then().statusCode(200).body("totalItems", equalTo(1))
                    .extract().path("items[0].id");
            details.forEach(detail -> org.hamcrest.MatcherAssert.assertThat(detail, containsString(winner)));
        } finally {
            pool.shutdownNow();
        }
    }
}
