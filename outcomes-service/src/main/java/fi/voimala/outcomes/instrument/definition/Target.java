package fi.voimala.outcomes.instrument.definition;

/** Who answers the instrument: a participant of a workshop, or the staff of a care site. */
public enum Target {
    PARTICIPANT,
    STAFF
}
