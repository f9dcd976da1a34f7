package fi.voimala.scheduling.series.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.scheduling.support.Network;
import fi.voimala.platform.testing.SentEvents;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Planning a series through the API as a coordinator would: its visits are generated on the rhythm in Helsinki time,
 * Finnish public holidays are skipped and the series extended, the rules of the method hold (15-30 sessions or a
 * reason), bad input is a problem naming the field and writes nothing, a clash with the pair's other visit is a 409
 * naming it, and pause, resume, shorten and cancel keep the visits consistent, each change an event.
 */
@QuarkusTest
class SeriesResourceTest {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    Network network;
    SentEvents events;

    @BeforeEach
    void freshNetwork() {
        network = new Network(db);
        events = new SentEvents(connector);
    }

    static Map<String, Object> seriesBody(UUID group, UUID pair, String firstDate, int sessions) {
        Map<String, Object> body = new HashMap<>();
        body.put("groupId", group.toString());
        body.put("pairId", pair.toString());
        body.put("artForms", List.of("MUSIC"));
        body.put("plannedSessions", sessions);
        body.put("frequency", "WEEKLY");
        body.put("startTime", "13:00");
        body.put("durationMinutes", 90);
        body.put("firstDate", firstDate);
        return body;
    }

    ValidatableResponse plan(Map<String, Object> body) {
        return network.coordinator().body(body).post("/api/series").then();
    }

    List<Map<String, Object>> visitsOf(String seriesId) {
        return network.coordinator().queryParam("seriesId", seriesId).queryParam("size", 100).queryParam("sort", "startsAt")
                .get("/api/visits").then().statusCode(200).extract().path("items");
    }

    static ZonedDateTime local(Map<String, Object> visit) {
        return Instant.parse((String) visit.get("startsAt")).atZone(HELSINKI);
    }

    @Test
    void aWeeklySeriesGetsItsVisitsInHelsinkiTime() {
        UUID group = network.group(network.site());
        // 2027-09-07 is a Tuesday; no Finnish public holiday falls on a Tuesday in the 20 weeks after it.
        String id = plan(seriesBody(group, network.pair(), "2027-09-07", 20)).statusCode(201)
                .header("Location", containsString("/api/series/"))
                .body("status", equalTo("ACTIVE"))
                .body("weekday", equalTo("TUESDAY"))
                .body("visits.scheduled", equalTo(20))
                .body("plannedEnd", equalTo("2028-01-18"))
                .extract().path("id");

        List<Map<String, Object>> visits = visitsOf(id);
        assertEquals(20, visits.size());
        assertEquals(LocalDate.of(2027, 9, 7), local(visits.get(0)).toLocalDate());
        for (Map<String, Object> visit : visits) {
            assertEquals(LocalTime.of(13, 0), local(visit).toLocalTime(), "every session starts at 13:00 Helsinki time");
            assertEquals(90 * 60, Instant.parse((String) visit.get("endsAt")).getEpochSecond()
                    - Instant.parse((String) visit.get("startsAt")).getEpochSecond());
        }
        // Helsinki is UTC+3 in summer time and UTC+2 from the last Sunday of October (2027-10-31, EU rule).
        assertEquals("2027-09-07T10:00:00Z", visits.get(0).get("startsAt"));
        assertEquals("2027-11-02T11:00:00Z", visits.get(8).get("startsAt"));

        List<SentEvents.Event> sent = events.await(e -> id.equals(e.data().getString("seriesId")) || id.equals(e.subject()), 21);
        assertEquals(1, sent.stream().filter(e -> e.type().equals("fi.voimala.scheduling.series.planned.v1")).count());
        assertEquals(20, sent.stream().filter(e -> e.type().equals("fi.voimala.scheduling.visit.scheduled.v1")).count());
        sent.forEach(e -> assertEquals("visit-events", e.topic()));
    }

