package fi.voimala.gateway.security;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Picks the OIDC tenant. A request with an {@code Authorization} header is a program's, and goes to the
 * bearer-only tenant, which requires the platform's audience ({@code voimala-api}) in the token: sending a
 * session cookie along must not let another client's token past that check. An /api request without a
 * browser session goes there too, so that it gets 401 for a missing token, never a redirect to Keycloak's login
 * page. Browsers that logged in keep using the default (hybrid) tenant with their session cookie.
 */
@ApplicationScoped
public class ApiTenantResolver implements TenantResolver {

    static final String BEARER_ONLY_TENANT = "bearer-only";

    @Override
    public String resolve(RoutingContext context) {
        if (Callers.isProgram(context.request().headers())) {
            return BEARER_ONLY_TENANT;
        }
        boolean api = context.normalizedPath().startsWith("/api/");
        return api && !SessionCookie.present(context.request().headers()) ? BEARER_ONLY_TENANT : null;
    }
}
