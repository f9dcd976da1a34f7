package fi.voimala.outcomes.instrument.definition;

import java.math.BigDecimal;

/**
 * The values a score can take. Stated in the definition (rather than only derived) so that dashboards can draw
 * axes without knowing the rule; the validator checks that it agrees with the rule.
 */
public record ValueRange(BigDecimal min, BigDecimal max) {
}
