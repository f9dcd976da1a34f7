package fi.voimala.sessions.participant.rest;

import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.sessions.participant.ParticipantCode;
import fi.voimala.sessions.participant.api.ParticipantApi.ErasureRequest;
import fi.voimala.sessions.participant.api.ParticipantApi.NewParticipant;
import fi.voimala.sessions.participant.api.ParticipantApi.ParticipantChange;
import fi.voimala.sessions.participant.api.ParticipantApi.ParticipantView;
import fi.voimala.sessions.participant.api.ParticipantApi.WithdrawalRequest;
import fi.voimala.sessions.participant.service.ParticipantErasureService;
import fi.voimala.sessions.participant.service.ParticipantService;
import fi.voimala.sessions.participant.service.ParticipantService.Criteria;
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
 * Participants: people enrolled in a series under a pseudonymous code, with their consent. The series' pair enrols
 * and changes them; an org-admin of the site reads them and records a withdrawal of consent; a researcher reads those
 * whose consent covers research use; only a coordinator erases. Viewers and hospital systems have no access.
 */
@Path("/api/participants")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL,
        PlatformRole.RESEARCHER})
public class ParticipantResource {

    @Inject
    ParticipantService service;
    @Inject
    ParticipantErasureService erasure;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List participants (coordinator: all; org-admin: of series at its organisation's sites;"
            + " artist, care professional: of the series its pairs run; researcher: those whose consent covers research"
            + " use); code: as typed (its check character is checked); active: consent to take part today")
    public Uni<Page<ParticipantView>> list(@QueryParam("seriesId") String seriesId, @QueryParam("code") String code,
                                           @QueryParam("active") String active, @QueryParam("page") String page,
                                           @QueryParam("size") String size, @QueryParam("sort") String sort) {
        Criteria criteria = new Criteria(QueryParams.id("seriesId", seriesId), typedCode(code),
                QueryParams.bool("active", active));
        return service.list(Caller.of(identity), criteria,
                PageRequest.of(page, size, sort, ParticipantService.SORTABLE, "code"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One participant")
    public Uni<ParticipantView> get(@PathParam("id") UUID id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
    @Operation(summary = "Enrol a person into a series with their consent (the series' pair or a coordinator);"
            + " the service gives the code")
    public Uni<Response> enrol(@Valid @NotNull NewParticipant request) {
        return service.enrol(Caller.of(identity), request).map(view ->
                Response.created(URI.create("/api/participants/" + view.id())).entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
    @Operation(summary = "Change the year-of-birth band and gender; send the version you read")
    public Uni<ParticipantView> change(@PathParam("id") UUID id, @Valid @NotNull ParticipantChange request) {
        return service.change(Caller.of(identity), id, request);
    }

    /** The one change to participant data an org-admin may make: the care unit is often who hears it from the person. */
    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL})
    @Operation(summary = "Record a withdrawal of consent from a date on (the series' pair, the org-admin of its site,"
            + " a coordinator)")
    public Uni<ParticipantView> withdraw(@PathParam("id") UUID id, @Valid @NotNull WithdrawalRequest request) {
        return service.withdraw(Caller.of(identity), id, request);
    }

    @POST
    @Path("/{id}/erasure")
    @RolesAllowed(PlatformRole.COORDINATOR)
    @Operation(summary = "Erase a participant's data here and tell every service to erase theirs (coordinator, with a"
            + " reason)")
    public Uni<Response> erase(@PathParam("id") UUID id, @Valid @NotNull ErasureRequest request) {
        return erasure.erase(Caller.of(identity), id, request).map(nothing -> Response.noContent().build());
    }

    /** A code as typed on a tablet, normalised; a typo is a 422 on {@code code} saying what is wrong. */
    private static String typedCode(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return ParticipantCode.parse(typed).value();
        } catch (ParticipantCode.Invalid invalid) {
            throw new RuleViolationException("code", invalid.rule(), invalid.getMessage());
        }
    }
}
