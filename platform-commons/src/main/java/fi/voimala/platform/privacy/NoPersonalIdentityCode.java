package fi.voimala.platform.privacy;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The text must not contain a Finnish personal identity code ({@link PersonalIdentityCodes}); null is valid. For
 * every free-text field a service takes, also inside lists: {@code List<@NoPersonalIdentityCode String> notes}.
 * A client sees the rule {@code no-personal-identity-code} (ProblemMappers names the rule after this annotation).
 *
 * <p>The targets are those of Bean Validation's own constraints (e.g. {@code @NotBlank}), so on a record component
 * it is checked once, as theirs are.
 */
@Documented
@Constraint(validatedBy = NoPersonalIdentityCodeValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface NoPersonalIdentityCode {

    String message() default "must not contain a personal identity code (henkilötunnus): the platform keeps no names or identity codes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
