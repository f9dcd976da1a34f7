package fi.voimala.scheduling.availability;

import fi.voimala.platform.problem.Problem;
import fi.voimala.platform.problem.Problem.Violation;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * A body the ward availability door cannot read (missing, not FHIR, ...): 400 {@code unreadable-input}, like an
 * unreadable JSON body elsewhere. platform-commons has no exception for this (its 400s come from Jackson's errors, and
 * a BadRequestException would become a bare {@code http-400}), so {@link UnreadableBodyMapper} answers this one.
 * {@code field} is null when the problem is the body as a whole.
 */
public class UnreadableBodyException extends RuntimeException {

    private final transient Violation violation;

    public UnreadableBodyException(String field, String rule, String message) {
        super(field == null ? message : field + ": " + message);
        this.violation = new Violation(field, rule, message);
    }

    public Violation violation() {
        return violation;
    }

    public Problem problem() {
        return Problem.of(Status.BAD_REQUEST.getStatusCode(), "unreadable-input", getMessage(), List.of(violation));
    }
}
