package fi.voimala.outcomes.outcome;

import fi.voimala.outcomes.outcome.statistics.PairedOutcome;
import fi.voimala.outcomes.outcome.statistics.PairedStatistics;
import fi.voimala.outcomes.outcome.statistics.PairedSums;
import java.math.BigDecimal;

/**
 * The sums of one outcome (a series', or several series' added up) on a score and comparison, with how many people
 * they are about; {@code n} in {@link #sums()} counts pairs of measurements (for a session's lift, one per person
 * and session).
 */
public record OutcomeSums(String instrumentKey, String scoreKey, Comparison comparison, String subjectType, long people,
                          PairedSums sums) {

    /** Figures about fewer people than this are suppressed for those who see the network's figures only. */
    public static final int MIN_PEOPLE = 5;

    /** A row of a query returning, in this order: instrument, score, comparison, subject type, people, n, the sums. */
    public static OutcomeSums of(Object[] row) {
        return new OutcomeSums((String) row[0], (String) row[1], Comparison.valueOf((String) row[2]), (String) row[3],
                ((Number) row[4]).longValue(), new PairedSums(((Number) row[5]).longValue(), (BigDecimal) row[6],
                (BigDecimal) row[7], (BigDecimal) row[8], (BigDecimal) row[9], (BigDecimal) row[10],
                (BigDecimal) row[11], ((Number) row[12]).longValue()));
    }

    /** The sums {@link #of} reads after the four key columns, over the rows of series_outcome {@code o}. */
    public static final String SUMS = "sum(o.people), sum(o.n), sum(o.sum_before), sum(o.sum_after), sum(o.sum_before_sq),"
            + " sum(o.sum_after_sq), sum(o.sum_change), sum(o.sum_change_sq), sum(o.reaching_mid)";
    /** The columns {@link #of} reads, summed over the rows of series_outcome {@code o}. */
    public static final String SUMMED_COLUMNS = "o.instrument_key, o.score_key, o.comparison, o.subject_type, " + SUMS;

    public boolean suppressedFor(boolean suppressesSmallFigures) {
        return suppressesSmallFigures && people < MIN_PEOPLE;
    }

    public PairedOutcome statistics() {
        return PairedStatistics.of(sums);
    }
}
