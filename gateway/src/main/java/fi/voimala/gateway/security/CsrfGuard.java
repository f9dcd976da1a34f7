package fi.voimala.gateway.security;

import fi.voimala.gateway.problem.GatewayProblems;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-site request forgery: a browser adds the session cookie to any request to the gateway, including a form
 * that another site submits. So a state change (POST, PUT, PATCH, DELETE) that rides on the session cookie must
 * show that the platform's own pages sent it: the header {@code X-Requested-With: JavaScript}, which the web UI's
 * scripts send and which a cross-site form cannot (a script on another origin would need a CORS preflight that
 * the gateway never grants), and, where the browser says where the request came from ({@code Sec-Fetch-Site}),
 * the same origin. Otherwise 403 {@code csrf}. A request with an {@code Authorization} header is a program's:
 * a cross-site page cannot set that header, so it needs no proof.
 */
@ApplicationScoped
public class CsrfGuard {

    static final String PROOF_HEADER = "X-Requested-With";
    static final String PROOF_VALUE = "JavaScript";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    void register(@Observes Router router) {
        // After authentication (Quarkus' own handlers come first), before the routes to the services (order -1).
        router.route().order(-2).handler(context -> refusal(context.request().method(), context.request().headers())
                .ifPresentOrElse(reason -> GatewayProblems.send(context, GatewayProblems.csrf(reason)),
                        context::next));
    }

    /** Why this request is refused, or empty when it may pass. */
    static Optional<String> refusal(HttpMethod method, MultiMap headers) {
        if (SAFE.contains(method) || Callers.isProgram(headers) || !SessionCookie.present(headers)) {
            return Optional.empty();
        }
        String site = headers.get("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin")) {
            return Optional.of("a change made with the session cookie must come from the platform's own pages, "
                    + "not from another site (Sec-Fetch-Site: " + site + ")");
        }
        if (!PROOF_VALUE.equalsIgnoreCase(headers.get(PROOF_HEADER))) {
            return Optional.of("a change made with the session cookie needs the header " + PROOF_HEADER + ": "
                    + PROOF_VALUE + ", which the platform's own pages send");
        }
        return Optional.empty();
    }
}
