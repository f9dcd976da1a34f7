package fi.voimala.gateway.security;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * Sends an /api request that has no browser session to the bearer-only tenant: such a caller is a program,
 * and it must get 401 for a missing or bad token, never a redirect to Keycloak's login page.
 * Browsers that logged in keep using the default (hybrid) tenant with their session cookie.
 */
@ApplicationScoped
public class ApiTenantResolver implements TenantResolver {

    static final String BEARER_ONLY_TENANT = "bearer-only";
    /** Quarkus' session cookie; a large session is split into q_session_chunk_1, _2, ... */
    private static final String SESSION_COOKIE = "q_session";

    @Override
    public String resolve(RoutingContext context) {
        boolean api = context.normalizedPath().startsWith("/api/");
        String cookies = context.request().getHeader("Cookie");
        boolean hasSession = cookies != null && Arrays.stream(cookies.split(";"))
                .anyMatch(cookie -> cookie.strip().startsWith(SESSION_COOKIE));
        return api && !hasSession ? BEARER_ONLY_TENANT : null;
    }
}
