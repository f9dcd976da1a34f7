package fi.voimala.scheduling.persistence;

import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.platform.problem.Problem.Violation;
import java.util.Map;

/**
 * Scheduling's database constraints (V1__scheduling.sql) as the API names them, so that a constraint a concurrent
 * request trips between a pre-check and the write gets the pre-check's answer. The double-booking exclusion
 * constraint is not here: its 409 names the clashing visit, which the visit service looks up (VisitBookings).
 */
public final class SchedulingConstraints {

    static final Map<String, Violation> RULES = Map.of(
            "activity_group_size", new Violation("size", "range", "a group has 1 to 200 people"),
            "activity_group_site_id_fkey", new Violation("siteId", "referenced-exists", "no such site is known to scheduling"),
            "series_session_count_reason", new Violation("sessionCountReason", "reason-required",
                    "a series of fewer than 15 or more than 30 sessions needs a written reason"),
            "series_session_count", new Violation("plannedSessions", "range", "a series has 1 to 60 sessions"),
            "series_duration", new Violation("durationMinutes", "range", "a session lasts 15 to 480 minutes"),
            "series_group_id_fkey", new Violation("groupId", "referenced-exists", "no such activity group"),
            "series_pair_id_fkey", new Violation("pairId", "referenced-exists", "no such pair is known to scheduling"),
            "absence_time_order", new Violation("endsAt", "after-start", "must be after startsAt"),
            "visit_time_order", new Violation("endsAt", "after-start", "must be after startsAt"));

    private SchedulingConstraints() {
    }

    /** Use as {@code .onFailure().transform(SchedulingConstraints::translate)} on every write. */
    public static Throwable translate(Throwable failure) {
        return StoreErrors.translate(failure, RULES);
    }
}
