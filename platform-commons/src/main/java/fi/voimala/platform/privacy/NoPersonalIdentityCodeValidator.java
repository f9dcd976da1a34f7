package fi.voimala.platform.privacy;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NoPersonalIdentityCode} on text; null is valid (@NotNull says whether it may be missing). */
public class NoPersonalIdentityCodeValidator implements ConstraintValidator<NoPersonalIdentityCode, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return !PersonalIdentityCodes.containsIn(value);
    }
}
