package fi.voimala.scheduling.availability.fhir;

import fi.voimala.platform.problem.Problem;
import fi.voimala.platform.problem.Problem.Violation;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * A FHIR body that cannot be read (not JSON, not FHIR R4, an element FHIR does not know, an instant without a time
 * zone): 400 {@code unreadable-input}, like an unreadable JSON body on the JSON door. platform-commons has no exception
 * for this (its 400s come from Jackson's errors, and a BadRequestException would become a bare {@code http-400}), so
 * {@link UnreadableFhirMapper} answers this one. {@code field} is null when the problem is the body as a whole.
 */
public class UnreadableFhirException extends RuntimeException {

    private final transient Violation violation;

    public UnreadableFhirException(String field, String rule, String message) {
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
