package fi.voimala.scheduling.visit.rest;

import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.scheduling.visit.VisitStatus;
import fi.voimala.scheduling.visit.api.VisitApi.AddVisitRequest;
import fi.voimala.scheduling.visit.api.VisitApi.CancelRequest;
import fi.voimala.scheduling.visit.api.VisitApi.MoveRequest;
import fi.voimala.scheduling.visit.api.VisitApi.VisitView;
import fi.voimala.scheduling.visit.service.VisitService;
import fi.voimala.scheduling.visit.service.VisitService.Criteria;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Visits: the sessions of series, when and where, with the pair. */
@Path("/api/visits")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
public class VisitResource {

    @Inject
    VisitService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List visits (coordinator: all; org-admin: at its sites or of its people; professionals: their own)."
            + " from/to: dates in Helsinki, inclusive")
    public Uni<Page<VisitView>> list(@QueryParam("professionalId") String professionalId, @QueryParam("pairId") String pairId,
                                     @QueryParam("siteId") String siteId, @QueryParam("seriesId") String seriesId,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("status") String status,
                                     @QueryParam("page") String page, @QueryParam("size") String size,
                                     @QueryParam("sort") String sort) {
        Criteria criteria = new Criteria(QueryParams.id("professionalId", professionalId), QueryParams.id("pairId", pairId),
                QueryParams.id("siteId", siteId), QueryParams.id("seriesId", seriesId), QueryParams.date("from", from),
                QueryParams.date("to", to), QueryParams.enumValue(VisitStatus.class, "status", status));
        return service.list(Caller.of(identity), criteria, PageRequest.of(page, size, sort, VisitService.SORTABLE, "startsAt"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One visit")
    public Uni<VisitView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Add a visit to a series (e.g. a make-up session); 409 naming the clashing visit if the pair is booked")
    public Uni<Response> add(@Valid @NotNull AddVisitRequest request) {
        return service.add(Caller.of(identity), request).map(view ->
                Response.created(URI.create("/api/visits/" + view.id())).entity(view).build());
    }

    @POST
    @Path("/{id}/move")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Move a visit to another time, with the reason; its calendar entry keeps its UID")
    public Uni<VisitView> move(@PathParam("id") UUID id, @Valid @NotNull MoveRequest request) {
        return service.move(Caller.of(identity), id, request);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Cancel a visit, with the reason")
    public Uni<VisitView> cancel(@PathParam("id") UUID id, @Valid @NotNull CancelRequest request) {
        return service.cancel(Caller.of(identity), id, request);
    }
}
