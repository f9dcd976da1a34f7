package fi.voimala.outcomes.instrument.definition;

/**
 * One question. {@code text} is null in a scoring-only definition of a licensed instrument: the platform can
 * score it, and the licence holder later imports a new version with the texts. A reverse item is scored
 * {@code scale.min + scale.max - answer}, so that all items of a score point the same way.
 */
public record Item(String id, LocalizedText text, boolean reverse) {
}
