package fi.voimala.sessions.figures.rest;

import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.sessions.figures.api.FiguresApi.SeriesAttendance;
import fi.voimala.sessions.figures.service.AttendanceService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A series' attendance (the dose): the series itself is scheduling's; the gateway routes this one path here. */
@Path("/api/series/{id}/attendance")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL,
        PlatformRole.RESEARCHER})
public class AttendanceResource {

    @Inject
    AttendanceService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Sessions held against planned and each participant's attendance (audited; a researcher sees"
            + " only participants who consented to research use)")
    public Uni<SeriesAttendance> attendance(@PathParam("id") UUID id) {
        return service.of(Caller.of(identity), id);
    }
}
