package fi.voimala.outcomes.instrument.rest;

import fi.voimala.outcomes.instrument.api.InstrumentApi.InstrumentView;
import fi.voimala.outcomes.instrument.definition.InstrumentDefinition;
import fi.voimala.outcomes.instrument.service.InstrumentCatalogue;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Instruments: questionnaires with their scoring, as versioned definitions. Everyone who works with outcomes reads
 * them (a dashboard needs to know what a score means); only a coordinator imports one.
 */
@Path("/api/instruments")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL,
        PlatformRole.RESEARCHER, PlatformRole.VIEWER})
public class InstrumentResource {

    private static final Set<String> TARGETS = Set.of("PARTICIPANT", "STAFF");

    @Inject
    InstrumentCatalogue catalogue;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Every version of every instrument (target: PARTICIPANT or STAFF)")
    public Uni<List<InstrumentView>> list(@QueryParam("target") String target) {
        if (target != null && !TARGETS.contains(target)) {
            throw new RuleViolationException("target", "one-of", "PARTICIPANT or STAFF");
        }
        return catalogue.list(target);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One instrument version with its whole definition")
    public Uni<InstrumentView> get(@PathParam("id") UUID id) {
        return catalogue.get(id);
    }

    @POST
    @RolesAllowed(PlatformRole.COORDINATOR)
    @Operation(summary = "Import a definition (a new instrument, or a new version of one, e.g. a licensed instrument"
            + " completed with its item texts); 422 names what is wrong")
    public Uni<Response> importDefinition(@NotNull InstrumentDefinition definition) {
        return catalogue.importDefinition(Caller.of(identity), definition).map(view ->
                Response.created(URI.create("/api/instruments/" + view.id())).entity(view).build());
    }
}
