package fi.voimala.outcomes.instrument.scoring;

import fi.voimala.outcomes.instrument.definition.AnswerScale;
import fi.voimala.outcomes.instrument.definition.DefinitionProblem;
import fi.voimala.outcomes.instrument.definition.Imputation;
import fi.voimala.outcomes.instrument.definition.InstrumentDefinition;
import fi.voimala.outcomes.instrument.definition.Item;
import fi.voimala.outcomes.instrument.definition.ScoreRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores one person's answers by an instrument definition, the same way for every instrument, so that no
 * instrument needs code of its own. The definition is assumed valid ({@code DefinitionValidator}).
 *
 * <p>Arithmetic, exact until the one rounding each method names:
 * <ul>
 * <li>a reverse item's answer a counts as {@code scale.min + scale.max − a};</li>
 * <li>with PERSON_MEAN, each missing item counts as the mean m of the answered items of that score, so the
 *     imputed sum is the exact fraction {@code sum × items / answered};</li>
 * <li>SUM: value = raw = that sum rounded HALF_UP to an integer (…​.5 away from zero);</li>
 * <li>MEAN: value = the answered items' mean (the same with or without PERSON_MEAN) rounded HALF_UP to 2
 *     decimals; raw = the sum the mean comes from, also to 2 decimals (the imputed sum with PERSON_MEAN, the
 *     sum of the answered items with NONE);</li>
 * <li>LOOKUP: raw = the sum rounded HALF_UP to an integer, value = {@code lookup[raw]} exactly as the table
 *     gives it.</li>
 * </ul>
 */
public final class Scorer {

    private Scorer() {
    }

    /**
     * The answers' problems: an id that is no item of the instrument, or a value outside its scale. A null value
     * means "not answered" and is fine; a null map is no answers.
     */
    public static List<DefinitionProblem> check(InstrumentDefinition d, Map<String, Integer> answers) {
        List<DefinitionProblem> problems = new ArrayList<>();
        if (answers == null) {
            return problems;
        }
        AnswerScale scale = d.scale();
        // Sorted so that the problems come in the same order however the caller's map iterates.
        for (Map.Entry<String, Integer> answer : sorted(answers).entrySet()) {
            String field = "answers." + answer.getKey();
            Integer value = answer.getValue();
            if (d.item(answer.getKey()) == null) {
                problems.add(new DefinitionProblem(field, "unknown-item",
                        "instrument " + d.key() + " has no item \"" + answer.getKey() + "\""));
            } else if (value != null && (value < scale.min() || value > scale.max())) {
                problems.add(new DefinitionProblem(field, "answer-scale",
                        "answer " + value + " is outside the scale " + scale.min() + "–" + scale.max()));
            }
        }
        return problems;
    }

    /**
     * The scores in the order of {@code d.scores()}.
     *
     * @throws IllegalArgumentException when {@link #check} finds problems: a wrong answer must not be scored
     */
    public static List<Score> score(InstrumentDefinition d, Map<String, Integer> answers) {
        List<DefinitionProblem> problems = check(d, answers);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("answers cannot be scored: " + problems);
        }
        Map<String, Integer> given = answers == null ? Map.of() : answers;
        List<Score> scores = new ArrayList<>();
        for (ScoreRule rule : d.scores()) {
            scores.add(score(d, rule, given));
        }
        return scores;
    }

    private static Score score(InstrumentDefinition d, ScoreRule rule, Map<String, Integer> answers) {
        AnswerScale scale = d.scale();
        int items = rule.items().size();
        int answered = 0;
        long sum = 0;
        for (String id : rule.items()) {
            Integer answer = answers.get(id);
            if (answer != null) {
                Item item = d.item(id);
                sum += item.reverse() ? scale.min() + scale.max() - answer : answer;
                answered++;
            }
        }
        int missing = items - answered;
        if (missing > rule.missing().maxMissing() || answered == 0) {
            return new Score(rule.key(), null, null, answered, missing, false);
        }
        boolean imputed = missing > 0 && rule.missing().imputation() == Imputation.PERSON_MEAN;
        // sum × items / answered is the imputed sum; without imputation the divisor is 1 (nothing missing) or the
        // rule is a MEAN of the answered items.
        BigDecimal numerator = BigDecimal.valueOf(imputed ? sum * items : sum);
        BigDecimal divisor = BigDecimal.valueOf(imputed ? answered : 1);
        return switch (rule.method()) {
            case SUM -> {
                BigDecimal total = numerator.divide(divisor, 0, RoundingMode.HALF_UP);
                yield new Score(rule.key(), total, total, answered, missing, imputed);
            }
            case MEAN -> {
                BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answered), 2, RoundingMode.HALF_UP);
                BigDecimal raw = numerator.divide(divisor, 2, RoundingMode.HALF_UP);
                yield new Score(rule.key(), mean, raw, answered, missing, imputed);
            }
            case LOOKUP -> {
                BigDecimal raw = numerator.divide(divisor, 0, RoundingMode.HALF_UP);
                BigDecimal value = rule.lookup().get(raw.intValueExact());
                if (value == null) {
                    throw new IllegalStateException("score " + rule.key() + " of " + d.key() + " v" + d.version()
                            + " has no lookup value for raw score " + raw + "; the definition is not valid");
                }
                yield new Score(rule.key(), value, raw, answered, missing, imputed);
            }
        };
    }

    private static Map<String, Integer> sorted(Map<String, Integer> answers) {
        Map<String, Integer> sorted = new TreeMap<>();
        answers.forEach((k, v) -> sorted.put(k == null ? "null" : k, v));
        return sorted;
    }
}
