package fi.voimala.outcomes.instrument.definition;

/**
 * How many of a score's items may be unanswered and what replaces them. Elderly participants skip questions;
 * each instrument's manual says how many may be skipped before a score no longer means anything.
 */
public record MissingRule(int maxMissing, Imputation imputation) {
}
