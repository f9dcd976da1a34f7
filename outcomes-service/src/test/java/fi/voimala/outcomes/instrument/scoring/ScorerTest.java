package fi.voimala.outcomes.instrument.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.outcomes.instrument.definition.DefinitionProblem;
import fi.voimala.outcomes.instrument.definition.InstrumentDefinition;
import fi.voimala.outcomes.instrument.definition.InstrumentDefinitions;
import fi.voimala.outcomes.instrument.definition.ValidatorFixture;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped instruments scored against worked examples; each expected number is worked out in its comment. */
class ScorerTest {

    static InstrumentDefinition shipped(String key) {
        return InstrumentDefinitions.shipped().stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

    /** Numeric equality: 4 and 4.00 are the same score; the scale is checked where it matters. */
    static void assertDecimal(String expected, BigDecimal actual) {
        assertTrue(actual != null && new BigDecimal(expected).compareTo(actual) == 0,
                () -> "expected " + expected + " but was " + actual);
    }

    static Map<String, Integer> answers(Object... idsAndValues) {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            answers.put((String) idsAndValues[i], (Integer) idsAndValues[i + 1]);
        }
        return answers;
    }

    @Test
    void ucla3IsTheSumOfItsThreeAnswers() {
        // 2 (some of the time) + 3 (often) + 1 (hardly ever) = 6, within 3–9
        Score total = Scorer.score(shipped("ucla-3"),
                answers("companionship", 2, "left-out", 3, "isolated", 1)).get(0);
        assertEquals(new Score("total", new BigDecimal("6"), new BigDecimal("6"), 3, 0, false), total);
    }

    @Test
    void ucla3WithAnyItemMissingIsUnscored() {
        // maxMissing 0: two answers of three give no total, but the counts are kept
        Score total = Scorer.score(shipped("ucla-3"), answers("companionship", 2, "left-out", null)).get(0);
        assertEquals(new Score("total", null, null, 1, 2, false), total);
    }

    @Test
    void sessionMoodIsTheFaceChosen() {
        assertDecimal("4", Scorer.score(shipped("session-mood"), answers("mood", 4)).get(0).value());
    }

    @Test
    void physicalFunctionReversesPain() {
        // mobility 4, energy 3, pain 2 → reversed 1 + 5 − 2 = 4; mean (4 + 3 + 4) / 3 = 3.666… → 3.67 (HALF_UP);
        // raw = 11, to 2 decimals as a MEAN's raw is
        Score s = Scorer.score(shipped("physical-function"), answers("mobility", 4, "energy", 3, "pain", 2)).get(0);
        assertEquals(new Score("total", new BigDecimal("3.67"), new BigDecimal("11.00"), 3, 0, false), s);
        // pain 5 (very much) → 1: mean (4 + 3 + 1) / 3 = 2.666… → 2.67
        assertDecimal("2.67", Scorer.score(shipped("physical-function"),
                answers("mobility", 4, "energy", 3, "pain", 5)).get(0).value());
    }

    @Test
    void physicalFunctionImputesOneMissingItemWithThePersonMean() {
        // energy missing; mobility 5, pain 2 → 4: person mean (5 + 4) / 2 = 4.5 stands in for energy;
        // mean of 5, 4.5, 4 = 4.50; imputed sum 9 × 3 / 2 = 13.50
        Score s = Scorer.score(shipped("physical-function"), answers("mobility", 5, "pain", 2)).get(0);
        assertEquals(new Score("total", new BigDecimal("4.50"), new BigDecimal("13.50"), 2, 1, true), s);
    }

    @Test
    void physicalFunctionWithTwoMissingIsUnscored() {
        Score s = Scorer.score(shipped("physical-function"), answers("mobility", 5)).get(0);
        assertNull(s.value());
        assertEquals(1, s.answered());
        assertEquals(2, s.missing());
        assertFalse(s.imputed());
    }

