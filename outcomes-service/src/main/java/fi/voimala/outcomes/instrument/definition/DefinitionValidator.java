package fi.voimala.outcomes.instrument.definition;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what a definition means before it is stored: that every score can be computed from its items, that
 * the stated ranges agree with the rules and that a LOOKUP table covers every raw sum. It returns every
 * problem at once, never throws on a half-filled definition, so that an operator fixing an import sees the
 * whole list.
 */
public final class DefinitionValidator {

    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    public static final Pattern ID = Pattern.compile("[a-z0-9_-]+");
    /** Wider scales than 0–100 are not questionnaires; the bound also keeps the coverage checks small. */
    public static final int MAX_SCALE_WIDTH = 100;

    private final Problems problems = new Problems();

    private DefinitionValidator() {
    }

    public static List<DefinitionProblem> validate(InstrumentDefinition d) {
        DefinitionValidator v = new DefinitionValidator();
        if (d == null) {
            v.problems.add("", "required", "the definition is empty");
        } else {
            v.check(d);
        }
        return v.problems.list();
    }

    private void check(InstrumentDefinition d) {
        if (isBlank(d.key())) {
            problems.add("key", "required", "the instrument needs a key");
        } else if (!KEY.matcher(d.key()).matches()) {
            problems.add("key", "pattern", "the key \"" + d.key() + "\" must be 2–40 lower-case letters, digits or "
                    + "hyphens, starting with a letter or digit");
        }
        if (d.version() < 1) {
            problems.add("version", "range", "the version must be at least 1");
        }
        problems.requiredText("name", d.name());
        if (d.target() == null) {
            problems.add("target", "required", "the instrument needs a target, PARTICIPANT or STAFF");
        }
        if (isBlank(d.licence())) {
            problems.add("licence", "required",
                    "the licence must say what the instrument is and where it comes from");
        }
        boolean scaleValid = checkScale(d.scale());
        Set<String> itemIds = checkItems(d.items());
        checkScores(d.scores(), itemIds, scaleValid ? d.scale() : null);
    }

    private boolean checkScale(AnswerScale scale) {
        if (scale == null) {
            problems.add("scale", "required", "the instrument needs an answer scale");
            return false;
        }
        if (scale.min() >= scale.max()) {
            problems.add("scale.max", "range", "the largest answer (" + scale.max()
                    + ") must be greater than the smallest (" + scale.min() + ")");
            return false;
        }
        if ((long) scale.max() - scale.min() > MAX_SCALE_WIDTH) {
            problems.add("scale.max", "range", "an answer scale may span at most " + MAX_SCALE_WIDTH + " points");
            return false;
        }
        if (scale.labels() != null) {
            checkLabels(scale);
        }
        return true;
    }

    private void checkLabels(AnswerScale scale) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < scale.labels().size(); i++) {
            AnswerLabel label = scale.labels().get(i);
            String field = "scale.labels[" + i + "]";
            if (label == null) {
                problems.add(field, "required", "the label is empty");
                continue;
            }
            if (label.value() < scale.min() || label.value() > scale.max()) {
                problems.add(field + ".value", "range", "the label's value " + label.value()
                        + " is not an answer of the scale " + scale.min() + "–" + scale.max());
            } else if (!seen.add(label.value())) {
                problems.add(field + ".value", "unique", "answer " + label.value() + " has more than one label");
            }
            problems.optionalText(field + ".text", label.text());
        }
        for (int value = scale.min(); value <= scale.max(); value++) {
            if (!seen.contains(value)) {
                problems.add("scale.labels", "label-coverage", "the labels have none for answer " + value);
            }
        }
    }

    /** Returns the valid item ids, for the scores' checks. */
    private Set<String> checkItems(List<Item> items) {
        Set<String> ids = new HashSet<>();
        if (items == null || items.isEmpty()) {
            problems.add("items", "required", "the instrument needs at least one item");
            return ids;
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String field = "items[" + i + "]";
            if (item == null) {
                problems.add(field, "required", "the item is empty");
                continue;
            }
            if (isBlank(item.id())) {
                problems.add(field + ".id", "required", "the item needs an id");
            } else if (!ID.matcher(item.id()).matches()) {
                problems.add(field + ".id", "pattern", "the item id \"" + item.id()
                        + "\" may contain only lower-case letters, digits, '_' and '-'");
            } else if (!ids.add(item.id())) {
                problems.add(field + ".id", "unique", "the item id \"" + item.id() + "\" is used by an earlier item");
            }
            problems.optionalText(field + ".text", item.text());
        }
        return ids;
    }

    private void checkScores(List<ScoreRule> scores, Set<String> itemIds, AnswerScale scale) {
        if (scores == null || scores.isEmpty()) {
            problems.add("scores", "required", "the instrument needs at least one score");
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < scores.size(); i++) {
            ScoreRule rule = scores.get(i);
            String field = "scores[" + i + "]";
            if (rule == null) {
                problems.add(field, "required", "the score is empty");
                continue;
            }
            if (isBlank(rule.key())) {
                problems.add(field + ".key", "required", "the score needs a key");
            } else if (!ID.matcher(rule.key()).matches()) {
                problems.add(field + ".key", "pattern", "the score key \"" + rule.key()
                        + "\" may contain only lower-case letters, digits, '_' and '-'");
            } else if (!keys.add(rule.key())) {
                problems.add(field + ".key", "unique", "the score key \"" + rule.key()
                        + "\" is used by an earlier score");
            }
            problems.requiredText(field + ".name", rule.name());
            new ScoreRuleChecks(problems, field, rule, itemIds, scale).run();
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
