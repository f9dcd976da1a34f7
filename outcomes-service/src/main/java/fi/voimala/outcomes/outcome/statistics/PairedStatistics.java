package fi.voimala.outcomes.outcome.statistics;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The paired t statistics of a score's change (after − before), computed from {@link PairedSums} alone.
 *
 * <p>The variance is {@code (Σd² − (Σd)²/n) / (n − 1)}, worked out in BigDecimal (DECIMAL128) and only then
 * turned into a double: our scores have at most 2 decimals, so the sums are exact and the textbook formula's
 * cancellation problem, which ruins it in doubles, does not arise. SD uses n − 1; the confidence interval is
 * {@code mean ± t(1 − α/2, n − 1) · SD/√n}; t = mean/(SD/√n) with a two-sided p from Student's t with n − 1
 * degrees of freedom; d_z = mean change / SD of change; the share is reachingMid / n.
 *
 * <p>n = 0 gives only n; n = 1 gives the means and the share (descriptive, needing no spread); SD = 0 gives the
 * SD, the interval [mean, mean] and no t, p or d_z, which would divide by zero.
 */
public final class PairedStatistics {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    private static final MathContext MC = MathContext.DECIMAL128;

    private PairedStatistics() {
    }

    public static PairedOutcome of(PairedSums s) {
        return of(s, DEFAULT_CONFIDENCE);
    }

    public static PairedOutcome of(PairedSums s, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        if (s.n() < 0 || s.reachingMid() < 0 || s.reachingMid() > s.n()) {
            throw new IllegalArgumentException("impossible counts n=" + s.n() + ", reachingMid=" + s.reachingMid()
                    + ": a delta, or a person subtracted who was never added");
        }
        if (s.n() == 0) {
            return PairedOutcome.none();
        }
        BigDecimal n = BigDecimal.valueOf(s.n());
        BigDecimal meanChange = s.sumChange().divide(n, MC);
        double meanBefore = s.sumBefore().divide(n, MC).doubleValue();
        double meanAfter = s.sumAfter().divide(n, MC).doubleValue();
        double share = (double) s.reachingMid() / s.n();
        double mean = meanChange.doubleValue();
        if (s.n() == 1) {
            return new PairedOutcome(1, meanBefore, meanAfter, mean, null, null, null, null, null, null, share);
        }
        BigDecimal variance = s.sumChangeSquares()
                .subtract(s.sumChange().multiply(s.sumChange()).divide(n, MC))
                .divide(BigDecimal.valueOf(s.n() - 1), MC);
        // Exact sums cannot give a negative variance; the guard is for sums that were not built by PairedSums.of.
        double sd = variance.signum() <= 0 ? 0.0 : variance.sqrt(MC).doubleValue();
        if (sd == 0.0) {
            return new PairedOutcome(s.n(), meanBefore, meanAfter, mean, 0.0, mean, mean, null, null, null, share);
        }
        double se = sd / Math.sqrt(s.n());
        TDistribution dist = TDistribution.of(s.n() - 1);
        double critical = dist.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double t = mean / se;
        // survivalProbability keeps precision for large |t|, where 1 − cdf would round to 0.
        double p = Math.min(1.0, 2 * dist.survivalProbability(Math.abs(t)));
        return new PairedOutcome(s.n(), meanBefore, meanAfter, mean, sd, mean - critical * se, mean + critical * se,
                t, p, mean / sd, share);
    }
}
