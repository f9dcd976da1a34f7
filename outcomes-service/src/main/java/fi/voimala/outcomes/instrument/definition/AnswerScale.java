package fi.voimala.outcomes.instrument.definition;

import java.util.List;

/**
 * The integer answers every item of an instrument accepts, {@code min..max}. Labels are optional; when given
 * there is exactly one per value, so a form can always show every choice.
 */
public record AnswerScale(int min, int max, List<AnswerLabel> labels) {
}
