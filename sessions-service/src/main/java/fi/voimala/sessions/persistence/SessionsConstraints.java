package fi.voimala.sessions.persistence;

import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.platform.problem.Problem.Violation;
import java.util.Map;

/**
 * Sessions' database constraints (V1__sessions.sql) as the API names them, so that a constraint a concurrent request
 * trips between a pre-check and the write gets the pre-check's answer.
 */
public final class SessionsConstraints {

    static final Map<String, Violation> RULES = Map.ofEntries(
            Map.entry("participant_code_unique", new Violation("code", "unique", "this code is taken; enrol again")),
            Map.entry("participant_covers_participation", new Violation("consent.covers", "covers-participation",
                    "consent to take part (PARTICIPATION) is needed to enrol")),
            Map.entry("consent_withdrawal_covers_something", new Violation("covers", "not-empty",
                    "name what the withdrawal stops")),
            Map.entry("session_record_held_times", new Violation("startedAt", "required-when-held",
                    "a held session needs its actual start and end")),
            Map.entry("session_record_time_order", new Violation("endedAt", "after-start", "must be after startedAt")),
            Map.entry("session_record_not_held_reason", new Violation("notHeldReason", "required-when-not-held",
                    "say why the session was not held")),
            Map.entry("session_record_extra_attendees", new Violation("extraAttendees", "range", "0 to 500")),
            Map.entry("session_record_other_staff", new Violation("otherStaffCount", "range", "0 to 200")),
            Map.entry("session_attendance_participant_id_fkey", new Violation("participantCodes", "referenced-exists",
                    "a participant was erased meanwhile")));

    private SessionsConstraints() {
    }

    /** Use as {@code .onFailure().transform(SessionsConstraints::translate)} on every write. */
    public static Throwable translate(Throwable failure) {
        return StoreErrors.translate(failure, RULES);
    }
}
