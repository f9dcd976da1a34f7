package fi.voimala.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.demo.DemoSessionPlan.Participant;
import fi.voimala.demo.DemoSessionPlan.Session;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's participants and session records as DemoSessionPlan chooses them from demo-network.json, checked before
 * they reach the API: sessions-service would refuse a participant marked present without consent, a not-held session
 * with people present, or a pair member as staff, and ./voimala up would fail.
 */
class DemoSessionPlanTest {

    /** Enough sessions to see each participant's attendance rate: the longest demo series has 20. */
    private static final int SESSIONS = 20;
    private static final LocalDate FIRST_VISIT = LocalDate.of(2026, 10, 12);

    private static JsonNode demo;
    private static DemoSessionPlan plan;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = DemoNetworkLoader.class.getResourceAsStream("/demo-network.json")) {
            demo = new ObjectMapper().readTree(in);
        }
        plan = new DemoSessionPlan(demo);
    }

    @Test
    void eachSeriesEnrolsFiveToEightOfItsGroupWithConsentGivenBeforeItsFirstVisit() {
        Map<String, JsonNode> groups = new HashMap<>();
        demo.get("groups").forEach(g -> groups.put(g.get("name").asText(), g));
        int withoutResearchUse = 0;
        int total = 0;
        for (JsonNode series : demo.get("series")) {
            String group = series.get("group").asText();
            List<Participant> participants = plan.participants(group, FIRST_VISIT);
            assertTrue(participants.size() >= 5 && participants.size() <= 8, group + ": " + participants.size());
            assertTrue(participants.size() <= groups.get(group).get("size").asInt(), group + " is not larger than its group");
            boolean memoryGroup = groups.get(group).get("needs").toString().contains("MEMORY");
            for (Participant p : participants) {
                assertTrue(p.givenOn().isBefore(FIRST_VISIT), group + ": consent before the first visit: " + p);
                assertTrue(p.covers().contains("PARTICIPATION") && p.covers().contains("MEASUREMENTS"), p.toString());
                // sessions-service's rule: five years from a year divisible by 5.
                int bandStart = Integer.parseInt(p.yearOfBirthBand().substring(0, 4));
                assertEquals(bandStart + "-" + (bandStart + 4), p.yearOfBirthBand());
                assertEquals(0, bandStart % 5, p.yearOfBirthBand());
                assertTrue(memoryGroup || p.givenBy().equals("PERSON"), group + ": a representative only where memory fails");
                withoutResearchUse += p.covers().contains("RESEARCH_USE") ? 0 : 1;
                total++;
            }
            assertEquals(participants.size(), participants.stream().map(Participant::key).distinct().count(),
                    group + ": each participant's key is its own, so that a second load finds each one");
        }
        assertTrue(withoutResearchUse > 0 && withoutResearchUse * 2 < total,
                "most, not all, consent to research use: " + withoutResearchUse + " of " + total + " do not");
    }

    @Test
    void everyLoadWantsTheSameParticipantsAndSessions() {
        DemoSessionPlan again = new DemoSessionPlan(demo);
        for (JsonNode series : demo.get("series")) {
            String group = series.get("group").asText();
            assertEquals(plan.participants(group, FIRST_VISIT), again.participants(group, FIRST_VISIT));
            for (int ordinal = 1; ordinal <= SESSIONS; ordinal++) {
                assertEquals(plan.session(group, artForms(series), 8, ordinal), again.session(group, artForms(series), 8, ordinal));
            }
        }
    }

    @Test
    void attendanceVariesFromSessionToSessionAndRatesDifferBetweenParticipants() {
        for (JsonNode series : demo.get("series")) {
            String group = series.get("group").asText();
            int participants = plan.participants(group, FIRST_VISIT).size();
            int[] attended = new int[participants];
            Map<List<Integer>, Integer> subsets = new HashMap<>();
            int held = 0;
            for (int ordinal = 1; ordinal <= SESSIONS; ordinal++) {
                Session session = plan.session(group, artForms(series), participants, ordinal);
                if (!session.held()) {
                    continue;
                }
                held++;
                assertFalse(session.present().isEmpty(), group + " #" + ordinal + ": somebody came");
                assertEquals(session.present().size(), new HashSet<>(session.present()).size(), "each once");
                session.present().forEach(i -> {
                    assertTrue(i >= 0 && i < participants);
                    attended[i]++;
                });
                subsets.merge(session.present(), 1, Integer::sum);
                assertTrue(session.extraAttendees() >= 0 && session.extraAttendees() <= 2, "0-2 extra attendees");
                assertTrue(session.otherStaffCount() >= 1 && session.otherStaffCount() <= 3, "1-3 other staff");
                assertFalse(session.observations().isBlank());
                assertFalse(session.reflection().isBlank());
            }
            int mostCommon = subsets.values().stream().max(Integer::compare).orElse(0);
            assertTrue(mostCommon * 2 <= held, group + ": who came differs from session to session: " + subsets);
            Set<Integer> counts = new HashSet<>();
            for (int count : attended) {
                counts.add(count);
            }
            assertTrue(counts.size() >= 3, group + ": participants' attendance counts differ: " + List.of(attended));
        }
    }

    @Test
    void oneSessionIsNotHeldWithItsReasonAndNobodyPresent() {
        JsonNode notHeld = demo.get("sessions").get("notHeld");
        List<Session> notHeldSessions = new ArrayList<>();
        for (JsonNode series : demo.get("series")) {
            for (int ordinal = 1; ordinal <= SESSIONS; ordinal++) {
                Session session = plan.session(series.get("group").asText(), artForms(series), 8, ordinal);
                if (!session.held()) {
                    notHeldSessions.add(session);
                    assertEquals(notHeld.get("group").asText(), series.get("group").asText());
                    // The visit is in the past when the demo loads: its week is on or before last week.
                    int weeksPerSession = series.get("frequency").asText().equals("WEEKLY") ? 1 : 2;
                    assertTrue((ordinal - 1) * weeksPerSession < series.get("startWeeksAgo").asInt(),
                            "visit " + ordinal + " of " + series.get("group") + " lies before the week of loading");
                }
            }
        }
        assertEquals(1, notHeldSessions.size());
        Session session = notHeldSessions.get(0);
        assertEquals(notHeld.get("reason").asText(), session.notHeldReason());
        assertTrue(session.present().isEmpty() && session.extraAttendees() == 0 && !session.staffPresent()
                && session.otherStaffCount() == 0, "nobody is present at a session not held: " + session);
    }

    @Test
    void theWithdrawalStopsResearchUseOfAParticipantWhoGaveIt() {
        JsonNode withdrawal = plan.withdrawal();
        String group = plan.withdrawalGroup();
        List<Participant> participants = plan.participants(group, FIRST_VISIT);
        assertTrue(plan.withdrawalParticipant() < participants.size(), "the participant is enrolled");
        Participant withdrawing = participants.get(plan.withdrawalParticipant());
        withdrawal.get("covers").forEach(purpose -> assertTrue(withdrawing.covers().contains(purpose.asText()),
                "consent given to what is withdrawn: " + purpose));
        assertEquals(List.of("RESEARCH_USE"), List.of(withdrawal.get("covers").get(0).asText()));
        JsonNode series = seriesOf(group);
        assertTrue(withdrawal.get("daysAfterFirstVisit").asInt() < 7 * series.get("startWeeksAgo").asInt(),
                "withdrawn before the week of loading");
    }

    @Test
    void staffPresentAreCareProfessionalsOfTheSiteOrganisationFreeAtThatTimeNeverThePair() {
        Map<String, JsonNode> professionals = new HashMap<>();
        demo.get("professionals").forEach(p -> professionals.put(p.get("email").asText(), p));
        Map<String, String> siteOrganisation = new HashMap<>();
        demo.get("sites").forEach(s -> siteOrganisation.put(s.get("name").asText(), s.get("organisation").asText()));
        Map<String, String> groupSite = new HashMap<>();
        demo.get("groups").forEach(g -> groupSite.put(g.get("name").asText(), g.get("site").asText()));
        int withStaff = 0;
        for (JsonNode series : demo.get("series")) {
            Optional<String> staff = plan.staff(series);
            if (staff.isEmpty()) {
                continue;
            }
            withStaff++;
            String email = staff.get();
            JsonNode professional = professionals.get(email);
            assertEquals(siteOrganisation.get(groupSite.get(series.get("group").asText())),
                    professional.get("organisation").asText(), series.get("group") + ": " + email);
            assertEquals("SOCIAL_AND_HEALTH", professional.get("field").asText());
            assertNotEquals(series.get("arts").asText(), email);
            assertNotEquals(series.get("care").asText(), email);
            for (JsonNode own : demo.get("series")) {
                if (own.get("arts").asText().equals(email) || own.get("care").asText().equals(email)) {
                    assertFalse(DemoSessionPlan.overlap(own, series), email + " runs " + own.get("group")
                            + " while joining " + series.get("group"));
                }
            }
        }
        assertTrue(withStaff >= demo.get("series").size() / 2, "most series have care staff to learn: " + withStaff);
    }

    @Test
    void theMethodsFitTheSeriesArtForms() {
        JsonNode methods = demo.get("sessions").get("methods");
        for (JsonNode series : demo.get("series")) {
            List<String> artForms = artForms(series);
            for (int ordinal = 1; ordinal <= SESSIONS; ordinal++) {
                List<String> used = plan.methods(artForms, ordinal);
                assertTrue(used.size() >= 1 && used.size() <= artForms.size() + 1, used.toString());
                for (String method : used) {
                    assertTrue(artForms.stream().anyMatch(form -> methods.get(form).toString().contains('"' + method + '"')),
                            method + " fits " + artForms);
                }
            }
        }
    }

    @Test
    void aChoiceStaysInItsRangeAndSpreadsOverIt() {
        int[] seen = new int[3];
        for (int i = 0; i < 300; i++) {
            int choice = DemoSessionPlan.choice("Helmen lauluryhmä", i, 7, 3);
            assertTrue(choice >= 0 && choice < 3);
            seen[choice]++;
        }
        for (int count : seen) {
            assertTrue(count > 60, "each option chosen about a third of the time: " + List.of(seen[0], seen[1], seen[2]));
        }
    }

    private static List<String> artForms(JsonNode series) {
        List<String> forms = new ArrayList<>();
        series.get("artForms").forEach(f -> forms.add(f.asText()));
        return forms;
    }

    private static JsonNode seriesOf(String group) {
        for (JsonNode series : demo.get("series")) {
            if (series.get("group").asText().equals(group)) {
                return series;
            }
        }
        throw new AssertionError("no series of " + group);
    }
}
