package fi.voimala.partners.professional.rest;

import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.partners.professional.Field;
import fi.voimala.partners.professional.Profession;
import fi.voimala.partners.professional.api.ProfessionalApi.ProfessionalRequest;
import fi.voimala.partners.professional.api.ProfessionalApi.ProfessionalView;
import fi.voimala.partners.professional.service.ProfessionalService;
import fi.voimala.partners.professional.service.ProfessionalService.Criteria;
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

/** The network's professionals. */
@Path("/api/professionals")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
public class ProfessionalResource {

    @Inject
    ProfessionalService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List professionals (coordinator: all; org-admin: own organisation's; others: themselves)")
    public Uni<Page<ProfessionalView>> list(@QueryParam("organisationId") String organisationId,
                                            @QueryParam("field") String field,
                                            @QueryParam("profession") String profession,
                                            @QueryParam("q") String text,
                                            @QueryParam("page") String page, @QueryParam("size") String size,
                                            @QueryParam("sort") String sort) {
        Criteria criteria = new Criteria(QueryParams.id("organisationId", organisationId),
                QueryParams.enumValue(Field.class, "field", field),
                QueryParams.enumValue(Profession.class, "profession", profession), text);
        return service.list(Caller.of(identity), criteria,
                PageRequest.of(page, size, sort, ProfessionalService.SORTABLE, "lastName"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One professional")
    public Uni<ProfessionalView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Register a professional (org-admin: in its own organisation)")
    public Uni<Response> register(@Valid @NotNull ProfessionalRequest request) {
        return service.register(Caller.of(identity), request).map(view ->
                Response.created(URI.create("/api/professionals/" + view.id())).entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN})
    @Operation(summary = "Change a professional; send the version you read (a stale one gets 409)")
    public Uni<ProfessionalView> update(@PathParam("id") UUID id, @Valid @NotNull ProfessionalRequest request) {
        return service.update(Caller.of(identity), id, request);
    }
}
