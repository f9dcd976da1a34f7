package fi.voimala.gateway.login;

import io.quarkus.security.Authenticated;
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

    @GET
    @Authenticated
    @Operation(summary = "Browser login (code flow with PKCE); back to the start page with a session")
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }
}
