package fi.voimala.partners.site.rest;

import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.partners.site.SiteType;
import fi.voimala.partners.site.api.SiteApi.CloseRequest;
import fi.voimala.partners.site.api.SiteApi.SiteRequest;
import fi.voimala.partners.site.api.SiteApi.SiteView;
import fi.voimala.partners.site.service.SiteService;
import fi.voimala.partners.site.service.SiteService.Criteria;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
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

/** Sites where groups meet, hospital wards among them. */
@Path("/api/sites")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
public class SiteResource {

    @Inject
    SiteService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List sites (coordinator: all; others: their own organisation's)")
    public Uni<Page<SiteView>> list(@QueryParam("organisationId") String organisationId, @QueryParam("type") String type,
                                    @QueryParam("q") String text, @QueryParam("open") String open,
                                    @QueryParam("page") String page, @QueryParam("size") String size,
                                    @QueryParam("sort") String sort) {
        Criteria criteria = new Criteria(QueryParams.id("organisationId", organisationId),
                QueryParams.enumValue(SiteType.class, "type", type), text,
                QueryParams.bool("open", open));
        return service.list(Caller.of(identity), criteria, PageRequest.of(page, size, sort, SiteService.SORTABLE, "name"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One site")
    public Uni<SiteView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Register a site (org-admin: of its own organisation)")
    public Uni<Response> register(@Valid @NotNull SiteRequest request) {
        return service.register(Caller.of(identity), request).map(view ->
                Response.created(URI.create("/api/sites/" + view.id())).entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Change a site; send the version you read (a stale one gets 409)")
    public Uni<SiteView> update(@PathParam("id") UUID id, @Valid @NotNull SiteRequest request) {
        return service.update(Caller.of(identity), id, request);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Close a site")
    public Uni<SiteView> close(@PathParam("id") UUID id, @Valid CloseRequest request) {
        return service.close(Caller.of(identity), id, request);
    }
}
