package fi.voimala.sessions.audit.rest;

import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.sessions.audit.AuditAction;
import fi.voimala.sessions.audit.api.AuditApi.AuditEntryView;
import fi.voimala.sessions.audit.service.AuditQuery;
import fi.voimala.sessions.audit.service.AuditQuery.Criteria;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log of participant data, for coordinators. Read only: the API has no way to change it. */
@Path("/api/audit-log")
@RolesAllowed(PlatformRole.COORDINATOR)
public class AuditLogResource {

    @Inject
    AuditQuery query;

    @GET
    @Operation(summary = "Who read or changed participant data, when, from which organisation and through which"
            + " endpoint; newest first (sort=at for oldest first)")
    public Uni<Page<AuditEntryView>> list(@QueryParam("participantId") String participantId,
                                          @QueryParam("seriesId") String seriesId, @QueryParam("actor") String actor,
                                          @QueryParam("organisation") String organisation,
                                          @QueryParam("action") String action, @QueryParam("from") String from,
                                          @QueryParam("to") String to, @QueryParam("page") String page,
                                          @QueryParam("size") String size, @QueryParam("sort") String sort) {
        Criteria criteria = new Criteria(QueryParams.id("participantId", participantId), QueryParams.id("seriesId", seriesId),
                actor, organisation, QueryParams.enumValue(AuditAction.class, "action", action),
                QueryParams.date("from", from), QueryParams.date("to", to));
        return query.list(criteria, PageRequest.of(page, size, sort, AuditQuery.SORTABLE, "-at"));
    }
}
