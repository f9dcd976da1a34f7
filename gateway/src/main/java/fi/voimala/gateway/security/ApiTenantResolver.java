package fi.voimala.gateway.security;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends an /api request that has no browser session to the bearer-only tenant: such a caller is a program,
 * and it must get 401 for a missing or bad token, never a redirect to Keycloak's login page.
 * Browsers that logged in keep using the default (hybrid) tenant with their session cookie.
 */
@ApplicationScoped
public class ApiTenantResolver implements TenantResolver {

    static final String BEARER_ONLY_TENANT = "api";
    private static final String SESSION_COOKIE = "q_session";

    @Override
    public String resolve(RoutingContext context) {
        boolean api = context.normalizedPath().startsWith("/api/");
        boolean hasSession = context.request().getCookie(SESSION_COOKIE) != null;
        return api && !hasSession ? BEARER_ONLY_TENANT : null;
    }
}
