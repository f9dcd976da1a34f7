package fi.voimala.gateway.me;

import fi.voimala.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who the platform takes the caller to be: the same reading of the token that every service makes. */
@Path("/api/me")
@Authenticated
public class MeResource {

    /**
     * The caller as the platform sees them; {@code name} is the token's full name (null when it has none),
     * {@code organization} the Keycloak organisation alias.
     */
    public record Me(String username, String name, Set<String> roles, String organization) {
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The logged-in user's name, platform roles and organisation, read from the token")
    public Me me() {
        Caller caller = Caller.of(identity);
        String name = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("name") : null;
        return new Me(caller.username(), name, new TreeSet<>(caller.roles()), caller.organization().orElse(null));
    }
}
