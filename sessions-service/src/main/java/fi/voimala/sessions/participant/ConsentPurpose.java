package fi.voimala.sessions.participant;

/** What a participant's consent covers: taking part in the workshops, being measured, research use of the data. */
public enum ConsentPurpose {
    PARTICIPATION,
    MEASUREMENTS,
    RESEARCH_USE
}
