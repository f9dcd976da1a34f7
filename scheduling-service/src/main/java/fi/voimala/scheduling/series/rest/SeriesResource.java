package fi.voimala.scheduling.series.rest;

import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.scheduling.series.SeriesStatus;
import fi.voimala.scheduling.series.api.SeriesApi.CancelRequest;
import fi.voimala.scheduling.series.api.SeriesApi.PauseRequest;
import fi.voimala.scheduling.series.api.SeriesApi.ResumeRequest;
import fi.voimala.scheduling.series.api.SeriesApi.SeriesPreview;
import fi.voimala.scheduling.series.api.SeriesApi.SeriesChangeRequest;
import fi.voimala.scheduling.series.api.SeriesApi.SeriesRequest;
import fi.voimala.scheduling.series.api.SeriesApi.SeriesView;
import fi.voimala.scheduling.series.api.SeriesApi.ShortenRequest;
import fi.voimala.scheduling.series.service.SeriesService;
import fi.voimala.scheduling.series.service.SeriesService.Criteria;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Series of workshops: a pair's programme for one group, with its visits generated on its rhythm. */
@Path("/api/series")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
public class SeriesResource {

    @Inject
    SeriesService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List series (coordinator: all; org-admin: at its organisation's sites; professionals: their own pairs')")
    public Uni<Page<SeriesView>> list(@QueryParam("groupId") String groupId, @QueryParam("pairId") String pairId,
                                      @QueryParam("siteId") String siteId, @QueryParam("status") String status,
                                      @QueryParam("page") String page, @QueryParam("size") String size,
                                      @QueryParam("sort") String sort) {
        Criteria criteria = new Criteria(QueryParams.id("groupId", groupId), QueryParams.id("pairId", pairId),
                QueryParams.id("siteId", siteId), QueryParams.enumValue(SeriesStatus.class, "status", status));
        return service.list(Caller.of(identity), criteria, PageRequest.of(page, size, sort, SeriesService.SORTABLE, "firstDate"));
    }

    @POST
    @Path("/preview")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "What planning this series would make: its visits and the dates on its rhythm that get none, and why; written nowhere")
    public Uni<SeriesPreview> preview(@Valid @NotNull SeriesRequest request) {
        return service.preview(Caller.of(identity), request);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One series, with the counts of its visits")
    public Uni<SeriesView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Plan a series: its visits are generated, skipping Finnish public holidays, absences and closed ward windows")
    public Uni<Response> plan(@Valid @NotNull SeriesRequest request) {
        return service.plan(Caller.of(identity), request).map(view ->
                Response.created(URI.create("/api/series/" + view.id())).entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Change a series' art forms or the reason for its length; send the version you read")
    public Uni<SeriesView> change(@PathParam("id") UUID id, @Valid @NotNull SeriesChangeRequest request) {
        return service.change(Caller.of(identity), id, request);
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Pause a series from a date on: its visits from then on are cancelled")
    public Uni<SeriesView> pause(@PathParam("id") UUID id, @Valid @NotNull PauseRequest request) {
        return service.pause(Caller.of(identity), id, request);
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Resume a paused series: the sessions still missing are planned again")
    public Uni<SeriesView> resume(@PathParam("id") UUID id, @Valid ResumeRequest request) {
        return service.resume(Caller.of(identity), id, request);
    }

    @POST
    @Path("/{id}/shorten")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Shorten a series: the last scheduled visits beyond the new number are cancelled")
    public Uni<SeriesView> shorten(@PathParam("id") UUID id, @Valid @NotNull ShortenRequest request) {
        return service.shorten(Caller.of(identity), id, request);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Cancel a series: its scheduled visits are cancelled with the reason")
    public Uni<SeriesView> cancel(@PathParam("id") UUID id, @Valid @NotNull CancelRequest request) {
        return service.cancel(Caller.of(identity), id, request);
    }
}
