package fi.voimala.partners.access;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test-only: an endpoint someone forgot to annotate with {@code @RolesAllowed}. DenyByDefaultTest proves that the
 * service's configuration closes it anyway.
 */
@Path("/api/test-only/forgotten")
public class UnannotatedTestResource {

    @GET
    public String open() {
        return "this should never be served";
    }
}
