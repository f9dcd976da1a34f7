package fi.voimala.outcomes.outcome;

import fi.voimala.outcomes.plan.TimePoint;

/** Which two measurements of a person a change is between. */
public enum Comparison {
    BASELINE_TO_END(TimePoint.BASELINE, TimePoint.END),
    BASELINE_TO_FOLLOW_UP(TimePoint.BASELINE, TimePoint.FOLLOW_UP),
    /** Before and after one session (the mood lift); one change per person and session. */
    SESSION(TimePoint.BEFORE_SESSION, TimePoint.AFTER_SESSION);

    public final TimePoint before;
    public final TimePoint after;

    Comparison(TimePoint before, TimePoint after) {
        this.before = before;
        this.after = after;
    }
}
