package fi.voimala.partners.agreement.rest;

import fi.voimala.partners.agreement.AgreementType;
import fi.voimala.partners.agreement.api.AgreementApi.AgreementRequest;
import fi.voimala.partners.agreement.api.AgreementApi.AgreementView;
import fi.voimala.partners.agreement.service.AgreementService;
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

/** Agreements between the network and its partners. */
@Path("/api/agreements")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
public class AgreementResource {

    @Inject
    AgreementService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List agreements (coordinator: all; org-admin: its own organisation's)")
    public Uni<Page<AgreementView>> list(@QueryParam("organisationId") String organisationId,
                                         @QueryParam("type") String type,
                                         @QueryParam("page") String page, @QueryParam("size") String size,
                                         @QueryParam("sort") String sort) {
        return service.list(Caller.of(identity), QueryParams.id("organisationId", organisationId),
                QueryParams.enumValue(AgreementType.class, "type", type),
                PageRequest.of(page, size, sort, AgreementService.SORTABLE, "-validFrom"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One agreement")
    public Uni<AgreementView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @RolesAllowed(PlatformRole.COORDINATOR)
    @Operation(summary = "Record an agreement")
    public Uni<Response> create(@Valid @NotNull AgreementRequest request) {
        return service.create(request).map(view ->
                Response.created(URI.create("/api/agreements/" + view.id())).entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(PlatformRole.COORDINATOR)
    @Operation(summary = "Change an agreement; send the version you read (a stale one gets 409)")
    public Uni<AgreementView> update(@PathParam("id") UUID id, @Valid @NotNull AgreementRequest request) {
        return service.update(id, request);
    }
}
