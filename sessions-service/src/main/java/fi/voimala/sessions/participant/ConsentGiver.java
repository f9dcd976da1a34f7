package fi.voimala.sessions.participant;

/** Who gave the consent: the person, or their legal representative (e.g. for a person with a memory disorder). */
public enum ConsentGiver {
    PERSON,
    LEGAL_REPRESENTATIVE
}
