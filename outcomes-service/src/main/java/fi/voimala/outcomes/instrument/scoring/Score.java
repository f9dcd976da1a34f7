package fi.voimala.outcomes.instrument.scoring;

import java.math.BigDecimal;

/**
 * One score of one measurement. A measurement with too many missing answers is still kept, with {@code value}
 * null for the scores it cannot support, so that completion rates stay visible.
 *
 * @param key      the score rule's key
 * @param value    the score, or null when more items are missing than the rule allows
 * @param raw      the item sum the value comes from, after reverse scoring and imputation (see {@link Scorer})
 * @param answered how many of the score's items were answered
 * @param missing  how many were not
 * @param imputed  whether missing answers were replaced by the person's mean
 */
public record Score(String key, BigDecimal value, BigDecimal raw, int answered, int missing, boolean imputed) {
}
