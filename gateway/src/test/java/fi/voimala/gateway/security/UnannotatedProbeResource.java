package fi.voimala.gateway.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A JAX-RS resource that someone forgot to annotate, present only in tests: it must be closed. */
@Path("/probe/unannotated")
public class UnannotatedProbeResource {

    @GET
    public String open() {
        return "this should never be served";
    }
}
