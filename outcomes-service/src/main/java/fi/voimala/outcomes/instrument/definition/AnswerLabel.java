package fi.voimala.outcomes.instrument.definition;

/**
 * The words shown for one answer value. {@code text} may be null in a scoring-only definition of a licensed
 * instrument, whose wording only the licence holder may load.
 */
public record AnswerLabel(int value, LocalizedText text) {
}
