package fi.voimala.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fi.voimala.platform.problem.Problem.Violation;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
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

    /** Bean Validation on request bodies and parameters. */
    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v.getPropertyPath()), ruleOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field, Comparator.nullsFirst(String::compareTo)))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return Problem.of(Problem.UNPROCESSABLE, "rule-violation", detail, violations).toResponse();
    }

    /** A value of the wrong kind: an unknown enumeration value is a broken rule (422), anything else unreadable (400). */
    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e) {
        String field = jsonPath(e);
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            String message = "unknown value '" + e.getValue() + "'; allowed: " + allowed;
            return Problem.of(Problem.UNPROCESSABLE, "rule-violation", field + ": " + message,
                    List.of(new Violation(field, "known-value", message))).toResponse();
        }
        String message = "'" + e.getValue() + "' is not a valid " + describe(target);
        return Problem.of(Status.BAD_REQUEST.getStatusCode(), "unreadable-input", field + ": " + message,
                List.of(new Violation(field, "format", message))).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        String field = jsonPath(e);
        String message = "expected " + describe(e.getTargetType());
        return Problem.of(Status.BAD_REQUEST.getStatusCode(), "unreadable-input", (field.isEmpty() ? "body" : field) + ": " + message,
                List.of(new Violation(field.isEmpty() ? null : field, "format", message))).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        return Problem.of(Status.BAD_REQUEST.getStatusCode(), "unreadable-input",
                "the body is not valid JSON: " + e.getOriginalMessage(),
                field.isEmpty() ? List.of() : List.of(new Violation(field, "format", e.getOriginalMessage())))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Status.FORBIDDEN.getStatusCode(), "forbidden", "this role or organisation may not do this", List.of())
                .toResponse();
    }

    /** JAX-RS's own errors (404 for an unknown id or path, 405, 415, ...), with their status kept. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.getStatus() == 401) {
            return original; // keeps the WWW-Authenticate challenge
        }
        int status = original.getStatus();
        String type = status == 404 ? "not-found" : "http-" + status;
        return Problem.of(status, type, e.getMessage(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error", e);
        return Problem.of(Status.INTERNAL_SERVER_ERROR.getStatusCode(), "internal-error",
                "something went wrong on our side; it has been logged", List.of()).toResponse();
    }

    /** "create.request.address.postalCode" -> "address.postalCode": the JSON field, not the Java method. */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = StreamSupport.stream(path.spliterator(), false).toList();
        return nodes.stream()
                .dropWhile(n -> n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.PARAMETER)
                .map(n -> n.getIndex() != null ? n.getName() + "[" + n.getIndex() + "]" : n.getName())
                .filter(name -> name != null && !name.isEmpty() && !name.startsWith("<"))
                .collect(Collectors.joining("."))
                .transform(field -> field.isEmpty() && !nodes.isEmpty() ? nodes.get(nodes.size() - 1).getName() : field);
    }

    /** "NotBlank" -> "not-blank": a stable rule id a client can switch on. */
    static String ruleOf(ConstraintViolation<?> violation) {
        String name = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "UUID" -> "id (UUID)";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "List", "Set" -> "list";
            default -> type.isEnum() ? "known value" : type.getSimpleName();
        };
    }
}
