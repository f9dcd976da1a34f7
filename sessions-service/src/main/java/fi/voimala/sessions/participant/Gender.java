package fi.voimala.sessions.participant;

/** The one demographic besides the year-of-birth band that the platform keeps, if the person wants it kept. */
public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    NOT_DISCLOSED
}
