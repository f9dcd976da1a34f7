package fi.voimala.outcomes.instrument.definition;

/**
 * A text in the platform's three languages. The network works in Finnish and Swedish and reports in English,
 * so a text that is given at all must be given in all three; {@link DefinitionValidator} checks that.
 */
public record LocalizedText(String fi, String sv, String en) {
}
