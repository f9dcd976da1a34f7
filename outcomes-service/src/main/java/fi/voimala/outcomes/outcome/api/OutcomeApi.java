package fi.voimala.outcomes.outcome.api;

import fi.voimala.outcomes.outcome.Comparison;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What the outcomes API answers. */
public final class OutcomeApi {

    private OutcomeApi() {
    }

    /** The filters as understood; null where not given. */
    public record Filters(UUID seriesId, String targetGroup, String artForm, UUID organisationId, String season,
                          String instrumentKey) {
    }

    /**
     * The outcomes of the series that match the filters (and that the caller may see), score by score, with the dose
     * beside them. {@code participants}: each participant's change, only for one series and only to those who read it.
     */
    public record OutcomeReport(Filters filters, long series, List<ScoreOutcome> outcomes, Attendance attendance,
                                List<DoseOutcome> byDose, List<ParticipantChange> participants) {
    }

    /**
     * One score on one comparison: n pairs of measurements of {@code people} people; mean before and after, mean
     * change and its SD, its 95 % confidence interval, the paired t-test's t and two-sided p, the effect size d_z (mean
     * change / SD of change), and the share whose change reaches the instrument's minimal important difference in the
     * better direction. For SESSION, each pair is one person's before and after one session (the mood lift). A figure
     * about fewer than five people is {@code suppressed} for researchers and viewers: every number null.
     */
    public record ScoreOutcome(String instrumentKey, String scoreKey, Comparison comparison, String subjectType,
                               boolean suppressed, Long people, Long n, Double meanBefore, Double meanAfter,
                               Double meanChange, Double sdChange, Double ciLow, Double ciHigh, Double t, Double p,
                               Double effectSizeDz, Double shareReachingMid) {
    }

    /** The same for the participants whose attendance falls in a band of sessions attended (0-4, 5-9, 10-14, 15+). */
    public record DoseOutcome(String doseBand, ScoreOutcome outcome) {
    }

    /** Sessions planned and held in the series; participants enrolled and the mean of sessions each attended. */
    public record Attendance(long sessionsPlanned, long sessionsHeld, boolean suppressed, Long participants,
                             Double meanSessionsAttended) {
    }

    public record ParticipantChange(String participantCode, String instrumentKey, String scoreKey, Comparison comparison,
                                    BigDecimal before, BigDecimal after, BigDecimal change,
                                    boolean reachesMinimalImportantDifference, long sessionsAttended) {
    }

    /**
     * The same outcomes broken down in one answer by target group or by art form (a series of several art forms counts
     * in each): per value, how many series and their summed outcomes, suppressed below five people as in the report.
     */
    public record OutcomeBreakdown(Filters filters, String by, List<BreakdownGroup> groups) {
    }

    public record BreakdownGroup(String value, long series, List<ScoreOutcome> outcomes) {
    }
}
