package fi.voimala.scheduling.group.rest;

import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.scheduling.group.TargetGroup;
import fi.voimala.scheduling.group.api.GroupApi.GroupRequest;
import fi.voimala.scheduling.group.api.GroupApi.GroupView;
import fi.voimala.scheduling.group.service.GroupService;
import fi.voimala.scheduling.group.service.GroupService.Criteria;
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

/** Activity groups (toimintaryhmät): the people at a site for whom pairs run series of workshops. */
@Path("/api/groups")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
public class GroupResource {

    @Inject
    GroupService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List groups (coordinator: all; org-admin: at its organisation's sites; professionals: those their pairs run series for)")
    public Uni<Page<GroupView>> list(@QueryParam("siteId") String siteId, @QueryParam("organisationId") String organisationId,
                                     @QueryParam("targetGroup") String targetGroup, @QueryParam("q") String text,
                                     @QueryParam("page") String page, @QueryParam("size") String size,
                                     @QueryParam("sort") String sort) {
        Criteria criteria = new Criteria(QueryParams.id("siteId", siteId), QueryParams.id("organisationId", organisationId),
                QueryParams.enumValue(TargetGroup.class, "targetGroup", targetGroup), text);
        return service.list(Caller.of(identity), criteria, PageRequest.of(page, size, sort, GroupService.SORTABLE, "name"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One group")
    public Uni<GroupView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Create a group at an open site (org-admin: at its own organisation's sites)")
    public Uni<Response> create(@Valid @NotNull GroupRequest request) {
        return service.create(Caller.of(identity), request).map(view ->
                Response.created(URI.create("/api/groups/" + view.id())).entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Change a group; send the version you read (a stale one gets 409)")
    public Uni<GroupView> change(@PathParam("id") UUID id, @Valid @NotNull GroupRequest request) {
        return service.change(Caller.of(identity), id, request);
    }
}
