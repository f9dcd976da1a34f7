package fi.voimala.outcomes.export.rest;

import fi.voimala.outcomes.export.api.ExportApi.ExportFilters;
import fi.voimala.outcomes.export.api.ExportApi.ExportLogView;
import fi.voimala.outcomes.export.service.ResearchExport;
import fi.voimala.outcomes.export.service.ResearchExport.Csv;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Research exports (researchers and coordinators): participants' measurements as CSV, pseudonymous and only of those
 * whose consent covers research use, in long and wide shape with a codebook; each export is logged, and a
 * coordinator reads the log.
 */
@Path("/api/exports")
@RolesAllowed({PlatformRole.RESEARCHER, PlatformRole.COORDINATOR})
public class ExportResource {

    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    ResearchExport export;
    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/long")
    @Produces(CSV)
    @Operation(summary = "Long shape: a row per measurement and variable (every score and item), with the person's"
            + " pseudonymous particulars (filters: seriesId, instrumentKey, measuredFrom, measuredTo)")
    public Uni<Response> longForm(@QueryParam("seriesId") String seriesId,
                                  @QueryParam("instrumentKey") String instrumentKey,
                                  @QueryParam("measuredFrom") String measuredFrom,
                                  @QueryParam("measuredTo") String measuredTo) {
        return export.longForm(Caller.of(identity), filters(seriesId, instrumentKey, measuredFrom, measuredTo))
                .map(ExportResource::file);
    }

    @GET
    @Path("/wide")
    @Produces(CSV)
    @Operation(summary = "Wide shape: a row per participant, a column per instrument, score and time point")
    public Uni<Response> wideForm(@QueryParam("seriesId") String seriesId,
                                  @QueryParam("instrumentKey") String instrumentKey,
                                  @QueryParam("measuredFrom") String measuredFrom,
                                  @QueryParam("measuredTo") String measuredTo) {
        return export.wideForm(Caller.of(identity), filters(seriesId, instrumentKey, measuredFrom, measuredTo))
                .map(ExportResource::file);
    }

    @GET
    @Path("/codebook")
    @Produces(CSV)
    @Operation(summary = "The codebook of both shapes for the same filters: every column, its meaning, type and values")
    public Uni<Response> codebook(@QueryParam("seriesId") String seriesId,
                                  @QueryParam("instrumentKey") String instrumentKey,
                                  @QueryParam("measuredFrom") String measuredFrom,
                                  @QueryParam("measuredTo") String measuredTo) {
        return export.codebook(Caller.of(identity), filters(seriesId, instrumentKey, measuredFrom, measuredTo))
                .map(ExportResource::file);
    }

    @GET
    @Path("/log")
    @RolesAllowed(PlatformRole.COORDINATOR)
    @Operation(summary = "Who exported what and when, newest first (coordinators)")
    public Uni<Page<ExportLogView>> log(@QueryParam("page") String page, @QueryParam("size") String size) {
        return export.log(PageRequest.of(page, size, null, Map.of("at", "at"), "-at"));
    }

    private static ExportFilters filters(String seriesId, String instrumentKey, String from, String to) {
        return new ExportFilters(QueryParams.id("seriesId", seriesId),
                instrumentKey == null || instrumentKey.isBlank() ? null : instrumentKey.strip(),
                QueryParams.date("measuredFrom", from), QueryParams.date("measuredTo", to));
    }

    private static Response file(Csv csv) {
        return Response.ok(csv.text(), CSV)
                .header("Content-Disposition", "attachment; filename=\"" + csv.fileName() + "\"").build();
    }
}
