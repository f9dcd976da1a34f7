package fi.voimala.scheduling.availability;

/** Whether a hospital ward can host group activity in a window of time (UNAVAILABLE: e.g. infection isolation). */
public enum Availability {
    AVAILABLE,
    UNAVAILABLE
}
