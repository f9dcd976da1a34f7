package fi.voimala.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's schedule as planned in demo-network.json, checked before it ever reaches the API: the groups sit at
 * sites of their kind, each has one series that the scheduling rules accept, and no professional is planned in two
 * places at once (scheduling would refuse such a series with 409 double-booking and ./voimala up would fail).
 */
class DemoSchedulePlanTest {

    private static JsonNode demo;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = DemoNetworkLoader.class.getResourceAsStream("/demo-network.json")) {
            demo = new ObjectMapper().readTree(in);
        }
    }

    /** The target group each kind of site is for (the Takuulla method's target groups). */
    private static final Map<String, String> TARGET_OF_SITE_TYPE = Map.of(
            "HOME_CARE_MEETING_ROOM", "HOME_DWELLING_ELDERLY",
            "DAY_CENTRE", "DAY_GROUP_CLIENTS",
            "SERVICE_HOUSING_UNIT", "HOUSING_UNIT_RESIDENTS",
            "SENIOR_HOUSE", "SENIOR_HOUSE_RESIDENTS",
            "RESPITE_CARE_UNIT", "RESPITE_CARE_RESIDENTS",
            "HOSPITAL_WARD", "WARD_PATIENTS");

    private static Map<String, JsonNode> sitesByName() {
        Map<String, JsonNode> sites = new HashMap<>();
        demo.get("sites").forEach(site -> sites.put(site.get("name").asText(), site));
        return sites;
    }

    @Test
    void nineGroupsAtTheOtherSitesAndOneOnEachWard() {
        Map<String, JsonNode> sites = sitesByName();
        int others = 0;
        Set<String> wards = new HashSet<>();
        Set<String> siteTypesServed = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (JsonNode group : demo.get("groups")) {
            JsonNode site = sites.get(group.get("site").asText());
            assertNotNull(site, "the site of " + group.get("name"));
            String type = site.get("type").asText();
            assertEquals(TARGET_OF_SITE_TYPE.get(type), group.get("targetGroup").asText(), group.get("name").asText());
            int size = group.get("size").asInt();
            assertTrue(size >= 6 && size <= 12, group.get("name") + " has " + size + " members");
            assertFalse(group.get("needs").isEmpty(), group.get("name") + " has no needs");
            assertTrue(names.add(group.get("name").asText()), "group names are unique: " + group.get("name"));
            if (type.equals("HOSPITAL_WARD")) {
                assertTrue(wards.add(site.get("wardCode").asText()), "one group per ward");
            } else {
                others++;
                siteTypesServed.add(type);
            }
        }
        assertEquals(9, others);
        assertEquals(Set.of("HAR-1", "HAR-2", "HAR-3"), wards);
        assertEquals(Set.of("HOME_CARE_MEETING_ROOM", "DAY_CENTRE", "SERVICE_HOUSING_UNIT", "SENIOR_HOUSE",
                "RESPITE_CARE_UNIT"), siteTypesServed);
    }

    @Test
    void eachGroupHasOneSeriesOfADemoPairWithinTheMethodsRange() {
        Set<String> pairs = new HashSet<>();
        demo.get("pairs").forEach(p -> pairs.add(p.get("arts").asText() + "|" + p.get("care").asText()));
        Map<String, Integer> seriesPerGroup = new HashMap<>();
        Map<String, Integer> seriesPerPair = new HashMap<>();
        for (JsonNode series : demo.get("series")) {
            String pair = series.get("arts").asText() + "|" + series.get("care").asText();
            assertTrue(pairs.contains(pair), "a demo pair: " + pair);
            seriesPerPair.merge(pair, 1, Integer::sum);
            seriesPerGroup.merge(series.get("group").asText(), 1, Integer::sum);
            int sessions = series.get("plannedSessions").asInt();
            assertTrue(sessions >= 15 && sessions <= 30, series.get("group") + ": " + sessions + " sessions");
            assertTrue(series.get("startWeeksAgo").asInt() > 0, "visits in past and future weeks");
        }
        Set<String> groups = new HashSet<>();
        demo.get("groups").forEach(g -> groups.add(g.get("name").asText()));
        assertEquals(groups, seriesPerGroup.keySet());
        seriesPerGroup.forEach((group, n) -> assertEquals(1, n, group));
        assertEquals(pairs, seriesPerPair.keySet(), "every pair runs series");
        seriesPerPair.forEach((pair, n) -> assertTrue(n >= 2, pair + " runs several series"));
    }

    /** Elina is in two pairs, so the check is per professional, not per pair. */
    @Test
    void noProfessionalIsPlannedInTwoPlacesAtOnce() {
        Map<String, List<JsonNode>> byProfessional = new HashMap<>();
        for (JsonNode series : demo.get("series")) {
            byProfessional.computeIfAbsent(series.get("arts").asText(), k -> new ArrayList<>()).add(series);
            byProfessional.computeIfAbsent(series.get("care").asText(), k -> new ArrayList<>()).add(series);
        }
        byProfessional.forEach((person, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    assertFalse(overlap(list.get(i), list.get(j)), person + ": " + list.get(i).get("group") + " and "
                            + list.get(j).get("group") + " meet at the same time");
                }
            }
        });
    }

    @Test
    void theWardSeriesMeetInsideTheWindowsHarjulaPublishes() {
        JsonNode wards = demo.get("wardAvailability");
        LocalTime opens = LocalTime.parse(wards.get("opens").asText());
        LocalTime closes = LocalTime.parse(wards.get("closes").asText());
        Map<String, JsonNode> sites = sitesByName();
        Map<String, String> wardOfGroup = new HashMap<>();
        demo.get("groups").forEach(g -> {
            JsonNode site = sites.get(g.get("site").asText());
            if (site.hasNonNull("wardCode")) {
                wardOfGroup.put(g.get("name").asText(), site.get("wardCode").asText());
            }
        });
        Set<String> wardsWithSeries = new HashSet<>();
        for (JsonNode series : demo.get("series")) {
            String ward = wardOfGroup.get(series.get("group").asText());
            if (ward == null) {
                continue;
            }
            wardsWithSeries.add(ward);
            DayOfWeek day = DayOfWeek.valueOf(series.get("weekday").asText());
            LocalTime start = LocalTime.parse(series.get("startTime").asText());
            assertTrue(day.getValue() <= 5, "windows are published on weekdays only");
            assertTrue(!start.isBefore(opens) && !start.plusMinutes(series.get("durationMinutes").asInt()).isAfter(closes),
                    series.get("group") + " meets inside " + opens + "-" + closes);
        }
        assertTrue(wardsWithSeries.contains(wards.get("closure").get("wardCode").asText()),
                "the closed ward has a series whose visit the closure moves");
        int weekdays = (wards.get("weeksBefore").asInt() + wards.get("weeksAfter").asInt() + 1) * 5;
        assertTrue(weekdays <= 500, "one request per ward holds at most 500 statements, not " + weekdays);
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        if (!a.get("weekday").asText().equals(b.get("weekday").asText())) {
            return false;
        }
        LocalTime aStart = LocalTime.parse(a.get("startTime").asText());
        LocalTime bStart = LocalTime.parse(b.get("startTime").asText());
        LocalTime aEnd = aStart.plusMinutes(a.get("durationMinutes").asInt());
        LocalTime bEnd = bStart.plusMinutes(b.get("durationMinutes").asInt());
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }
}
