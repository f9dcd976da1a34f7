package fi.voimala.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fi.voimala.platform.problem.Problem.Violation;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error a request can meet into problem+json, the same way in every service: broken rules 422
 * naming the field, unreadable input 400 naming the field, unknown ids 404, conflicts 409, and anything
 * unexpected a 500 that reveals nothing but is logged.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e) {
        return Problem.of(Problem.UNPROCESSABLE, "rule-violation", e.getMessage(), e.violations()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.of(Status.CONFLICT.getStatusCode(), "conflict", e.getMessage(),
                List.of(new Violation(null, e.rule(), e.getMessage()))).toResponse();
    }

    /**
     * Bean Validation on request bodies and parameters. A missing body (JAX-RS passes null for an empty one) is
     * named as such, not by the Java parameter's name; a query parameter by its name in the URL.
     */
    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e) {
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            if (v.getInvalidValue() == null && RequestParameters.isBody(v)) {
                return Problem.of(Status.BAD_REQUEST.getStatusCode(), "unreadable-input",
                        "the request needs a JSON body", List.of(new Violation(null, "body-required",
                                "the request needs a JSON body"))).toResponse();
            }
        }
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(RequestParameters.fieldOf(v), ruleOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field, Comparator.nullsFirst(String::compareTo)))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return Problem.of(Problem.UNPROCESSABLE, "rule-violation", detail, violations).toResponse();
    }

    /** An unknown enumeration value is a broken rule (422); any other value of the wrong kind is unreadable (400). */
    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e) {
        return UnreadableJson.problem(e).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return UnreadableJson.problem(e).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        return UnreadableJson.problem(e).toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Status.FORBIDDEN.getStatusCode(), "forbidden", "this role or organisation may not do this", List.of())
                .toResponse();
    }

    /**
     * JAX-RS's own errors (404 for an unknown id or path, 405, 415, ...), with their status kept. Quarkus REST's
     * JSON reader wraps a syntax error (and some mapping errors) in a 400 WebApplicationException before any mapper
     * sees it: those are unwrapped, so broken JSON is named where it broke, not a bare "HTTP 400 Bad Request".
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return UnreadableJson.problem(json).toResponse();
        }
        Response original = e.getResponse();
        if (original.getStatus() == 401) {
            return original; // keeps the WWW-Authenticate challenge
        }
        int status = original.getStatus();
        String type = status == 404 ? "not-found" : "http-" + status;
        return Problem.of(status, type, e.getMessage(), List.of()).toResponse();
    }

    /**
     * Anything else is a bug (500, logged) — except a database constraint violation that escaped the service's own
     * mapping (a deferred constraint refused at commit, after the service's code has run): still 409/422, by kind.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Optional<RuntimeException> integrity = IntegrityViolations.find(e, Map.of());
        if (integrity.isPresent()) {
            LOG.warnf("a constraint violation reached the API unmapped (at commit?): %s", e.getMessage());
            return integrity.get() instanceof ConflictException conflict ? conflict(conflict)
                    : ruleViolation((RuleViolationException) integrity.get());
        }
        LOG.error("unexpected error", e);
        return Problem.of(Status.INTERNAL_SERVER_ERROR.getStatusCode(), "internal-error",
                "something went wrong on our side; it has been logged", List.of()).toResponse();
    }

    /** "NotBlank" -> "not-blank": a stable rule id a client can switch on. */
    static String ruleOf(ConstraintViolation<?> violation) {
        String name = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
