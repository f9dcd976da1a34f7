package fi.voimala.scheduling.feed.rest;

import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.scheduling.feed.api.FeedApi.FeedRequest;
import fi.voimala.scheduling.feed.api.FeedApi.FeedView;
import fi.voimala.scheduling.feed.service.CalendarFeedService;
import fi.voimala.scheduling.feed.service.CalendarFeedService.Criteria;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
 * Calendar feeds: a professional's visits at a secret address that calendar apps subscribe to (GET /calendar/...).
 * The professional themself, the coordinator, or the org-admin of the professional's organisation.
 */
@Path("/api/calendar-feeds")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
public class CalendarFeedResource {

    @Inject
    CalendarFeedService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List feeds, without their addresses (coordinator: all; org-admin: its people's; professionals: their own)")
    public Uni<Page<FeedView>> list(@QueryParam("professionalId") String professionalId, @QueryParam("active") String active,
                                    @QueryParam("page") String page, @QueryParam("size") String size,
                                    @QueryParam("sort") String sort) {
        Criteria criteria = new Criteria(QueryParams.id("professionalId", professionalId), QueryParams.bool("active", active));
        return service.list(Caller.of(identity), criteria, PageRequest.of(page, size, sort, CalendarFeedService.SORTABLE, "-createdAt"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One feed, without its address")
    public Uni<FeedView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @Operation(summary = "Make a feed (default: your own) and get its secret address, shown only now; the professional's previous feed is revoked")
    public Uni<Response> create(@Valid FeedRequest request) {
        return service.create(Caller.of(identity), request).map(view ->
                Response.created(URI.create("/api/calendar-feeds/" + view.id())).entity(view).build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a feed: its address answers 404 from now on")
    public Uni<Response> revoke(@PathParam("id") UUID id) {
        return service.revoke(Caller.of(identity), id).map(done -> Response.noContent().build());
    }
}
