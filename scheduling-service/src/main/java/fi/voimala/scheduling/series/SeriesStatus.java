package fi.voimala.scheduling.series;

/** ACTIVE: its visits are being held; PAUSED: no visits from the pause on until resumed; CANCELLED: ended early. */
public enum SeriesStatus {
    ACTIVE,
    PAUSED,
    CANCELLED
}
