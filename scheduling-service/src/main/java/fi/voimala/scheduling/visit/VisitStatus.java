package fi.voimala.scheduling.visit;

/** SCHEDULED until it happens; HELD or MISSED as sessions-service reports; CANCELLED with a reason. */
public enum VisitStatus {
    SCHEDULED,
    HELD,
    MISSED,
    CANCELLED
}
