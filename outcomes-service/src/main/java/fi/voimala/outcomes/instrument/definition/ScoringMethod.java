package fi.voimala.outcomes.instrument.definition;

/**
 * How a score is computed from its items' answers (after reverse scoring).
 * LOOKUP exists because some instruments (SWEMWBS) publish a conversion table from the raw sum to an
 * interval-scale score, and only that converted score may be compared across studies.
 */
public enum ScoringMethod {
    /** The sum of the items: an integer. */
    SUM,
    /** The mean of the items. */
    MEAN,
    /** The raw sum converted with the rule's lookup table. */
    LOOKUP
}
