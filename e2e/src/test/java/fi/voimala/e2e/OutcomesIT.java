package fi.voimala.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves outcomes end to end through the gateway with real Keycloak tokens on the running platform: five people are
 * enrolled (sessions-service) into a demo series of Kuopion kaupunki's day centre, outcomes learns of them from
 * session-events, the coordinator enters their UCLA-3 at baseline and end (outcomes-service; the demo loader gave the
 * series its measurement plan, which singles it out from other tests' series), and:
 * <ul>
 * <li>the series' outcome counts them: five more people, and each one's change as entered;</li>
 * <li>the researcher's wide export has exactly one row per participant, theirs among them, with both scores;</li>
 * <li>the hospital district's org-admin (another organisation) sees no outcome of the city's series;</li>
 * <li>the export is in the export log the coordinator reads.</li>
 * </ul>
 */
@ExtendWith(RunningPlatform.class)
class OutcomesIT {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final long WAIT_MS = 60_000;
    private static final Map<String, String> TOKENS = new HashMap<>();
    /** UCLA-3 totals (3-9, lower is less lonely) at baseline and at the end of the five new participants. */
    private static final int[][] TOTALS = {{8, 6}, {7, 7}, {9, 5}, {6, 5}, {8, 7}};

    private static String seriesId;
    private static final List<String> codes = new ArrayList<>();
    private static JsonPath before;

    private static synchronized RequestSpecification as(String user) {
        String token = TOKENS.computeIfAbsent(user, Tokens::forUser);
        return given().baseUri(RunningPlatform.GATEWAY).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static JsonPath outcome(String user) {
        return as(user).queryParam("seriesId", seriesId).queryParam("instrumentKey", "ucla-3").get("/api/outcomes")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long people(JsonPath outcome) {
        Object people = outcome.get("outcomes.find { it.comparison == 'BASELINE_TO_END' }.people");
        return people == null ? 0 : ((Number) people).longValue();
    }

    @BeforeAll
    static void fivePeopleAreMeasuredAtBaselineAndEnd() throws InterruptedException {
        String city = as("kaisa").queryParam("size", 100).get("/api/organisations").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.keycloakAlias == 'kuopion-kaupunki' }.id");
        List<String> citySites = as("kaisa").queryParam("organisationId", city).queryParam("size", 100).get("/api/sites")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        List<Map<String, Object>> series = as("kaisa").queryParam("size", 100).get("/api/series").then().statusCode(200)
                .extract().jsonPath().getList("items");
        // A demo series, which the demo loader gave a measurement plan (other tests' series at the city's sites have
        // none).
        seriesId = series.stream().filter(s -> citySites.contains(s.get("siteId"))).map(s -> (String) s.get("id"))
                .filter(id -> as("kaisa").get("/api/measurement-plans/" + id).statusCode() == 200)
                .findFirst().orElse(null);
        assertNotNull(seriesId, "a demo series with a measurement plan at one of the city's sites: " + series);
        before = outcome("kaisa");

        LocalDate today = LocalDate.now(HELSINKI);
        for (int i = 0; i < TOTALS.length; i++) {
            Map<String, Object> participant = Map.of("seriesId", seriesId, "consent", Map.of("givenBy", "PERSON",
                    "givenOn", today.minusDays(1).toString(),
                    "covers", List.of("PARTICIPATION", "MEASUREMENTS", "RESEARCH_USE")));
            codes.add(as("kaisa").body(participant).post("/api/participants").then().statusCode(201).extract()
                    .path("code"));
        }
        for (int i = 0; i < TOTALS.length; i++) {
            for (int point = 0; point < 2; point++) {
                Map<String, Object> measurement = Map.of("seriesId", seriesId, "instrumentKey", "ucla-3",
                        "timePoint", point == 0 ? "BASELINE" : "END", "participantCode", codes.get(i),
                        "measuredOn", today.toString(), "answers", ucla(TOTALS[i][point]));
                // outcomes learns of the participant from session-events: 422 referenced-exists until then.
                postOnceKnown("kaisa", "/api/measurements", measurement, Set.of("referenced-exists"));
            }
        }
    }

    /** UCLA-3 answers (each 1-3) adding up to {@code total}. */
    private static Map<String, Integer> ucla(int total) {
        int[] a = {1, 1, 1};
        for (int i = 0; i < total - 3; i++) {
            a[i % 3]++;
        }
        return Map.of("companionship", a[0], "left-out", a[1], "isolated", a[2]);
    }

    @Test
    void theSeriesOutcomeCountsThemWithEachOnesChange() {
        JsonPath after = outcome("kaisa");
        assertEquals(people(before) + TOTALS.length, people(after), "five more people in the series' outcome");
        for (int i = 0; i < TOTALS.length; i++) {
            Number change = after.get("participants.find { it.participantCode == '" + codes.get(i)
                    + "' && it.comparison == 'BASELINE_TO_END' }.change");
            assertNotNull(change, codes.get(i) + " has a change");
            assertEquals(TOTALS[i][1] - TOTALS[i][0], change.intValue(), codes.get(i));
        }
    }

    @Test
    void theResearchersWideExportHasOneRowPerParticipant() throws IOException {
        String csv = as("reijo").queryParam("seriesId", seriesId).get("/api/exports/wide").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        List<String> rowCodes = rows.stream().map(r -> r.get("participant_code")).toList();
        assertEquals(rowCodes.size(), Set.copyOf(rowCodes).size(), "one row per participant: " + rowCodes);
        Map<String, CSVRecord> byCode = rows.stream().collect(Collectors.toMap(r -> r.get("participant_code"), r -> r));
        for (int i = 0; i < TOTALS.length; i++) {
            CSVRecord row = byCode.get(codes.get(i));
            assertNotNull(row, codes.get(i) + " is in the export");
            assertEquals(String.valueOf(TOTALS[i][0]), row.get("ucla_3_total_baseline"));
            assertEquals(String.valueOf(TOTALS[i][1]), row.get("ucla_3_total_end"));
        }
        as("kaisa").get("/api/exports/log").then().statusCode(200)
                .body("items[0].actor", equalTo("reijo")).body("items[0].kind", equalTo("wide"));
    }

    @Test
    void anotherOrganisationsOrgAdminSeesNoOutcomeOfTheSeries() {
        as("hilkka").queryParam("seriesId", seriesId).get("/api/outcomes").then().statusCode(200)
                .body("series", equalTo(0)).body("outcomes.size()", equalTo(0));
        as("olli").queryParam("seriesId", seriesId).get("/api/outcomes").then().statusCode(200)
                .body("series", equalTo(1));
        as("hilkka").get("/api/exports/wide").then().statusCode(403);
    }

    /** POST as {@code user}, again while the service answers 422 with one of the {@code notYet} rules. */
    private static JsonPath postOnceKnown(String user, String path, Map<String, Object> body, Set<String> notYet)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            Response response = as(user).body(body).post(path);
            if (response.statusCode() == 201) {
                return response.jsonPath();
            }
            List<String> rules = response.statusCode() == 422 ? response.jsonPath().getList("violations.rule") : List.of();
            if (rules == null || rules.stream().noneMatch(notYet::contains) || System.currentTimeMillis() > deadline) {
                throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.asString());
            }
            Thread.sleep(250);
        }
    }
}
