package fi.voimala.outcomes.measurement.rest;

import fi.voimala.outcomes.measurement.api.MeasurementApi.MeasurementCorrection;
import fi.voimala.outcomes.measurement.api.MeasurementApi.MeasurementView;
import fi.voimala.outcomes.measurement.api.MeasurementApi.NewMeasurement;
import fi.voimala.outcomes.measurement.service.MeasurementService;
import fi.voimala.outcomes.measurement.service.MeasurementService.Criteria;
import fi.voimala.outcomes.plan.TimePoint;
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

/**
 * Measurements: a participant's or staff member's answers at a time point of a series' plan, scored. The series'
 * pair (or a coordinator) enters and corrects them; the org-admin of the series' site reads them. Researchers get
 * measurements only through the research exports, pseudonymised and for research-consented participants only.
 */
@Path("/api/measurements")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
public class MeasurementResource {

    @Inject
    MeasurementService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List measurements of the series the caller reads (filters: seriesId, visitId, participantCode,"
            + " instrumentKey, timePoint)")
    public Uni<Page<MeasurementView>> list(@QueryParam("seriesId") String seriesId,
                                           @QueryParam("visitId") String visitId,
                                           @QueryParam("participantCode") String participantCode,
                                           @QueryParam("instrumentKey") String instrumentKey,
                                           @QueryParam("timePoint") String timePoint, @QueryParam("page") String page,
                                           @QueryParam("size") String size, @QueryParam("sort") String sort) {
        Criteria criteria = new Criteria(QueryParams.id("seriesId", seriesId), QueryParams.id("visitId", visitId),
                participantCode == null || participantCode.isBlank() ? null : participantCode,
                instrumentKey == null || instrumentKey.isBlank() ? null : instrumentKey,
                QueryParams.enumValue(TimePoint.class, "timePoint", timePoint));
        return service.list(Caller.of(identity), criteria,
                PageRequest.of(page, size, sort, MeasurementService.SORTABLE, "-recordedAt"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One measurement with its answers and scores")
    public Uni<MeasurementView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
    @Operation(summary = "Enter a participant's (by code) or staff member's answers at a time point of the series'"
            + " plan; scored, flagged when outside the window; the series' outcome follows")
    public Uni<Response> record(@Valid @NotNull NewMeasurement request) {
        return service.record(Caller.of(identity), request).map(view ->
                Response.created(URI.create("/api/measurements/" + view.id())).entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
    @Operation(summary = "Correct the answers or their day; send the version you read")
    public Uni<MeasurementView> correct(@PathParam("id") UUID id, @Valid @NotNull MeasurementCorrection request) {
        return service.correct(Caller.of(identity), id, request);
    }
}
