package fi.voimala.outcomes.instrument.definition;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The checks of one score rule, kept apart from {@link DefinitionValidator} because they share the rule's item
 * count and the answer scale: ranges and lookup coverage follow from those two.
 */
final class ScoreRuleChecks {

    private final Problems problems;
    private final String field;
    private final ScoreRule rule;
    private final Set<String> itemIds;
    private final AnswerScale scale;
    private int n;

    ScoreRuleChecks(Problems problems, String field, ScoreRule rule, Set<String> itemIds, AnswerScale scale) {
        this.problems = problems;
        this.field = field;
        this.rule = rule;
        this.itemIds = itemIds;
        this.scale = scale;
    }

    void run() {
        checkItemRefs();
        if (rule.method() == null) {
            problems.add(field + ".method", "required", "the score needs a method, SUM, MEAN or LOOKUP");
        }
        checkLookup();
        checkMissing();
        checkRange();
        checkMid();
    }

    private void checkItemRefs() {
        List<String> refs = rule.items();
        if (refs == null || refs.isEmpty()) {
            problems.add(field + ".items", "required", "the score needs at least one item");
            return;
        }
        n = refs.size();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < refs.size(); j++) {
            String ref = refs.get(j);
            String f = field + ".items[" + j + "]";
            if (DefinitionValidator.isBlank(ref)) {
                problems.add(f, "required", "the item reference is empty");
            } else if (!itemIds.contains(ref)) {
                problems.add(f, "unknown-item", "the instrument has no item \"" + ref + "\"");
            } else if (!seen.add(ref)) {
                problems.add(f, "unique", "item \"" + ref + "\" is already in this score");
            }
        }
    }

    private void checkLookup() {
        Map<Integer, BigDecimal> lookup = rule.lookup();
        if (rule.method() != ScoringMethod.LOOKUP) {
            if (lookup != null) {
                problems.add(field + ".lookup", "lookup", "only a LOOKUP score has a lookup table");
            }
            return;
        }
        if (lookup == null || lookup.isEmpty()) {
            problems.add(field + ".lookup", "required", "a LOOKUP score needs a lookup table from raw sum to score");
            return;
        }
        if (scale == null || n == 0) {
            return;
        }
        long low = (long) n * scale.min();
        long high = (long) n * scale.max();
        for (long raw = low; raw <= high; raw++) {
            if (lookup.get((int) raw) == null) {
                problems.add(field + ".lookup", "lookup-coverage",
                        "the lookup table has no value for raw score " + raw);
            }
        }
        lookup.keySet().stream().filter(Objects::nonNull).sorted()
                .filter(raw -> raw < low || raw > high)
                .forEach(raw -> problems.add(field + ".lookup", "lookup-key", "raw score " + raw
                        + " cannot occur: the raw sum of " + n + " items runs from " + low + " to " + high));
    }

    private void checkMissing() {
        MissingRule missing = rule.missing();
        if (missing == null) {
            problems.add(field + ".missing", "required", "the score needs a missing rule (maxMissing 0 allows none)");
            return;
        }
        if (missing.imputation() == null) {
            problems.add(field + ".missing.imputation", "required", "the missing rule needs an imputation, NONE or "
                    + "PERSON_MEAN");
        }
        if (missing.maxMissing() < 0 || (n > 0 && missing.maxMissing() > n - 1)) {
            problems.add(field + ".missing.maxMissing", "range", "at most " + Math.max(n - 1, 0)
                    + " of the score's items may be allowed missing, at least one must be answered");
        } else if (missing.maxMissing() > 0 && missing.imputation() == Imputation.NONE
                && rule.method() != null && rule.method() != ScoringMethod.MEAN) {
            problems.add(field + ".missing.maxMissing", "missing-rule", "a " + rule.method() + " score with missing "
                    + "items needs PERSON_MEAN imputation: without it the sum of fewer items is not on the "
                    + "same scale");
        }
    }

    private void checkRange() {
        ValueRange range = rule.range();
        if (range == null) {
            problems.add(field + ".range", "required", "the score needs its range");
            return;
        }
        if (range.min() == null) {
            problems.add(field + ".range.min", "required", "the range needs its minimum");
        }
        if (range.max() == null) {
            problems.add(field + ".range.max", "required", "the range needs its maximum");
        }
        BigDecimal[] expected = expectedRange();
        if (expected == null) {
            return;
        }
        String why = switch (rule.method()) {
            case SUM -> "a SUM of " + n + " items answered " + scale.min() + "–" + scale.max();
            case MEAN -> "a MEAN of items answered " + scale.min() + "–" + scale.max();
            case LOOKUP -> "the lookup table's values";
        };
        if (range.min() != null && range.min().compareTo(expected[0]) != 0) {
            problems.add(field + ".range.min", "range", "the range must start at " + expected[0].toPlainString()
                    + " for " + why);
        }
        if (range.max() != null && range.max().compareTo(expected[1]) != 0) {
            problems.add(field + ".range.max", "range", "the range must end at " + expected[1].toPlainString()
                    + " for " + why);
        }
    }

    /** What the rule itself implies; null when the rule is too broken to say. */
    private BigDecimal[] expectedRange() {
        if (rule.method() == null || scale == null || n == 0) {
            return null;
        }
        return switch (rule.method()) {
            case SUM -> new BigDecimal[] {
                    BigDecimal.valueOf((long) n * scale.min()), BigDecimal.valueOf((long) n * scale.max())};
            case MEAN -> new BigDecimal[] {BigDecimal.valueOf(scale.min()), BigDecimal.valueOf(scale.max())};
            case LOOKUP -> lookupRange(rule.lookup());
        };
    }

    private BigDecimal[] lookupRange(Map<Integer, BigDecimal> lookup) {
        if (lookup == null) {
            return null;
        }
        Collection<BigDecimal> values = lookup.values().stream().filter(Objects::nonNull).toList();
        if (values.isEmpty()) {
            return null;
        }
        return new BigDecimal[] {
                values.stream().min(BigDecimal::compareTo).orElseThrow(),
                values.stream().max(BigDecimal::compareTo).orElseThrow()};
    }

    private void checkMid() {
        BigDecimal mid = rule.minimalImportantDifference();
        if (mid == null) {
            return;
        }
        String f = field + ".minimalImportantDifference";
        if (mid.signum() <= 0) {
            problems.add(f, "range", "the minimal important difference must be greater than 0");
            return;
        }
        ValueRange range = rule.range();
        if (range != null && range.min() != null && range.max() != null
                && mid.compareTo(range.max().subtract(range.min())) > 0) {
            problems.add(f, "range", "the minimal important difference " + mid.toPlainString()
                    + " is larger than the whole range of the score");
        }
    }
}
