package fi.voimala.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The one error shape of the platform: RFC 9457 problem details, served as {@code application/problem+json}.
 * {@code violations} names each field and the rule it broke, so a client can show the error beside the field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are documented in docs/conventions.md under this base. */
    public static final String TYPE_BASE = "https://voimala.fi/problems/";

    /** One broken rule: the JSON field (dotted path for nested ones), a stable rule id, and a sentence. */
    public record Violation(String field, String rule, String message) {
    }

    public static final int UNPROCESSABLE = 422;

    public static Problem of(int status, String type, String detail, List<Violation> violations) {
        return new Problem(TYPE_BASE + type, title(status), status, detail, violations);
    }

    /** The status's reason phrase; JAX-RS's Status has none for 422. */
    static String title(int status) {
        if (status == UNPROCESSABLE) {
            return "Unprocessable Content";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
