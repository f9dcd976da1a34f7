package fi.voimala.sessions.audit;

/** What was done with participant data. */
public enum AuditAction {
    /** Participant data was read: a participant, a list of them, a session record's attendance, attendance figures. */
    READ,
    ENROL,
    CHANGE,
    WITHDRAW_CONSENT,
    ERASE,
    RECORD_SESSION,
    CORRECT_SESSION
}
