package fi.voimala.gateway.login;

import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where a browser logs in. {@code /login} is protected, so a browser without a session is sent to Keycloak
 * (authorization code flow with PKCE) and comes back with a session cookie; the web UI then calls
 * {@code /api/...} with that cookie, and the gateway passes the session's access token on to the services.
 * Logging out is Quarkus OIDC's own {@code /logout} (quarkus.oidc.logout.path), which ends Keycloak's session too.
 */
@Path("/login")
public class LoginResource {

    @Inject
    SecurityIdentity identity;

    @GET
    @Authenticated
    @Operation(summary = "Browser login (code flow with PKCE); then to the page the user's role works in, with a session")
    public Response login() {
        return Response.seeOther(URI.create(landingPage(Caller.of(identity)))).build();
    }

    /**
     * The page a role works in: the pair their visits, a researcher the research page, those who follow the network
     * (coordinator, org-admin, viewer) the dashboard; anyone else the start page. Of several roles, the first here.
     */
    static String landingPage(Caller caller) {
        if (caller.hasRole(PlatformRole.COORDINATOR) || caller.hasRole(PlatformRole.ORG_ADMIN)) {
            return "/dashboard.html";
        }
        if (caller.hasRole(PlatformRole.ARTIST) || caller.hasRole(PlatformRole.CARE_PROFESSIONAL)) {
            return "/visits.html";
        }
        if (caller.hasRole(PlatformRole.RESEARCHER)) {
            return "/research.html";
        }
        if (caller.hasRole(PlatformRole.VIEWER)) {
            return "/dashboard.html";
        }
        return "/";
    }
}
