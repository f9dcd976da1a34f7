package fi.voimala.outcomes.instrument.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fi.voimala.outcomes.instrument.definition.InstrumentDefinition;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SWEMWBS for every possible raw score. The table is written here again, not read from swemwbs.json, so that a
 * typo in the shipped file cannot agree with itself. Source: the raw-to-metric conversion table of
 * Stewart-Brown et al. (2009), Health and Quality of Life Outcomes 7:15, as reproduced in the Warwick SWEMWBS
 * user guide. Checked against an independent open-source TypeScript implementation (its rawToMetric table)
 * found by code search, which has the same 29 values; the guide itself was not reachable to compare.
 */
class SwemwbsScoringTest {

    private static final InstrumentDefinition SWEMWBS = ScorerTest.shipped("swemwbs");

    @ParameterizedTest(name = "raw {0} -> {1}")
    @CsvSource({
        "7, 7.00", "8, 9.51", "9, 11.25", "10, 12.40", "11, 13.33", "12, 14.08", "13, 14.75", "14, 15.32",
        "15, 15.84", "16, 16.36", "17, 16.88", "18, 17.43", "19, 17.98", "20, 18.59", "21, 19.25", "22, 19.98",
        "23, 20.73", "24, 21.54", "25, 22.35", "26, 23.21", "27, 24.11", "28, 25.03", "29, 26.02", "30, 27.03",
        "31, 28.13", "32, 29.31", "33, 30.70", "34, 32.55", "35, 35.00"})
    void everyRawScoreConvertsByThePublishedTable(int raw, BigDecimal metric) {
        Score score = Scorer.score(SWEMWBS, answersSummingTo(raw)).get(0);
        assertEquals(new Score("metric", metric, BigDecimal.valueOf(raw), 7, 0, false), score);
    }

    @Test
    void aMissingItemLeavesTheMetricUnscored() {
        Map<String, Integer> answers = answersSummingTo(21);
        answers.remove("q4");
        Score score = Scorer.score(SWEMWBS, answers).get(0);
        assertNull(score.value());
        assertNull(score.raw());
        assertEquals(6, score.answered());
        assertEquals(1, score.missing());
    }

    /** Seven answers 1–5 with the given sum: each item starts at 1 and takes up to 4 more. */
    private static Map<String, Integer> answersSummingTo(int raw) {
        Map<String, Integer> answers = new HashMap<>();
        int extra = raw - 7;
        for (int i = 1; i <= 7; i++) {
            int add = Math.min(4, extra);
            answers.put("q" + i, 1 + add);
            extra -= add;
        }
        return answers;
    }
}
