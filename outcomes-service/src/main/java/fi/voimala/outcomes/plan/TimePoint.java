package fi.voimala.outcomes.plan;

/**
 * When in a series a measurement is taken, as longitudinal research tools name their events: before the first
 * session (baseline), after the last (end), some weeks after the last (follow-up), and just before and after each
 * session (the mood check).
 */
public enum TimePoint {
    BASELINE(14, 0),
    END(0, 14),
    FOLLOW_UP(14, 14),
    BEFORE_SESSION(0, 0),
    AFTER_SESSION(0, 0);

    /** The window a plan gets when it names none: days before and after the time point's anchor. */
    public final int defaultDaysBefore;
    public final int defaultDaysAfter;

    TimePoint(int defaultDaysBefore, int defaultDaysAfter) {
        this.defaultDaysBefore = defaultDaysBefore;
        this.defaultDaysAfter = defaultDaysAfter;
    }

    /** Taken at a session, so a measurement names its visit. */
    public boolean atSession() {
        return this == BEFORE_SESSION || this == AFTER_SESSION;
    }
}