    @Test
    void holidaysAreSkippedAndTheSeriesExtendedAcrossEasterMidsummerAndTheEndOfSummerTime() {
        UUID group = network.group(network.site());
        // Fridays from 2027-03-19, 34 sessions (a reason is given for more than 30): Good Friday 2027-03-26 (Easter
        // Sunday 2027 is 28 March) and Midsummer Eve 2027-06-25 (the Friday between 19 and 25 June) are skipped, so
        // the series runs two weeks longer; it crosses the end of summer time on Sunday 2027-10-31.
        Map<String, Object> body = seriesBody(group, network.pair(), "2027-03-19", 34);
        body.put("sessionCountReason", "a year-long pilot with the day group");
        String id = plan(body).statusCode(201).extract().path("id");

        List<Map<String, Object>> visits = visitsOf(id);
        assertEquals(34, visits.size());
        List<LocalDate> dates = visits.stream().map(v -> local(v).toLocalDate()).toList();
        assertTrue(!dates.contains(LocalDate.of(2027, 3, 26)), "Good Friday skipped");
        assertTrue(!dates.contains(LocalDate.of(2027, 6, 25)), "Midsummer Eve skipped");
        assertTrue(dates.contains(LocalDate.of(2027, 4, 2)) && dates.contains(LocalDate.of(2027, 7, 2)), "the weeks after are kept");
        assertEquals(LocalDate.of(2027, 11, 19), dates.get(33), "34 sessions + 2 skipped weeks from 2027-03-19");
        visits.forEach(v -> assertEquals(LocalTime.of(13, 0), local(v).toLocalTime()));
        assertEquals("2027-10-29T10:00:00Z", visits.stream().filter(v -> local(v).toLocalDate().equals(LocalDate.of(2027, 10, 29)))
                .findFirst().orElseThrow().get("startsAt"));
        assertEquals("2027-11-05T11:00:00Z", visits.stream().filter(v -> local(v).toLocalDate().equals(LocalDate.of(2027, 11, 5)))
                .findFirst().orElseThrow().get("startsAt"));
    }

    @Test
    void aPreviewShowsTheVisitsAndTheSkippedDatesAndWritesNothing() {
        UUID group = network.group(network.site());
        UUID pair = network.pair();
        long seriesBefore = network.count("select count(*) from series");
        long visitsBefore = network.count("select count(*) from visit");
        long eventsBefore = network.count("select count(*) from outbox_event");
        // The same Fridays as above: Good Friday 2027-03-26 and Midsummer Eve 2027-06-25 get no visit.
        Map<String, Object> body = seriesBody(group, pair, "2027-03-19", 34);
        body.put("sessionCountReason", "a year-long pilot with the day group");
        network.coordinator().body(body).post("/api/series/preview").then().statusCode(200)
                .body("firstDate", equalTo("2027-03-19"))
                .body("plannedEnd", equalTo("2027-11-19"))
                .body("visits.size()", equalTo(34))
                .body("visits[0].ordinal", equalTo(1))
                .body("visits[0].startsAt", equalTo("2027-03-19T11:00:00Z"))
                .body("visits[33].date", equalTo("2027-11-19"))
                .body("skipped.date", hasItem("2027-03-26"))
                .body("skipped.date", hasItem("2027-06-25"))
                .body("skipped.find { it.date == '2027-03-26' }.reason", containsString("Good Friday"));
        assertEquals(seriesBefore, network.count("select count(*) from series"), "a preview plans no series");
        assertEquals(visitsBefore, network.count("select count(*) from visit"));
        assertEquals(eventsBefore, network.count("select count(*) from outbox_event"), "and publishes nothing");

        // What the preview showed is what planning makes.
        String id = plan(body).statusCode(201).extract().path("id");
        assertEquals("2027-03-19T11:00:00Z", visitsOf(id).get(0).get("startsAt"));
        // A preview is checked as a plan is: now the pair is booked on those Fridays, and bad input names the field.
        network.coordinator().body(seriesBody(network.group(network.site()), pair, "2027-03-19", 20))
                .post("/api/series/preview").then().statusCode(409).body("violations.rule", hasItem("double-booking"));
        Map<String, Object> bad = seriesBody(group, pair, "2027-09-07", 20);
        bad.put("durationMinutes", 5);
        network.coordinator().body(bad).post("/api/series/preview").then().statusCode(422)
                .contentType("application/problem+json").body("violations.field", hasItem("durationMinutes"));
    }

