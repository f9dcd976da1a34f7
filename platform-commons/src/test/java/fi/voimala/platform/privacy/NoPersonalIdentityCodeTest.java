package fi.voimala.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.problem.ProblemMappers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves @NoPersonalIdentityCode on a record's text and on the elements of its list, as a request would carry them. */
class NoPersonalIdentityCodeTest {

    record SessionNote(@NoPersonalIdentityCode String text, List<@NoPersonalIdentityCode String> methods) {
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    @Test
    void textWithoutACodeAndNullAreValid() {
        assertTrue(validator.validate(new SessionNote("Laulettiin yhdessä 24.11.2026 klo 13:00-14:30", List.of("laulu", "soitto"))).isEmpty());
        assertTrue(validator.validate(new SessionNote(null, null)).isEmpty());
        assertTrue(validator.validate(new SessionNote(null, Arrays.asList("laulu", null))).isEmpty());
    }

    @Test
    void aCodeInTheTextIsOneViolationNamingTheField() {
        Set<ConstraintViolation<SessionNote>> violations = validator.validate(new SessionNote("Maija 131052-308T", List.of()));

        assertEquals(1, violations.size(), violations::toString);
        ConstraintViolation<SessionNote> violation = violations.iterator().next();
        assertEquals("text", violation.getPropertyPath().toString());
        assertEquals("must not contain a personal identity code (henkilötunnus): the platform keeps no names or identity codes",
                violation.getMessage());
    }

    @Test
    void aCodeInAListNamesTheElement() {
        Set<ConstraintViolation<SessionNote>> violations =
                validator.validate(new SessionNote("laulu", List.of("laulu", "hetu 131052-308t", "soitto")));

        assertEquals(1, violations.size(), violations::toString);
        ConstraintViolation<SessionNote> violation = violations.iterator().next();
        // Hibernate Validator's path: the list, then its element at index 1.
        assertEquals("methods[1].<list element>", violation.getPropertyPath().toString());
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        assertEquals("methods", nodes.get(0).getName());
        assertEquals(1, nodes.get(1).getIndex());
    }

    @Test
    void aClientSeesTheRuleNoPersonalIdentityCode() throws ReflectiveOperationException {
        ConstraintViolation<SessionNote> violation =
                validator.validate(new SessionNote("131052-308T", List.of())).iterator().next();

        // ProblemMappers.ruleOf is package-private: the rule id every problem+json answer carries.
        Method ruleOf = ProblemMappers.class.getDeclaredMethod("ruleOf", ConstraintViolation.class);
        ruleOf.setAccessible(true);
        assertEquals("no-personal-identity-code", ruleOf.invoke(null, violation));
    }
}
