package fi.voimala.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.voimala.demo.DemoSessionPlan.Participant;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's measurements as DemoMeasurementPlan chooses them, checked before they reach outcomes-service: every
 * answer on its instrument's scale (a value outside it is a 422 and ./voimala up would fail), the same at every load,
 * a mild improvement on average, and only participants whose consent covers measurements measured.
 */
class DemoMeasurementPlanTest {

    private static final int SESSIONS = 20;
    private static final LocalDate FIRST_VISIT = LocalDate.of(2026, 10, 12);

    private static JsonNode demo;
    private static DemoSessionPlan sessions;
    private static DemoMeasurementPlan plan;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = DemoNetworkLoader.class.getResourceAsStream("/demo-network.json")) {
            demo = new ObjectMapper().readTree(in);
        }
        sessions = new DemoSessionPlan(demo);
        plan = new DemoMeasurementPlan(sessions);
    }

    @Test
    void thePlanHasEachInstrumentAtBothOfItsTimePointsOnce() {
        assertEquals(8, DemoMeasurementPlan.POINTS.size());
        assertEquals(8, DemoMeasurementPlan.POINTS.stream().map(DemoMeasurementPlan.Point::key).distinct().count());
        for (String instrument : List.of("ucla-3", "physical-function", "uwes-9")) {
            assertTrue(DemoMeasurementPlan.POINTS.contains(new DemoMeasurementPlan.Point(instrument, "BASELINE")));
            assertTrue(DemoMeasurementPlan.POINTS.contains(new DemoMeasurementPlan.Point(instrument, "END")));
        }
        // outcomes-service refuses a session's check planned only before or only after.
        assertTrue(DemoMeasurementPlan.POINTS.contains(new DemoMeasurementPlan.Point("session-mood", "BEFORE_SESSION")));
        assertTrue(DemoMeasurementPlan.POINTS.contains(new DemoMeasurementPlan.Point("session-mood", "AFTER_SESSION")));
    }

    @Test
    void everyAnswerIsOnItsInstrumentsScaleWithEveryItemAnswered() {
        for (String group : groups()) {
            for (int i = 0; i < participants(group).size(); i++) {
                for (String timePoint : List.of("BASELINE", "END")) {
                    assertAnswers(plan.participantAnswers(group, i, "ucla-3", timePoint),
                            Set.of("companionship", "left-out", "isolated"), 1, 3);
                    assertAnswers(plan.participantAnswers(group, i, "physical-function", timePoint),
                            Set.of("mobility", "energy", "pain"), 1, 5);
                }
                for (int ordinal = 1; ordinal <= SESSIONS; ordinal++) {
                    for (String timePoint : List.of("BEFORE_SESSION", "AFTER_SESSION")) {
                        assertAnswers(plan.mood(group, i, ordinal, timePoint), Set.of("mood"), 1, 5);
                    }
                }
            }
            for (String timePoint : List.of("BASELINE", "END")) {
                assertAnswers(plan.staffAnswers(group, timePoint),
                        Set.of("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"), 0, 6);
            }
        }
    }

    @Test
    void everyLoadWantsTheSameAnswers() {
        DemoMeasurementPlan again = new DemoMeasurementPlan(new DemoSessionPlan(demo));
        for (String group : groups()) {
            for (int i = 0; i < participants(group).size(); i++) {
                for (String instrument : DemoMeasurementPlan.PARTICIPANT_INSTRUMENTS) {
                    for (String timePoint : List.of("BASELINE", "END")) {
                        assertEquals(plan.participantAnswers(group, i, instrument, timePoint),
                                again.participantAnswers(group, i, instrument, timePoint));
                    }
                }
                for (int ordinal = 1; ordinal <= SESSIONS; ordinal++) {
                    assertEquals(plan.mood(group, i, ordinal, "AFTER_SESSION"), again.mood(group, i, ordinal, "AFTER_SESSION"));
                }
            }
            assertEquals(plan.staffAnswers(group, "END"), again.staffAnswers(group, "END"));
        }
    }

    @Test
    void lonelinessFallsMildlyOnAverageMostlyByZeroToTwoWithSomeUnchangedAndAFewWorse() {
        int better = 0;
        int same = 0;
        int worse = 0;
        double change = 0;
        int people = 0;
        Set<Integer> baselines = new HashSet<>();
        for (String group : groups()) {
            for (int i = 0; i < participants(group).size(); i++) {
                int baseline = sum(plan.participantAnswers(group, i, "ucla-3", "BASELINE"));
                int end = sum(plan.participantAnswers(group, i, "ucla-3", "END"));
                baselines.add(baseline);
                assertTrue(end - baseline >= -2 && end - baseline <= 1, group + " #" + i + ": " + baseline + " -> " + end);
                better += end < baseline ? 1 : 0;
                same += end == baseline ? 1 : 0;
                worse += end > baseline ? 1 : 0;
                change += end - baseline;
                people++;
            }
        }
        change /= people;
        assertTrue(change < -0.3 && change > -1.5, "UCLA-3 falls a little on average: " + change);
        assertTrue(better * 2 > people, "most are less lonely: " + better + " of " + people);
        assertTrue(same > 0 && worse > 0 && worse < same + better, "some unchanged (" + same + "), a few worse (" + worse + ")");
        assertTrue(baselines.size() >= 3, "people start from different totals: " + baselines);
    }

    @Test
    void physicalFunctionMoodAndWorkEngagementImproveMildlyOnAverage() {
        double function = 0;
        int people = 0;
        double lift = 0;
        int checks = 0;
        int moodsDown = 0;
        for (String group : groups()) {
            for (int i = 0; i < participants(group).size(); i++) {
                function += physicalFunction(plan.participantAnswers(group, i, "physical-function", "END"))
                        - physicalFunction(plan.participantAnswers(group, i, "physical-function", "BASELINE"));
                people++;
                for (int ordinal = 1; ordinal <= SESSIONS; ordinal++) {
                    int before = plan.mood(group, i, ordinal, "BEFORE_SESSION").get("mood");
                    int after = plan.mood(group, i, ordinal, "AFTER_SESSION").get("mood");
                    lift += after - before;
                    moodsDown += after < before ? 1 : 0;
                    checks++;
                }
            }
        }
        function /= people;
        lift /= checks;
        assertTrue(function > 0.05 && function < 0.5, "physical function (pain reversed) rises a little: " + function);
        assertTrue(lift > 0.1 && lift < 0.8, "the mood lifts a little over a session: " + lift);
        assertTrue(moodsDown > 0, "not every session lifts everyone's mood");
        double engagement = 0;
        for (String group : groups()) {
            engagement += mean(plan.staffAnswers(group, "END")) - mean(plan.staffAnswers(group, "BASELINE"));
        }
        engagement /= groups().size();
        assertTrue(engagement > 0 && engagement < 1, "work engagement rises a little: " + engagement);
    }

    @Test
    void onlyParticipantsWhoseConsentCoversMeasurementsOnTheDayAreMeasured() {
        LocalDate day = FIRST_VISIT.plusDays(60);
        for (String group : groups()) {
            List<Participant> participants = participants(group);
            for (int i = 0; i < participants.size(); i++) {
                // The demo's one withdrawal is of research use only: everyone consents to measurements.
                assertTrue(plan.measurable(group, i, participants.get(i), FIRST_VISIT, day), group + " #" + i);
                Participant without = new Participant(participants.get(i).yearOfBirthBand(), participants.get(i).gender(),
                        participants.get(i).givenBy(), participants.get(i).givenOn(),
                        List.of(DemoSessionPlan.PARTICIPATION, DemoSessionPlan.RESEARCH_USE));
                assertFalse(plan.measurable(group, i, without, FIRST_VISIT, FIRST_VISIT), "no consent to measurements");
            }
        }

        // Had the withdrawal been of measurements, that participant is measured before its date and not from it on.
        ObjectNode changed = demo.deepCopy();
        ((ObjectNode) changed.get("sessions").get("withdrawal")).putArray("covers").add(DemoSessionPlan.MEASUREMENTS);
        DemoSessionPlan changedSessions = new DemoSessionPlan(changed);
        DemoMeasurementPlan withdrawn = new DemoMeasurementPlan(changedSessions);
        String group = changedSessions.withdrawalGroup();
        int index = changedSessions.withdrawalParticipant();
        Participant participant = changedSessions.participants(group, FIRST_VISIT).get(index);
        LocalDate from = FIRST_VISIT.plusDays(changedSessions.withdrawal().get("daysAfterFirstVisit").asInt());
        assertTrue(withdrawn.measurable(group, index, participant, FIRST_VISIT, from.minusDays(1)));
        assertFalse(withdrawn.measurable(group, index, participant, FIRST_VISIT, from));
        assertFalse(withdrawn.measurable(group, index, participant, FIRST_VISIT, from.plusDays(30)));
        assertTrue(withdrawn.measurable(group, index + 1, changedSessions.participants(group, FIRST_VISIT).get(index + 1),
                FIRST_VISIT, from.plusDays(30)), "only the one who withdrew");
    }

    private static void assertAnswers(Map<String, Integer> answers, Set<String> items, int min, int max) {
        assertEquals(items, answers.keySet());
        answers.forEach((item, value) -> assertTrue(value != null && value >= min && value <= max,
                item + " = " + value + " is outside " + min + "-" + max));
    }

    /** As outcomes-service scores physical function: the mean of the three, pain reversed (6 - answer). */
    private static double physicalFunction(Map<String, Integer> answers) {
        return (answers.get("mobility") + answers.get("energy") + (6 - answers.get("pain"))) / 3.0;
    }

    private static int sum(Map<String, Integer> answers) {
        return answers.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static double mean(Map<String, Integer> answers) {
        return answers.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    private static List<String> groups() {
        return java.util.stream.StreamSupport.stream(demo.get("series").spliterator(), false)
                .map(s -> s.get("group").asText()).toList();
    }

    private static List<Participant> participants(String group) {
        return sessions.participants(group, FIRST_VISIT);
    }
}
