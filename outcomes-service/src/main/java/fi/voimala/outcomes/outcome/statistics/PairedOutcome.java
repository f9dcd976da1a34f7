package fi.voimala.outcomes.outcome.statistics;

/**
 * The before/after statistics of one score, as a dashboard shows them. A null field is a statistic the data
 * cannot support (no pairs; one pair; no variation), never a zero. {@code shareReachingMid} is meaningful only
 * for a score with a minimal important difference: without one it is always 0, and a caller should not show it.
 */
public record PairedOutcome(
        long n,
        Double meanBefore,
        Double meanAfter,
        Double meanChange,
        Double sdChange,
        Double ciLow,
        Double ciHigh,
        Double t,
        Double p,
        Double effectSizeDz,
        Double shareReachingMid) {

    static PairedOutcome none() {
        return new PairedOutcome(0, null, null, null, null, null, null, null, null, null, null);
    }
}
