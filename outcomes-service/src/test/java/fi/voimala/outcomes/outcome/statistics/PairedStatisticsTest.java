package fi.voimala.outcomes.outcome.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/** The paired statistics against R and against commons-math3, an implementation independent of ours. */
class PairedStatisticsTest {

    // R's built-in sleep data set: extra hours of sleep of 10 people under drug 1 (rows 1–10) and drug 2 (11–20)
    private static final String[] SLEEP_GROUP_1 =
            {"0.7", "-1.6", "-0.2", "-1.2", "-0.1", "3.4", "3.7", "0.8", "0.0", "2.0"};
    private static final String[] SLEEP_GROUP_2 =
            {"1.9", "0.8", "1.1", "0.1", "-0.1", "4.4", "5.5", "1.6", "4.6", "3.4"};

    static PairedSums sums(String[] before, String[] after, String mid, boolean higherIsBetter) {
        PairedSums sums = PairedSums.EMPTY;
        for (int i = 0; i < before.length; i++) {
            sums = sums.plus(PairedSums.of(new BigDecimal(before[i]), new BigDecimal(after[i]),
                    mid == null ? null : new BigDecimal(mid), higherIsBetter));
        }
        return sums;
    }

    @Test
    void sleepDataAgreesWithR() {
        // R 4.x: t.test(sleep$extra[11:20], sleep$extra[1:10], paired = TRUE)
        //   t = 4.0621, df = 9, p-value = 0.002833, 95 percent CI 0.7001142 2.4598858, mean difference 1.58
        // sd(sleep$extra[11:20] - sleep$extra[1:10]) = 1.229995, so d_z = 1.58 / 1.229995 = 1.284558
        // mean(sleep$extra[1:10]) = 0.75, mean(sleep$extra[11:20]) = 2.33
        PairedOutcome o = PairedStatistics.of(sums(SLEEP_GROUP_1, SLEEP_GROUP_2, "1.0", true));
        assertEquals(10, o.n());
        assertEquals(0.75, o.meanBefore(), 1e-12);
        assertEquals(2.33, o.meanAfter(), 1e-12);
        assertEquals(1.58, o.meanChange(), 1e-12);
        assertEquals(1.229995, o.sdChange(), 5e-7);
        assertEquals(0.7001142, o.ciLow(), 5e-8);
        assertEquals(2.4598858, o.ciHigh(), 5e-8);
        assertEquals(4.0621, o.t(), 5e-5);
        assertEquals(0.002833, o.p(), 5e-7);
        assertEquals(1.284558, o.effectSizeDz(), 5e-7);
        // changes 1.2 2.4 1.3 1.3 0.0 1.0 1.8 0.8 4.6 1.4: eight are ≥ 1.0 (exactly 1.0 counts)
        assertEquals(0.8, o.shareReachingMid(), 1e-12);
    }

    @Test
    void agreesWithCommonsMath3OnSwemwbsLikeScores() {
        String[] before = {"12.40", "15.84", "19.25", "14.08", "22.35", "17.98", "13.33", "20.73"};
        String[] after = {"14.75", "16.36", "21.54", "14.08", "23.21", "19.25", "16.88", "19.98"};
        PairedOutcome o = PairedStatistics.of(sums(before, after, "3", true));

        double[] b = doubles(before);
        double[] a = doubles(after);
        DescriptiveStatistics change = new DescriptiveStatistics();
        for (int i = 0; i < a.length; i++) {
            change.addValue(a[i] - b[i]);
        }
        double se = change.getStandardDeviation() / Math.sqrt(a.length);
        double critical = new TDistribution(a.length - 1).inverseCumulativeProbability(0.975);
        assertEquals(new DescriptiveStatistics(b).getMean(), o.meanBefore(), 1e-12);
        assertEquals(new DescriptiveStatistics(a).getMean(), o.meanAfter(), 1e-12);
        assertEquals(change.getMean(), o.meanChange(), 1e-12);
        assertEquals(change.getStandardDeviation(), o.sdChange(), 1e-12);
        assertEquals(new TTest().pairedT(a, b), o.t(), 1e-9);
        assertEquals(new TTest().pairedTTest(a, b), o.p(), 1e-9);
        assertEquals(change.getMean() - critical * se, o.ciLow(), 1e-9);
        assertEquals(change.getMean() + critical * se, o.ciHigh(), 1e-9);
        assertEquals(change.getMean() / change.getStandardDeviation(), o.effectSizeDz(), 1e-12);
        // changes 2.35 0.52 2.29 0 0.86 1.27 3.55 −0.75: only 3.55 reaches a MID of 3
        assertEquals(1.0 / 8, o.shareReachingMid(), 1e-12);
    }

