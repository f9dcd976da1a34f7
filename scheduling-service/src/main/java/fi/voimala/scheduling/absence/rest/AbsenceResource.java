package fi.voimala.scheduling.absence.rest;

import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.scheduling.absence.api.AbsenceApi.AbsenceRequest;
import fi.voimala.scheduling.absence.api.AbsenceApi.AbsenceView;
import fi.voimala.scheduling.absence.service.AbsenceService;
import fi.voimala.scheduling.absence.service.AbsenceService.Criteria;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Professionals' absences: time in which no visit may be booked for them. Coordinator: anyone's; org-admin: its own
 * organisation's people's; artists and care professionals: their own.
 */
@Path("/api/absences")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
public class AbsenceResource {

    @Inject
    AbsenceService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List absences (coordinator: all; org-admin: its people's; professionals: their own). from/to: dates in Helsinki, inclusive")
    public Uni<Page<AbsenceView>> list(@QueryParam("professionalId") String professionalId, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("page") String page,
                                       @QueryParam("size") String size, @QueryParam("sort") String sort) {
        Criteria criteria = new Criteria(QueryParams.id("professionalId", professionalId), QueryParams.date("from", from),
                QueryParams.date("to", to));
        return service.list(Caller.of(identity), criteria, PageRequest.of(page, size, sort, AbsenceService.SORTABLE, "startsAt"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One absence")
    public Uni<AbsenceView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @Operation(summary = "Record an absence; 409 naming the visit or absence it overlaps")
    public Uni<Response> create(@Valid @NotNull AbsenceRequest request) {
        return service.create(Caller.of(identity), request).map(view ->
                Response.created(URI.create("/api/absences/" + view.id())).entity(view).build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an absence: the professional's time is free again")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(Caller.of(identity), id).map(done -> Response.noContent().build());
    }
}
