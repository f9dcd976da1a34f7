package fi.voimala.e2e;

import static fi.voimala.e2e.Api.waitUntil;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves scheduling end to end through the gateway with real Keycloak tokens on the running platform, with data of its
 * own: a fresh pair of fresh professionals runs a short series for a fresh group on the demo's Harjula ward HAR-3, on
 * Saturday afternoons, which the demo's windows (weekdays) never use, inside windows the hospital's own system
 * ({@code hospital-feed}, client credentials) opens for it. Then:
 * <ul>
 * <li>the hospital closes the ward around one scheduled visit, through ward-availability and Kafka, and scheduling
 * moves that visit to the series' next free Saturday (its {@code sequence} up, the reason "ward closed: ...");</li>
 * <li>an org-admin of another organisation neither gets the series (403) nor finds it in the list, while the org-admin
 * of the ward's hospital district does;</li>
 * <li>the arts professional's calendar feed is served through the gateway without any token, as text/calendar
 * holding the visit's UID.</li>
 * </ul>
 * Scheduling learns of the register's writes from partner-events and applies ward statements from Kafka, so the setup
 * retries what scheduling does not know yet for up to a minute.
 */
@ExtendWith(RunningPlatform.class)
class ScheduleIT {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final String WARD = "HAR-3";
    private static final LocalTime START = LocalTime.of(14, 0);
    private static final int MINUTES = 60;
    private static final int SESSIONS = 4;
    /** Saturdays the hospital opens for this test's series: its sessions, holidays skipped, and room to move one. */
    private static final int OPEN_SATURDAYS = 12;

    private static final Map<String, String> TOKENS = new HashMap<>();

    private static String wardSiteId;
    private static String artsProfessionalId;
    private static String groupId;
    private static String seriesId;
    private static LocalDate firstSaturday;

    private static synchronized RequestSpecification as(String user) {
        String token = TOKENS.computeIfAbsent(user, u -> u.equals("hospital-feed") ? Tokens.forHospitalFeed() : Tokens.forUser(u));
        return given().baseUri(RunningPlatform.GATEWAY).auth().oauth2(token).contentType(ContentType.JSON);
    }

