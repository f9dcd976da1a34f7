package fi.voimala.scheduling.availability.rest;

import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.AcceptedView;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.OpenWindowsView;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.WardStatementRequest;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.WardStatementView;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.WardStatementsRequest;
import fi.voimala.scheduling.availability.fhir.FhirSlots;
import fi.voimala.scheduling.availability.service.WardAvailabilityService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Ward availability: the hospitals' door (their own wards only) and what the planners read of it. The body is read
 * as text and parsed by the service, which tells one statement from {@code {"statements": [...]}} and reads FHIR.
 */
@Path("/api/ward-availability")
public class WardAvailabilityResource {

    @Inject
    WardAvailabilityService service;
    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRole.HOSPITAL_SYSTEM)
    @Operation(summary = "Publish when the caller's hospital wards can or cannot host group activity: one statement"
            + " {wardCode, from, to, state, reason} or {\"statements\": [...]}; all or none are accepted (202)")
    public Uni<Response> publishJson(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            oneOf = {WardStatementRequest.class, WardStatementsRequest.class}))) String body) {
        return service.publishJson(Caller.of(identity), body).map(WardAvailabilityResource::accepted);
    }

    @POST
    @Consumes(FhirSlots.MEDIA_TYPE)
    @RolesAllowed(PlatformRole.HOSPITAL_SYSTEM)
    @Operation(summary = "Publish ward availability as FHIR R4: a Slot or a Bundle of Slots (free: available; busy,"
            + " busy-tentative, busy-unavailable: not); the ward code in Slot.schedule.identifier.value")
    public Uni<Response> publishFhir(String body) {
        return service.publishFhir(Caller.of(identity), body).map(WardAvailabilityResource::accepted);
    }

    @GET
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.HOSPITAL_SYSTEM})
    @Operation(summary = "The statements applied (coordinator: every ward's; a hospital's org-admin or system: its own"
            + " wards'), newest first; from/to: dates in Helsinki, inclusive, overlapping the statement's window")
    public Uni<Page<WardStatementView>> list(@QueryParam("siteId") String siteId, @QueryParam("from") String from,
                                             @QueryParam("to") String to, @QueryParam("page") String page,
                                             @QueryParam("size") String size, @QueryParam("sort") String sort) {
        return service.list(Caller.of(identity), QueryParams.id("siteId", siteId), QueryParams.date("from", from),
                QueryParams.date("to", to), PageRequest.of(page, size, sort, WardAvailabilityService.SORTABLE, "-receivedAt"));
    }

    @GET
    @Path("/windows")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.HOSPITAL_SYSTEM})
    @Operation(summary = "A ward's open windows overlapping from..to (dates in Helsinki, inclusive; default: a year from today)")
    public Uni<OpenWindowsView> windows(@QueryParam("siteId") String siteId, @QueryParam("from") String from,
                                        @QueryParam("to") String to) {
        return service.windows(Caller.of(identity), QueryParams.id("siteId", siteId), QueryParams.date("from", from),
                QueryParams.date("to", to));
    }

    private static Response accepted(AcceptedView view) {
        return Response.accepted(view).build();
    }
}
