package fi.voimala.partners.access;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test-only: an endpoint under /api opened to everyone with {@code @PermitAll}, as someone might by mistake.
 * DenyByDefaultTest proves that the {@code /api/*} authenticated permission still asks for a token.
 */
@Path("/api/test-only/permitted")
public class PermittedTestResource {

    @GET
    @PermitAll
    public String open() {
        return "served to callers with a token only";
    }
}
