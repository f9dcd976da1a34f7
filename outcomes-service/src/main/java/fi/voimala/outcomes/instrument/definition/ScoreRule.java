package fi.voimala.outcomes.instrument.definition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One score of an instrument: the total and each subscale is a rule over a subset of the items.
 *
 * @param lookup                     raw sum → converted score; present exactly when {@code method} is LOOKUP
 * @param higherIsBetter             the direction of improvement, needed to count who reached the MID
 * @param minimalImportantDifference the smallest change that matters to a person; null when none is known
 */
public record ScoreRule(
        String key,
        LocalizedText name,
        List<String> items,
        ScoringMethod method,
        Map<Integer, BigDecimal> lookup,
        MissingRule missing,
        ValueRange range,
        boolean higherIsBetter,
        BigDecimal minimalImportantDifference) {
}
