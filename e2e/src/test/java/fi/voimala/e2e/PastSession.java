package fi.voimala.e2e;

import static fi.voimala.e2e.Api.as;
import static fi.voimala.e2e.Api.postOnceKnown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh series of one session in the past, run by the demo artist aapo with a new nurse of Kuopion kaupunki at its
 * Tuulentupa day centre, with participants enrolled: a visit that aapo may record, made through the API as the
 * coordinator would. A weekend hour, so that it meets none of the demo's visits; each earlier run holds one of aapo's
 * hours, so it tries others until one is free.
 */
record PastSession(String cityId, String seriesId, String visitId, Instant startsAt, Instant endsAt, List<String> codes) {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    /** aapo's Keycloak user id (deploy/keycloak/voimala-realm.json), his professional profile's keycloakUserId. */
    static final String AAPO_LOGIN = "00000000-0000-4000-8000-000000000004";
    static final int MINUTES = 60;
    private static final int SLOT_TRIES = 20;

    LocalDate date() {
        return startsAt.atZone(HELSINKI).toLocalDate();
    }

    /** A session between {@code minWeeksAgo} and {@code maxWeeksAgo} (exclusive) weeks ago, with {@code participants}. */
    static PastSession ofAapo(int minWeeksAgo, int maxWeeksAgo, int participants) throws InterruptedException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonPath organisations = as("kaisa").queryParam("size", 100).get("/api/organisations").then().statusCode(200)
                .extract().jsonPath();
        String conservatory = organisations.getString("items.find { it.keycloakAlias == 'kuopion-konservatorio' }.id");
        String cityId = organisations.getString("items.find { it.keycloakAlias == 'kuopion-kaupunki' }.id");
        String dayCentre = as("kaisa").queryParam("organisationId", cityId).queryParam("q", "Tuulentupa")
                .get("/api/sites").then().statusCode(200).extract().path("items[0].id");
        String aapo = as("kaisa").queryParam("organisationId", conservatory).queryParam("size", 100)
                .get("/api/professionals").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.keycloakUserId == '" + AAPO_LOGIN + "' }.id");
        assertNotNull(aapo, "the demo's aapo has a professional profile with his login");

        Map<String, Object> nurse = new LinkedHashMap<>();
        nurse.put("organisationId", cityId);
        nurse.put("firstName", "Essi");
        nurse.put("lastName", "E2E-hoitaja-" + tag);
        nurse.put("email", "e2e-hoitaja-" + tag + "@e2e.voimala.test");
        nurse.put("field", "SOCIAL_AND_HEALTH");
        nurse.put("profession", "NURSE");
        nurse.put("methods", List.of("REMINISCENCE"));
        nurse.put("languages", List.of("fi"));
        String nurseId = as("kaisa").body(nurse).post("/api/professionals").then().statusCode(201).extract().path("id");
        String pairId = as("kaisa").body(Map.of("artsProfessionalId", aapo, "careProfessionalId", nurseId))
                .post("/api/pairs").then().statusCode(201).extract().path("id");

        Map<String, Object> group = new LinkedHashMap<>();
        group.put("siteId", dayCentre);
        group.put("name", "E2E-päiväryhmä " + tag);
        group.put("targetGroup", "DAY_GROUP_CLIENTS");
        group.put("size", 6);
        group.put("needs", List.of("HEARING"));
        group.put("contactName", "E2E-ohjaaja");
        group.put("contactPhone", "+358 44 000 0000");
        group.put("contactEmail", "e2e-" + tag + "@kuopion-kaupunki.voimala.test");
        String groupId = postOnceKnown("kaisa", "/api/groups", group, Set.of("referenced-exists")).getString("id");

        String seriesId = planOneSessionInThePast(groupId, pairId, minWeeksAgo, maxWeeksAgo);
        List<Map<String, Object>> visits = as("kaisa").queryParam("seriesId", seriesId).get("/api/visits")
                .then().statusCode(200).extract().path("items");
        assertEquals(1, visits.size(), "the series' one visit: " + visits);
        Instant startsAt = Instant.parse((String) visits.get(0).get("startsAt"));
        Instant endsAt = Instant.parse((String) visits.get(0).get("endsAt"));
        LocalDate visitDate = startsAt.atZone(HELSINKI).toLocalDate();

        // Enrolled with consent given a week before the visit; sessions learns of the series from visit-events.
        List<String> codes = new ArrayList<>();
        List<String> bands = List.of("1935-1939", "1940-1944", "1945-1949", "1930-1934");
        for (int i = 0; i < participants; i++) {
            Map<String, Object> participant = Map.of("seriesId", seriesId, "yearOfBirthBand", bands.get(i % bands.size()),
                    "gender", "FEMALE", "consent", Map.of("givenBy", "PERSON", "givenOn", visitDate.minusDays(7).toString(),
                            "covers", List.of("PARTICIPATION", "MEASUREMENTS", "RESEARCH_USE")));
            codes.add(postOnceKnown("kaisa", "/api/participants", participant, Set.of("referenced-exists")).getString("code"));
        }
        return new PastSession(cityId, seriesId, (String) visits.get(0).get("id"), startsAt, endsAt, codes);
    }

    /**
     * Gives the series a measurement plan with the session mood check before and after each session, once
     * outcomes-service knows the series from visit-events (until then it answers 404 or 422).
     */
    PastSession withMoodCheck() throws InterruptedException {
        Map<String, Object> plan = Map.of("points", List.of(
                Map.of("instrumentKey", "session-mood", "timePoint", "BEFORE_SESSION"),
                Map.of("instrumentKey", "session-mood", "timePoint", "AFTER_SESSION")));
        Api.waitUntil("outcomes to take the series' plan", () -> {
            int status = as("kaisa").body(plan).put("/api/measurement-plans/" + seriesId).statusCode();
            if (status == 200) {
                return true;
            }
            assertTrue(status == 404 || status == 422, "PUT measurement plan answered " + status);
            return null;
        });
        return this;
    }

    private static String planOneSessionInThePast(String groupId, String pairId, int minWeeksAgo, int maxWeeksAgo)
            throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < SLOT_TRIES; attempt++) {
            DayOfWeek day = random.nextBoolean() ? DayOfWeek.SATURDAY : DayOfWeek.SUNDAY;
            LocalDate firstDate = LocalDate.now(HELSINKI).minusDays(1).minusWeeks(random.nextInt(minWeeksAgo, maxWeeksAgo))
                    .with(TemporalAdjusters.previousOrSame(day));
            Map<String, Object> series = new LinkedHashMap<>();
            series.put("groupId", groupId);
            series.put("pairId", pairId);
            series.put("artForms", List.of("MUSIC"));
            series.put("plannedSessions", 1);
            series.put("sessionCountReason", "E2E: one session is enough to record");
            series.put("frequency", "WEEKLY");
            series.put("weekday", day.name());
            series.put("startTime", LocalTime.of(random.nextInt(8, 19), 0).toString());
            series.put("durationMinutes", MINUTES);
            series.put("firstDate", firstDate.toString());
            JsonPath planned = postOnceKnown("kaisa", "/api/series", series, Set.of("referenced-exists"), 409);
            if (planned == null) {
                continue;
            }
            String id = planned.getString("id");
            // The planner moves a session off a date the pair is busy to the next free one on the rhythm, which may
            // be in the future: then this hour is no good, and the series is cancelled.
            String endsAt = as("kaisa").queryParam("seriesId", id).get("/api/visits").then().statusCode(200)
                    .extract().path("items[0].endsAt");
            if (Instant.parse(endsAt).isBefore(Instant.now())) {
                return id;
            }
            as("kaisa").body(Map.of("reason", "E2E: the session fell in the future")).post("/api/series/" + id + "/cancel")
                    .then().statusCode(200);
        }
        throw new AssertionError("aapo was booked at each of " + SLOT_TRIES + " weekend hours tried");
    }
}
