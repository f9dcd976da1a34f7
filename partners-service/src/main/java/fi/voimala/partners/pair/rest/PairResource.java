package fi.voimala.partners.pair.rest;

import fi.voimala.partners.pair.api.PairApi.DissolveRequest;
import fi.voimala.partners.pair.api.PairApi.PairRequest;
import fi.voimala.partners.pair.api.PairApi.PairView;
import fi.voimala.partners.pair.service.PairService;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Pairs (työparit) of an arts professional and a care or education professional. */
@Path("/api/pairs")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
public class PairResource {

    @Inject
    PairService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List pairs (coordinator: all; org-admin: those with its people; others: their own)")
    public Uni<Page<PairView>> list(@QueryParam("professionalId") String professionalId,
                                    @QueryParam("active") String active,
                                    @QueryParam("page") String page, @QueryParam("size") String size,
                                    @QueryParam("sort") String sort) {
        return service.list(Caller.of(identity), QueryParams.id("professionalId", professionalId), QueryParams.bool("active", active),
                PageRequest.of(page, size, sort, PairService.SORTABLE, "-formedOn"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One pair")
    public Uni<PairView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @RolesAllowed(PlatformRole.COORDINATOR)
    @Operation(summary = "Form a pair")
    public Uni<Response> form(@Valid @NotNull PairRequest request) {
        return service.form(request).map(view ->
                Response.created(URI.create("/api/pairs/" + view.id())).entity(view).build());
    }

    @POST
    @Path("/{id}/dissolve")
    @RolesAllowed(PlatformRole.COORDINATOR)
    @Operation(summary = "Dissolve a pair")
    public Uni<PairView> dissolve(@PathParam("id") UUID id, @Valid DissolveRequest request) {
        return service.dissolve(id, request);
    }
}
