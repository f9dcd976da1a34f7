package fi.voimala.outcomes.instrument.definition;

/** What stands in for a missing answer when a score allows some items to be missing. */
public enum Imputation {
    /** Nothing: only a MEAN can be computed from fewer items without changing its scale. */
    NONE,
    /** The mean of the person's answered items of the same score (after reverse scoring). */
    PERSON_MEAN
}
