package fi.voimala.sessions.record.rest;

import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.sessions.record.api.SessionRecordApi.NewSessionRecord;
import fi.voimala.sessions.record.api.SessionRecordApi.SessionRecordChangeView;
import fi.voimala.sessions.record.api.SessionRecordApi.SessionRecordCorrection;
import fi.voimala.sessions.record.api.SessionRecordApi.SessionRecordView;
import fi.voimala.sessions.record.api.SessionRecordApi.StaffCandidate;
import fi.voimala.sessions.record.service.SessionRecordService;
import fi.voimala.sessions.record.service.SessionRecordService.Criteria;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Session records: what happened at a visit, recorded by its pair. Researchers and viewers have no access: the free
 * text of a record is not pseudonymous.
 */
@Path("/api/session-records")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
public class SessionRecordResource {

    @Inject
    SessionRecordService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List session records (coordinator: all; org-admin: of series at its organisation's sites;"
            + " artist, care professional: of the series its pairs run); from/to are Helsinki dates of the session")
    public Uni<Page<SessionRecordView>> list(@QueryParam("seriesId") String seriesId, @QueryParam("visitId") String visitId,
                                             @QueryParam("from") String from, @QueryParam("to") String to,
                                             @QueryParam("held") String held, @QueryParam("page") String page,
                                             @QueryParam("size") String size, @QueryParam("sort") String sort) {
        Criteria criteria = new Criteria(QueryParams.id("seriesId", seriesId), QueryParams.id("visitId", visitId),
                QueryParams.date("from", from), QueryParams.date("to", to), QueryParams.bool("held", held));
        return service.list(Caller.of(identity), criteria,
                PageRequest.of(page, size, sort, SessionRecordService.SORTABLE, "-startedAt"));
    }

    @GET
    @Path("/staff-candidates")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
    @Operation(summary = "Who may be named as care staff present at a visit (visitId): the register's professionals of"
            + " the organisation of its site, not its pair; for those who may record the visit")
    public Uni<List<StaffCandidate>> staffCandidates(@QueryParam("visitId") String visitId) {
        UUID visit = QueryParams.id("visitId", visitId);
        if (visit == null) {
            throw new RuleViolationException("visitId", "required", "name the visit whose session is being recorded");
        }
        return service.staffCandidates(Caller.of(identity), visit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One session record")
    public Uni<SessionRecordView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "A session record's corrections, oldest first: who, when, what changed")
    public Uni<List<SessionRecordChangeView>> history(@PathParam("id") UUID id) {
        return service.history(Caller.of(identity), id);
    }

    @POST
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
    @Operation(summary = "Record a visit's session (the visit's pair or a coordinator; once per visit)")
    public Uni<Response> record(@Valid @NotNull NewSessionRecord request) {
        return service.record(Caller.of(identity), request).map(view ->
                Response.created(URI.create("/api/session-records/" + view.id())).entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
    @Operation(summary = "Correct a session record within the correction window; send the version you read")
    public Uni<SessionRecordView> correct(@PathParam("id") UUID id, @Valid @NotNull SessionRecordCorrection request) {
        return service.correct(Caller.of(identity), id, request);
    }
}
