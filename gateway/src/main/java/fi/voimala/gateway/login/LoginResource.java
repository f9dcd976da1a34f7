package fi.voimala.gateway.login;

import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where a browser logs in and out. {@code /login} is protected, so a browser without a session is sent to
 * Keycloak (authorization code flow with PKCE) and comes back with a session cookie; the web UI then calls
 * {@code /api/...} with that cookie, and the gateway passes the session's access token on to the services.
 */
@Path("/")
public class LoginResource {

    @Inject
    OidcSession session;

    @GET
    @Path("login")
    @Authenticated
    @Operation(summary = "Browser login (code flow with PKCE); back to the start page with a session")
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }

    @GET
    @Path("logout")
    @Authenticated
    @Operation(summary = "Ends the browser session at the gateway")
    public Uni<Response> logout() {
        return session.logout().map(done -> Response.seeOther(URI.create("/")).build());
    }
}
