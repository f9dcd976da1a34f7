package fi.voimala.demo;

import fi.voimala.demo.DemoSessionPlan.Participant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every choice about the demo's measurements, so that the dashboard shows believable outcome figures: each series'
 * measurement plan ({@link #POINTS}), who may be measured on a day (consent to measurements, not withdrawn by then), and
 * each answer. Like {@link DemoSessionPlan}, a choice depends only on the group's name and the participant's place in
 * the plan's enrolment order (or the visit's ordinal), never on a random generator or on the codes sessions-service
 * generates at enrolment, so every load (also after a reset) wants the same answers.
 *
 * <p>On average people improve mildly: UCLA-3 loneliness falls by 0-2 points for most, stays the same for some and
 * rises by a point for a few; physical function rises a little; the session mood lifts a little from before a session
 * to after it; the care professional's work engagement (UWES-9) rises a little.
 */
final class DemoMeasurementPlan {

    static final String UCLA_3 = "ucla-3";
    static final String PHYSICAL_FUNCTION = "physical-function";
    static final String SESSION_MOOD = "session-mood";
    static final String UWES_9 = "uwes-9";
    static final String BASELINE = "BASELINE";
    static final String END = "END";
    static final String BEFORE_SESSION = "BEFORE_SESSION";
    static final String AFTER_SESSION = "AFTER_SESSION";

    /** One point of a measurement plan: an instrument at a time point (the plan's default windows). */
    record Point(String instrumentKey, String timePoint) {

        String key() {
            return instrumentKey + "@" + timePoint;
        }
    }

    /** Every demo series' plan. */
    static final List<Point> POINTS = List.of(
            new Point(UCLA_3, BASELINE), new Point(UCLA_3, END),
            new Point(PHYSICAL_FUNCTION, BASELINE), new Point(PHYSICAL_FUNCTION, END),
            new Point(SESSION_MOOD, BEFORE_SESSION), new Point(SESSION_MOOD, AFTER_SESSION),
            new Point(UWES_9, BASELINE), new Point(UWES_9, END));

    /** The instruments a participant answers at baseline and end. */
    static final List<String> PARTICIPANT_INSTRUMENTS = List.of(UCLA_3, PHYSICAL_FUNCTION);

    /** Item ids as outcomes-service's instrument definitions name them. */
    static final List<String> UCLA_3_ITEMS = List.of("companionship", "left-out", "isolated");
    static final List<String> PHYSICAL_FUNCTION_ITEMS = List.of("mobility", "energy", "pain");
    static final List<String> UWES_9_ITEMS = List.of("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9");

    /** Change of a UCLA-3 total (lower is less lonely) from baseline to end, chosen among ten. */
    private static final int[] UCLA_CHANGE = {-2, -2, -1, -1, -1, -1, 0, 0, 0, 1};
    /** Change of a physical-function answer where higher is better (mobility, energy), among ten. */
    private static final int[] FUNCTION_CHANGE = {1, 1, 1, 0, 0, 0, 0, 0, 0, -1};
    /** Mood from before a session to after it, among ten. */
    private static final int[] MOOD_LIFT = {1, 1, 1, 1, 0, 0, 0, 0, 0, -1};
    /** Change of a UWES-9 answer, among ten. */
    private static final int[] ENGAGEMENT_CHANGE = {1, 1, 1, 0, 0, 0, 0, 0, 0, -1};

    // Salts for DemoSessionPlan.choice, far from those DemoSessionPlan uses, one per kind of choice.
    private static final int UCLA_SALT = 1000;
    private static final int FUNCTION_SALT = 1100;
    private static final int MOOD_SALT = 1200;
    private static final int STAFF_SALT = 1300;

    private final DemoSessionPlan sessions;

    DemoMeasurementPlan(DemoSessionPlan sessions) {
        this.sessions = sessions;
    }

    /**
     * Whether the group's participant (their place in enrolment order) may be measured on {@code day}: their consent
     * covers measurements and the plan's withdrawal, if it is theirs and covers measurements, is not in force by then.
     * {@code firstVisit} is the date the loader reckons the withdrawal from (the series' first date).
     */
    boolean measurable(String group, int index, Participant participant, LocalDate firstVisit, LocalDate day) {
        if (!participant.covers().contains(DemoSessionPlan.MEASUREMENTS)) {
            return false;
        }
        if (group.equals(sessions.withdrawalGroup()) && index == sessions.withdrawalParticipant()
                && sessions.withdrawal().get("covers").toString().contains('"' + DemoSessionPlan.MEASUREMENTS + '"')) {
            LocalDate withdrawnFrom = firstVisit.plusDays(sessions.withdrawal().get("daysAfterFirstVisit").asInt());
            return day.isBefore(withdrawnFrom);
        }
        return true;
    }

    /** A participant's answers to {@link #UCLA_3} or {@link #PHYSICAL_FUNCTION} at {@link #BASELINE} or {@link #END}. */
    Map<String, Integer> participantAnswers(String group, int index, String instrumentKey, String timePoint) {
        boolean end = switch (timePoint) {
            case BASELINE -> false;
            case END -> true;
            default -> throw new IllegalArgumentException("baseline or end, not " + timePoint);
        };
        return switch (instrumentKey) {
            case UCLA_3 -> ucla(group, index, end);
            case PHYSICAL_FUNCTION -> physicalFunction(group, index, end);
            default -> throw new IllegalArgumentException("not a participant's baseline/end instrument: " + instrumentKey);
        };
    }

    /** A participant's {@link #SESSION_MOOD} before or after the session with this ordinal. */
    Map<String, Integer> mood(String group, int index, int ordinal, String timePoint) {
        int before = 2 + DemoSessionPlan.choice(group, MOOD_SALT + index, ordinal, 3); // 2-4
        int answer = switch (timePoint) {
            case BEFORE_SESSION -> before;
            case AFTER_SESSION -> clamp(before + MOOD_LIFT[DemoSessionPlan.choice(group, MOOD_SALT + 16 + index, ordinal,
                    MOOD_LIFT.length)], 1, 5);
            default -> throw new IllegalArgumentException("before or after a session, not " + timePoint);
        };
        return Map.of("mood", answer);
    }

    /** The series' care professional's {@link #UWES_9} answers (0-6) at {@link #BASELINE} or {@link #END}. */
    Map<String, Integer> staffAnswers(String group, String timePoint) {
        boolean end = switch (timePoint) {
            case BASELINE -> false;
            case END -> true;
            default -> throw new IllegalArgumentException("baseline or end, not " + timePoint);
        };
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < UWES_9_ITEMS.size(); i++) {
            int baseline = 3 + DemoSessionPlan.choice(group, STAFF_SALT, i, 3); // 3-5
            int change = ENGAGEMENT_CHANGE[DemoSessionPlan.choice(group, STAFF_SALT + 1, i, ENGAGEMENT_CHANGE.length)];
            answers.put(UWES_9_ITEMS.get(i), end ? clamp(baseline + change, 0, 6) : baseline);
        }
        return answers;
    }

    /** A UCLA-3 total of 5-8 at baseline, changed by one of {@link #UCLA_CHANGE} at end, spread over the items. */
    private static Map<String, Integer> ucla(String group, int index, boolean end) {
        int total = 5 + DemoSessionPlan.choice(group, UCLA_SALT + index, 0, 4);
        if (end) {
            total = clamp(total + UCLA_CHANGE[DemoSessionPlan.choice(group, UCLA_SALT + index, 1, UCLA_CHANGE.length)],
                    3, 9);
        }
        // Each item 1-3: start every one at 1 and add the rest one point at a time, from an item chosen per person.
        int[] items = {1, 1, 1};
        int first = DemoSessionPlan.choice(group, UCLA_SALT + index, 2, 3);
        for (int rest = total - 3, i = first; rest > 0; i++) {
            if (items[i % 3] < 3) {
                items[i % 3]++;
                rest--;
            }
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            answers.put(UCLA_3_ITEMS.get(i), items[i]);
        }
        return answers;
    }

    /** Mobility and energy 2-4, rising a little; pain (answered as how much it hurts: reverse-scored) 2-4, easing. */
    private static Map<String, Integer> physicalFunction(String group, int index, boolean end) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < PHYSICAL_FUNCTION_ITEMS.size(); i++) {
            int answer = 2 + DemoSessionPlan.choice(group, FUNCTION_SALT + index, i, 3);
            if (end) {
                int better = FUNCTION_CHANGE[DemoSessionPlan.choice(group, FUNCTION_SALT + 16 + index, i,
                        FUNCTION_CHANGE.length)];
                boolean reversed = PHYSICAL_FUNCTION_ITEMS.get(i).equals("pain");
                answer = clamp(answer + (reversed ? -better : better), 1, 5);
            }
            answers.put(PHYSICAL_FUNCTION_ITEMS.get(i), answer);
        }
        return answers;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
