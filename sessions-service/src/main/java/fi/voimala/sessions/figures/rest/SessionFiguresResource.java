package fi.voimala.sessions.figures.rest;

import fi.voimala.platform.paging.QueryParams;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.sessions.figures.api.FiguresApi.NetworkFigures;
import fi.voimala.sessions.figures.service.NetworkFiguresService;
import fi.voimala.sessions.figures.service.NetworkFiguresService.Period;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The network's session figures for dashboards: aggregates only, open to every role that reads figures. */
@Path("/api/session-figures")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL,
        PlatformRole.RESEARCHER, PlatformRole.VIEWER})
public class SessionFiguresResource {

    @Inject
    NetworkFiguresService service;

    @GET
    @Operation(summary = "Sessions planned and held, people reached (per target group), staff learning hours per"
            + " organisation and month; from/to are Helsinki dates, both included; organisationId: sessions at its sites")
    public Uni<NetworkFigures> figures(@QueryParam("from") String from, @QueryParam("to") String to,
                                       @QueryParam("organisationId") String organisationId) {
        return service.figures(new Period(QueryParams.date("from", from), QueryParams.date("to", to),
                QueryParams.id("organisationId", organisationId)));
    }
}