    @Test
    void uwes9ScoresTheTotalAndItsThreeSubscales() {
        // q1..q9 = 4 5 3 4 5 2 5 3 4 (sum 35)
        // total 35 / 9 = 3.888… → 3.89; vigour q1 q2 q5 = 4 + 5 + 5 = 14 / 3 = 4.666… → 4.67;
        // dedication q3 q4 q7 = 3 + 4 + 5 = 12 / 3 = 4.00; absorption q6 q8 q9 = 2 + 3 + 4 = 9 / 3 = 3.00
        List<Score> scores = Scorer.score(shipped("uwes-9"), uwes(4, 5, 3, 4, 5, 2, 5, 3, 4));
        assertEquals(List.of("total", "vigour", "dedication", "absorption"),
                scores.stream().map(Score::key).toList());
        assertEquals(new BigDecimal("3.89"), scores.get(0).value());
        assertEquals(new BigDecimal("4.67"), scores.get(1).value());
        assertEquals(new BigDecimal("4.00"), scores.get(2).value());
        assertEquals(new BigDecimal("3.00"), scores.get(3).value());
    }

    @Test
    void uwes9ImputesOneMissingItemInTheTotalOnly() {
        // q6 missing: total = (35 − 2) / 8 = 4.125 → 4.13 (HALF_UP rounds the exact 4.125 up);
        // imputed sum 33 × 9 / 8 = 37.125 → 37.13; absorption (q6 q8 q9, maxMissing 0) is unscored;
        // vigour and dedication are as before
        Map<String, Integer> answers = uwes(4, 5, 3, 4, 5, 2, 5, 3, 4);
        answers.remove("q6");
        List<Score> scores = Scorer.score(shipped("uwes-9"), answers);
        assertEquals(new Score("total", new BigDecimal("4.13"), new BigDecimal("37.13"), 8, 1, true), scores.get(0));
        assertEquals(new BigDecimal("4.67"), scores.get(1).value());
        assertEquals(new BigDecimal("4.00"), scores.get(2).value());
        assertEquals(new Score("absorption", null, null, 2, 1, false), scores.get(3));
    }

    @Test
    void uwes9WithTwoMissingHasNoTotal() {
        Map<String, Integer> answers = uwes(4, 5, 3, 4, 5, 2, 5, 3, 4);
        answers.remove("q3");
        answers.remove("q6");
        List<Score> scores = Scorer.score(shipped("uwes-9"), answers);
        assertNull(scores.get(0).value());
        assertDecimal("4.67", scores.get(1).value());
        assertNull(scores.get(2).value());
    }

    @Test
    void anImputedSumIsRoundedHalfUpToAnInteger() {
        // no shipped SUM imputes, so the test fixture's total (a, b, c reverse on 1–4, PERSON_MEAN, 1 missing):
        // a 2, b 3, c missing → person mean 2.5 → imputed sum 2 + 3 + 2.5 = 7.5 → 8 (HALF_UP)
        InstrumentDefinition d = InstrumentDefinitions.read(ValidatorFixture.GOOD);
        Score total = Scorer.score(d, answers("a", 2, "b", 3)).get(0);
        assertEquals(new Score("total", new BigDecimal("8"), new BigDecimal("8"), 2, 1, true), total);
        // and a reverse item counts reversed: a 2, b 3, c 1 → 4: 2 + 3 + 4 = 9
        assertDecimal("9", Scorer.score(d, answers("a", 2, "b", 3, "c", 1)).get(0).value());
    }

    @Test
    void checkNamesUnknownItemsAndAnswersOutsideTheScale() {
        InstrumentDefinition d = shipped("swemwbs");
        List<DefinitionProblem> problems = Scorer.check(d, answers("q1", 6, "q2", 0, "q3", null, "q99", 3));
        assertEquals(List.of(
                new DefinitionProblem("answers.q1", "answer-scale", "answer 6 is outside the scale 1–5"),
                new DefinitionProblem("answers.q2", "answer-scale", "answer 0 is outside the scale 1–5"),
                new DefinitionProblem("answers.q99", "unknown-item", "instrument swemwbs has no item \"q99\"")),
                problems);
    }

    @Test
    void wrongAnswersAreNotScored() {
        assertThrows(IllegalArgumentException.class, () -> Scorer.score(shipped("session-mood"), answers("mood", 6)));
    }

    @Test
    void noAnswersAtAllAreKeptUnscored() {
        assertNull(Scorer.score(shipped("session-mood"), Map.of()).get(0).value());
        assertNull(Scorer.score(shipped("session-mood"), null).get(0).value());
    }

    static Map<String, Integer> uwes(int... values) {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            answers.put("q" + (i + 1), values[i]);
        }
        return answers;
    }
}