    @BeforeAll
    static void aFreshPairRunsASeriesOnAWard() throws InterruptedException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonPath organisations = as("kaisa").queryParam("size", 100).get("/api/organisations").then().statusCode(200)
                .extract().jsonPath();
        String conservatory = organisations.getString("items.find { it.keycloakAlias == 'kuopion-konservatorio' }.id");
        String hospitalDistrict = organisations.getString("items.find { it.keycloakAlias == 'pshp-kys' }.id");
        wardSiteId = as("kaisa").queryParam("type", "HOSPITAL_WARD").queryParam("q", "Harjulan").queryParam("size", 100)
                .get("/api/sites").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.wardCode == '" + WARD + "' }.id");

        artsProfessionalId = professional(conservatory, "Eemeli", "E2E-muusikko-" + tag, "ARTS_AND_CULTURE", "MUSICIAN",
                "SINGING");
        String careProfessionalId = professional(hospitalDistrict, "Elsa", "E2E-hoitaja-" + tag, "SOCIAL_AND_HEALTH",
                "NURSE", "MOVEMENT");
        String pairId = as("kaisa").body(Map.of("artsProfessionalId", artsProfessionalId,
                        "careProfessionalId", careProfessionalId))
                .post("/api/pairs").then().statusCode(201).extract().path("id");

        Map<String, Object> group = new LinkedHashMap<>();
        group.put("siteId", wardSiteId);
        group.put("name", "E2E-osastoryhmä " + tag);
        group.put("targetGroup", "WARD_PATIENTS");
        group.put("size", 5);
        group.put("needs", List.of("MEMORY"));
        group.put("contactName", "E2E-osastonhoitaja");
        group.put("contactPhone", "+358 44 000 0000");
        group.put("contactEmail", "e2e-" + tag + "@pshp-kys.voimala.test");
        groupId = postOnceKnown("/api/groups", group).getString("id");

        // The hospital opens its ward on the Saturdays to come, 13-16; a week ahead at the earliest, so that the
        // closure below lies in the future.
        firstSaturday = LocalDate.now(HELSINKI).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        List<Map<String, Object>> windows = new ArrayList<>();
        for (int week = 0; week < OPEN_SATURDAYS; week++) {
            LocalDate day = firstSaturday.plusWeeks(week);
            windows.add(statement(day.atTime(13, 0).atZone(HELSINKI), day.atTime(16, 0).atZone(HELSINKI), "AVAILABLE",
                    "E2E: avoinna ryhmille"));
        }
        as("hospital-feed").body(Map.of("statements", windows)).post("/api/ward-availability")
                .then().statusCode(202).body("statements", equalTo(OPEN_SATURDAYS));
        LocalDate lastSaturday = firstSaturday.plusWeeks(OPEN_SATURDAYS - 1);
        waitUntil("the ward's windows to be applied", () -> openWindows(lastSaturday) > 0 ? Boolean.TRUE : null);

        Map<String, Object> series = new LinkedHashMap<>();
        series.put("groupId", groupId);
        series.put("pairId", pairId);
        series.put("artForms", List.of("MUSIC"));
        series.put("plannedSessions", SESSIONS);
        series.put("sessionCountReason", "E2E: a short series is enough to test with");
        series.put("frequency", "WEEKLY");
        series.put("weekday", "SATURDAY");
        series.put("startTime", START.toString());
        series.put("durationMinutes", MINUTES);
        series.put("firstDate", firstSaturday.toString());
        seriesId = postOnceKnown("/api/series", series).getString("id");
    }

    @Test
    void aWardClosureMovesTheVisitInsideItToTheSeriesNextFreeSlot() throws InterruptedException {
        List<Map<String, Object>> visits = visitsOfTheSeries();
        assertEquals(SESSIONS, visits.size(), "the series' visits: " + visits);
        Map<String, Object> affected = visits.get(1);
        Map<String, Object> untouched = visits.get(0);
        String visitId = (String) affected.get("id");
        Instant startsAt = Instant.parse((String) affected.get("startsAt"));
        Instant endsAt = Instant.parse((String) affected.get("endsAt"));
        int sequence = (Integer) affected.get("sequence");
        Instant lastOfTheOthers = visits.stream().filter(v -> v != affected)
                .map(v -> Instant.parse((String) v.get("startsAt"))).max(Instant::compareTo).orElseThrow();

        // Only the hour around this visit closes, so that nothing else at the ward is touched.
        as("hospital-feed").body(Map.of("statements", List.of(statement(
                        startsAt.minus(Duration.ofMinutes(30)).atZone(HELSINKI), endsAt.plus(Duration.ofMinutes(30)).atZone(HELSINKI),
                        "UNAVAILABLE", "E2E: infektioeristys"))))
                .post("/api/ward-availability")
                .then().statusCode(202).body("statements", equalTo(1)).body("eventIds.size()", equalTo(1));

        JsonPath moved = waitUntil("scheduling to move visit " + visitId + " out of the closure", () -> {
            JsonPath visit = as("kaisa").get("/api/visits/" + visitId).then().statusCode(200).extract().jsonPath();
            if ("CANCELLED".equals(visit.getString("status"))) {
                throw new AssertionError("the visit was cancelled, not moved: " + visit.getString("statusReason"));
            }
            return Instant.parse(visit.getString("startsAt")).equals(startsAt) ? null : visit;
        });
        Instant newStart = Instant.parse(moved.getString("startsAt"));
        ZonedDateTime local = newStart.atZone(HELSINKI);
        assertEquals("SCHEDULED", moved.getString("status"));
        assertTrue(moved.getInt("sequence") > sequence, "sequence went up from " + sequence + ": " + moved.getInt("sequence"));
        assertTrue(moved.getString("statusReason").startsWith("ward closed"), moved.getString("statusReason"));
        // The next free slot on the rhythm: the following Saturdays are the series' own, so after its last visit.
        assertEquals(DayOfWeek.SATURDAY, local.getDayOfWeek());
        assertEquals(START, local.toLocalTime());
        assertTrue(newStart.isAfter(lastOfTheOthers), newStart + " after the series' other visits (last " + lastOfTheOthers + ")");
        assertEquals(Duration.ofMinutes(MINUTES), Duration.between(newStart, Instant.parse(moved.getString("endsAt"))));
        as("kaisa").get("/api/visits/" + untouched.get("id")).then().statusCode(200)
                .body("startsAt", equalTo(untouched.get("startsAt"))).body("sequence", equalTo(untouched.get("sequence")));
    }

    @Test
    void anOrgAdminOfAnotherOrganisationCannotSeeTheSeries() {
        // olli is the org-admin of Kuopion kaupunki; the ward is the hospital district's.
        as("olli").get("/api/series/" + seriesId).then().statusCode(403)
                .contentType("application/problem+json").body("groupId", nullValue());
        as("olli").queryParam("groupId", groupId).get("/api/series").then().statusCode(200).body("totalItems", equalTo(0));
        as("olli").queryParam("size", 100).get("/api/series").then().statusCode(200).body("items.id", not(hasItem(seriesId)));
        // hilkka, the hospital district's org-admin, does see it: the 403 is about the organisation.
        as("hilkka").get("/api/series/" + seriesId).then().statusCode(200).body("groupId", equalTo(groupId));
        as("hilkka").queryParam("groupId", groupId).get("/api/series").then().statusCode(200)
                .body("items.id", hasItem(seriesId));
    }

    @Test
    void theCalendarFeedIsServedThroughTheGatewayWithoutAToken() {
        String visitId = (String) visitsOfTheSeries().get(0).get("id");
        String url = as("kaisa").body(Map.of("professionalId", artsProfessionalId)).post("/api/calendar-feeds")
                .then().statusCode(201).body("professionalId", equalTo(artsProfessionalId))
                .extract().path("url");
        String path = URI.create(url).getPath();
        assertTrue(url.startsWith(RunningPlatform.GATEWAY + "/calendar/") && path.endsWith(".ics"),
                "the feed's address is the gateway's: " + url);

        // A calendar app subscribes with the URL alone: no Authorization header, no cookie.
        Response feed = given().baseUri(RunningPlatform.GATEWAY).redirects().follow(false).get(path);
        assertEquals(200, feed.statusCode(), feed.asString());
        assertTrue(feed.contentType().startsWith("text/calendar"), feed.contentType());
        String ics = feed.asString();
        assertTrue(ics.startsWith("BEGIN:VCALENDAR"), ics);
        // The visit id is the event's UID (scheduling's FeedEntry), so calendar apps recognise the visit in each version.
        assertTrue(ics.contains("UID:" + visitId), "the feed holds visit " + visitId + ":\n" + ics);

        // Another secret opens nothing: the service answers for it (not a login page).
        given().baseUri(RunningPlatform.GATEWAY).redirects().follow(false).get("/calendar/not-a-feed-secret.ics")
                .then().statusCode(404);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String professional(String organisationId, String firstName, String lastName, String field,
                                       String profession, String method) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationId", organisationId);
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("email", lastName.toLowerCase() + "@e2e.voimala.test");
        body.put("field", field);
        body.put("profession", profession);
        body.put("methods", List.of(method));
        body.put("languages", List.of("fi"));
        return as("kaisa").body(body).post("/api/professionals").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> statement(ZonedDateTime from, ZonedDateTime to, String state, String reason) {
        return Map.of("wardCode", WARD, "from", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(from),
                "to", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(to), "state", state, "reason", reason);
    }

    private static List<Map<String, Object>> visitsOfTheSeries() {
        return as("kaisa").queryParam("seriesId", seriesId).queryParam("sort", "startsAt").queryParam("size", 100)
                .get("/api/visits").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** How many open windows the ward has on that day, as the coordinator sees them (a list, or a page of items). */
    private static int openWindows(LocalDate day) {
        Object answer = as("kaisa").queryParam("siteId", wardSiteId).queryParam("from", day.toString())
                .queryParam("to", day.toString()).get("/api/ward-availability/windows")
                .then().statusCode(200).extract().jsonPath().get("$");
        if (answer instanceof List<?> list) {
            return list.size();
        }
        Map<?, ?> page = (Map<?, ?>) answer;
        Object items = page.containsKey("items") ? page.get("items") : page.get("windows");
        return items instanceof List<?> list ? list.size() : 0;
    }

    /**
     * POST as the coordinator, again while scheduling answers 422 because it does not know a referenced site or pair
     * yet (its copy of the register comes from partner-events) or finds no open slot yet (the ward's windows are
     * applied from Kafka).
     */
    private static JsonPath postOnceKnown(String path, Map<String, Object> body) throws InterruptedException {
        Set<String> notYet = Set.of("referenced-exists", "free-slots");
        return waitUntil("scheduling to take POST " + path, () -> {
            Response response = as("kaisa").body(body).post(path);
            if (response.statusCode() == 201) {
                return response.jsonPath();
            }
            List<String> rules = response.statusCode() == 422 ? response.jsonPath().getList("violations.rule") : List.of();
            if (rules != null && rules.stream().anyMatch(notYet::contains)) {
                return null;
            }
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.asString());
        });
    }

}
