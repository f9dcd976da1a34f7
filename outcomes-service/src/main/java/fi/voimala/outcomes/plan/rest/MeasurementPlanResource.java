package fi.voimala.outcomes.plan.rest;

import fi.voimala.outcomes.plan.api.MeasurementPlanApi.PlanRequest;
import fi.voimala.outcomes.plan.api.MeasurementPlanApi.PlanView;
import fi.voimala.outcomes.plan.service.MeasurementPlanService;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A series' measurement plan: which instruments at which time points, with windows. The series' pair or a coordinator
 * writes it; those who read the series and researchers read it.
 */
@Path("/api/measurement-plans/{seriesId}")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL,
        PlatformRole.RESEARCHER})
public class MeasurementPlanResource {

    @Inject
    MeasurementPlanService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "The series' plan with its windows' dates")
    public Uni<PlanView> get(@PathParam("seriesId") UUID seriesId) {
        return service.get(Caller.of(identity), seriesId);
    }

    @PUT
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
    @Operation(summary = "Create or replace the series' plan (its pair or a coordinator); send the version you read")
    public Uni<PlanView> put(@PathParam("seriesId") UUID seriesId, @Valid @NotNull PlanRequest request) {
        return service.put(Caller.of(identity), seriesId, request);
    }
}
