package fi.voimala.outcomes.persistence;

import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.platform.problem.Problem.Violation;
import java.util.Map;

/**
 * Outcomes' database constraints (V1__outcomes.sql) as the API names them, so that a constraint a concurrent request
 * trips between a pre-check and the write gets the pre-check's answer. A constraint not named here gets the generic
 * answer of its kind: measurement_once (a second answer at the same time point) is a 409 naming it.
 */
public final class OutcomesConstraints {

    static final Map<String, Violation> RULES = Map.ofEntries(
            Map.entry("instrument_key_version_unique", new Violation("version", "unique",
                    "this version of the instrument exists; import it as a new version")),
            Map.entry("measurement_plan_point_once", new Violation("points", "unique",
                    "an instrument is planned once per time point")),
            Map.entry("measurement_plan_point_instrument", new Violation("points", "referenced-exists",
                    "no such instrument version")),
            Map.entry("measurement_plan_point_window", new Violation("points", "range",
                    "a window opens and closes 0 to 90 days from its time point")),
            Map.entry("measurement_plan_point_follow_up", new Violation("points", "follow-up-weeks",
                    "a follow-up names its weeks after the last session (1 to 104), and only a follow-up does")));

    private OutcomesConstraints() {
    }

    /** Use as {@code .onFailure().transform(OutcomesConstraints::translate)} on every write. */
    public static Throwable translate(Throwable failure) {
        return StoreErrors.translate(failure, RULES);
    }
}
