package fi.voimala.partners.organisation.rest;

import fi.voimala.partners.organisation.Sector;
import fi.voimala.partners.organisation.api.OrganisationApi.LeaveRequest;
import fi.voimala.partners.organisation.api.OrganisationApi.OrganisationRequest;
import fi.voimala.partners.organisation.api.OrganisationApi.OrganisationView;
import fi.voimala.partners.organisation.service.OrganisationService;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
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

/** The network's partner organisations. */
@Path("/api/organisations")
public class OrganisationResource {

    @Inject
    OrganisationService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.VIEWER, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST,
            PlatformRole.CARE_PROFESSIONAL})
    @Operation(summary = "List organisations (coordinators and viewers: all; others: their own)")
    public Uni<Page<OrganisationView>> list(@QueryParam("sector") String sector, @QueryParam("q") String text,
                                            @QueryParam("member") String member,
                                            @QueryParam("page") String page, @QueryParam("size") String size,
                                            @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort, OrganisationService.SORTABLE, "name");
        return service.list(Caller.of(identity), QueryParams.enumValue(Sector.class, "sector", sector), text, QueryParams.bool("member", member), request);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
    @Operation(summary = "One organisation (others than coordinators: their own only)")
    public Uni<OrganisationView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @RolesAllowed(PlatformRole.COORDINATOR)
    @Operation(summary = "An organisation joins the network")
    public Uni<Response> create(@Valid @NotNull OrganisationRequest request) {
        return service.create(request).map(view ->
                Response.created(URI.create("/api/organisations/" + view.id())).entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(PlatformRole.COORDINATOR)
    @Operation(summary = "Change an organisation; send the version you read (a stale one gets 409)")
    public Uni<OrganisationView> update(@PathParam("id") UUID id, @Valid @NotNull OrganisationRequest request) {
        return service.update(id, request);
    }

    @POST
    @Path("/{id}/leave")
    @RolesAllowed(PlatformRole.COORDINATOR)
    @Operation(summary = "The organisation leaves the network; its data stays, marked")
    public Uni<OrganisationView> leave(@PathParam("id") UUID id, @Valid LeaveRequest request) {
        return service.leave(id, request);
    }
}