    @Test
    void outsideTheMethodsRangeAReasonIsRequired() {
        UUID group = network.group(network.site());
        plan(seriesBody(group, network.pair(), "2027-09-07", 12)).statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("sessionCountReason"))
                .body("violations.rule", hasItem("reason-required"));
        Map<String, Object> withReason = seriesBody(group, network.pair(), "2027-09-07", 12);
        withReason.put("sessionCountReason", "the unit closes for renovation in December");
        plan(withReason).statusCode(201).body("plannedSessions", equalTo(12));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        UUID group = network.group(network.site());
        long before = network.count("select count(*) from series where group_id = ?", group);
        Map<String, Object> body = seriesBody(group, network.pair(), "2027-09-07", 20);
        body.put("frequency", "DAILY");
        plan(body).statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("frequency")).body("violations.rule", hasItem("known-value"));
        body = seriesBody(group, network.pair(), "2027-09-07", 20);
        body.remove("startTime");
        plan(body).statusCode(422).body("violations.field", hasItem("startTime"));
        body = seriesBody(group, network.pair(), "2027-09-07", 20);
        body.put("durationMinutes", 5);
        plan(body).statusCode(422).body("violations.field", hasItem("durationMinutes"));
        plan(seriesBody(UUID.randomUUID(), network.pair(), "2027-09-07", 20)).statusCode(422)
                .body("violations.field", hasItem("groupId")).body("violations.rule", hasItem("referenced-exists"));
        plan(seriesBody(group, UUID.randomUUID(), "2027-09-07", 20)).statusCode(422)
                .body("violations.field", hasItem("pairId"));
        assertEquals(before, network.count("select count(*) from series where group_id = ?", group));
    }

    @Test
    void aPairCannotBeInTwoPlacesAtOnce() {
        UUID pair = network.pair();
        String first = plan(seriesBody(network.group(network.site()), pair, "2027-09-07", 20)).statusCode(201).extract().path("id");
        String clashing = visitsOf(first).get(0).get("id").toString();
        UUID otherGroup = network.group(network.site());
        long visitsBefore = network.count("select count(*) from visit");
        plan(seriesBody(otherGroup, pair, "2027-09-07", 20)).statusCode(409)
                .contentType("application/problem+json")
                .body("violations.rule", hasItem("double-booking"))
                .body("detail", containsString(clashing));
        assertEquals(0, network.count("select count(*) from series where group_id = ?", otherGroup));
        assertEquals(visitsBefore, network.count("select count(*) from visit"));
    }

    @Test
    void pauseResumeShortenAndCancelKeepTheVisitsConsistent() {
        String id = plan(seriesBody(network.group(network.site()), network.pair(), LocalDate.now(HELSINKI).plusDays(1).toString(), 20))
                .statusCode(201).extract().path("id");
        LocalDate pauseFrom = LocalDate.now(HELSINKI).plusWeeks(5);
        String from = pauseFrom.toString();
        int before = (int) visitsOf(id).stream().filter(v -> local(v).toLocalDate().isBefore(pauseFrom)).count();

        network.coordinator().body(Map.of("from", from, "reason", "the unit's summer break"))
                .post("/api/series/" + id + "/pause").then().statusCode(200)
                .body("status", equalTo("PAUSED")).body("visits.scheduled", equalTo(before))
                .body("visits.cancelled", equalTo(20 - before));
        network.coordinator().body(Map.of("from", from, "reason", "again"))
                .post("/api/series/" + id + "/pause").then().statusCode(409);

        network.coordinator().body(Map.of("from", LocalDate.now(HELSINKI).plusWeeks(10).toString()))
                .post("/api/series/" + id + "/resume").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("visits.scheduled", equalTo(20));

        network.coordinator().body(Map.of("plannedSessions", 16, "reason", "the group shrank"))
                .post("/api/series/" + id + "/shorten").then().statusCode(200)
                .body("plannedSessions", equalTo(16)).body("visits.scheduled", equalTo(16));

        network.coordinator().body(Map.of("reason", "the unit closes"))
                .post("/api/series/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("visits.scheduled", equalTo(0));
        network.coordinator().body(Map.of("reason", "twice"))
                .post("/api/series/" + id + "/cancel").then().statusCode(409);

        List<String> types = events.await(e -> id.equals(e.subject()), 5).stream().map(SentEvents.Event::type).toList();
        assertEquals(List.of("fi.voimala.scheduling.series.planned.v1", "fi.voimala.scheduling.series.paused.v1",
                "fi.voimala.scheduling.series.resumed.v1", "fi.voimala.scheduling.series.changed.v1",
                "fi.voimala.scheduling.series.cancelled.v1"), types);
        assertEquals(0, network.count("select count(*) from professional_booking b join visit v on v.id = b.visit_id"
                + " where v.series_id = ?::uuid and v.status = 'CANCELLED'", id), "cancelled visits free the pair's time");
    }

    @Test
    void anOrgAdminPlansOnlyAtItsOwnSites() {
        Network other = new Network(db);
        UUID ownGroup = network.group(network.site());
        network.orgAdmin().body(seriesBody(ownGroup, network.pair(), "2027-09-07", 20)).post("/api/series").then().statusCode(201);
        other.orgAdmin().body(seriesBody(network.group(network.site()), network.pair(), "2027-09-14", 20))
                .post("/api/series").then().statusCode(403);
        Network.as(TestTokens.token("artist", network.alias)).body(seriesBody(ownGroup, network.pair(), "2027-09-21", 20))
                .post("/api/series").then().statusCode(403);
    }
}
