package fi.voimala.platform.problem;

import fi.voimala.platform.problem.Problem.Violation;
import java.util.List;

/** A domain rule the request breaks (a bad business ID, a pair of the same field, ...): answered with 422. */
public class RuleViolationException extends RuntimeException {

    private final List<Violation> violations;

    public RuleViolationException(String field, String rule, String message) {
        this(List.of(new Violation(field, rule, message)));
    }

    public RuleViolationException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() == null ? v.message() : v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
