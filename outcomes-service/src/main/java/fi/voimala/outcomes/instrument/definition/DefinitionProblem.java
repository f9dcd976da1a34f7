package fi.voimala.outcomes.instrument.definition;

/**
 * One thing wrong with a definition or with answers, shaped like a problem+json violation so that an import or
 * an answer form can show it next to the field.
 *
 * @param field   the JSON path as a user reads it: {@code scores[1].items[0]}, {@code answers.q3}
 * @param rule    a short kebab-case name of the broken rule: {@code required}, {@code unknown-item}, …
 * @param message a sentence naming the problem
 */
public record DefinitionProblem(String field, String rule, String message) {
}