    @Test
    void largeScoresLoseNothingToCancellation() {
        // Σd² − (Σd)²/n in doubles cancels catastrophically when the changes sit far from 0; in BigDecimal it
        // does not. Changes 1000000.01, 1000000.02, 1000000.03: mean 1000000.02, SD exactly 0.01.
        String[] before = {"0", "0", "0"};
        String[] after = {"1000000.01", "1000000.02", "1000000.03"};
        PairedOutcome o = PairedStatistics.of(sums(before, after, null, true));
        assertEquals(0.01, o.sdChange(), 1e-15);
        assertEquals(1000000.02, o.meanChange(), 1e-9);
    }

    @Test
    void addingThenSubtractingAPersonLeavesExactlyTheSameSums() {
        PairedSums before = sums(SLEEP_GROUP_1, SLEEP_GROUP_2, "1.0", true);
        PairedSums person = PairedSums.of(dec("13.33"), dec("19.25"), dec("1.0"), true);
        assertEquals(before, before.plus(person).minus(person));
        // and from nothing: the scales 0.00 and 0 do not make two equal sums differ
        assertEquals(PairedSums.EMPTY, PairedSums.EMPTY.plus(person).minus(person));
    }

    @Test
    void reachingTheMidFollowsTheBetterDirection() {
        // loneliness (lower is better), MID 1: 7 → 6 reaches it, 7 → 8 and 7 → 7 do not; no MID never reaches
        assertEquals(1, PairedSums.of(dec("7"), dec("6"), dec("1"), false).reachingMid());
        assertEquals(0, PairedSums.of(dec("7"), dec("8"), dec("1"), false).reachingMid());
        assertEquals(0, PairedSums.of(dec("7"), dec("7"), dec("1"), false).reachingMid());
        assertEquals(1, PairedSums.of(dec("3.00"), dec("3.50"), dec("0.5"), true).reachingMid());
        assertEquals(0, PairedSums.of(dec("3"), dec("9"), null, true).reachingMid());
    }

    @Test
    void aNegativeDeltaAppliesLaterButHasNoStatistics() {
        // the outcome book merges EMPTY.minus(old) with plus(new) before writing the change
        PairedSums person = PairedSums.of(dec("1"), dec("2"), dec("1"), true);
        PairedSums delta = PairedSums.EMPTY.minus(person);
        assertEquals(-1, delta.n());
        assertEquals(PairedSums.EMPTY, person.plus(delta));
        assertThrows(IllegalArgumentException.class, () -> PairedStatistics.of(delta));
    }

    @Test
    void sumsHaveOneRepresentationPerNumber() {
        // 10 · 10 = 100 must not become 1E+2, which would read badly in SQL parameters and JSON
        PairedSums s = PairedSums.of(dec("0"), dec("10.00"), null, true);
        assertEquals("100", s.sumAfterSquares().toPlainString());
        assertEquals(0, s.sumAfterSquares().scale());
        assertEquals(dec("10"), s.sumAfter());
    }

    @Test
    void noPairsGiveNoStatistics() {
        assertEquals(new PairedOutcome(0, null, null, null, null, null, null, null, null, null, null),
                PairedStatistics.of(PairedSums.EMPTY));
    }

    @Test
    void onePairGivesOnlyDescriptiveNumbers() {
        // 3 → 5 with MID 1: means 3 and 5, change 2, reached; no spread, so nothing inferential
        PairedOutcome o = PairedStatistics.of(PairedSums.of(dec("3"), dec("5"), dec("1"), true));
        assertEquals(new PairedOutcome(1, 3.0, 5.0, 2.0, null, null, null, null, null, null, 1.0), o);
    }

    @Test
    void noVariationGivesAZeroWidthIntervalAndNoTest() {
        // every change is +1: SD 0, so t and d_z would divide by zero
        PairedOutcome o = PairedStatistics.of(
                sums(new String[] {"1", "2", "3"}, new String[] {"2", "3", "4"}, null, true));
        assertEquals(new PairedOutcome(3, 2.0, 3.0, 1.0, 0.0, 1.0, 1.0, null, null, null, 0.0), o);
    }

    @Test
    void anotherConfidenceLevelWidensTheInterval() {
        // the 99 % interval is 1.58 ∓ t(0.995, 9) · SD / √10, with the quantile from commons-math3
        PairedOutcome o = PairedStatistics.of(sums(SLEEP_GROUP_1, SLEEP_GROUP_2, null, true), 0.99);
        double critical = new TDistribution(9).inverseCumulativeProbability(0.995);
        double expectedHalf = critical * o.sdChange() / Math.sqrt(10);
        assertEquals(1.58 - expectedHalf, o.ciLow(), 1e-9);
        assertEquals(1.58 + expectedHalf, o.ciHigh(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> PairedStatistics.of(PairedSums.EMPTY, 1.0));
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    private static double[] doubles(String[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = Double.parseDouble(values[i]);
        }
        return d;
    }
}
