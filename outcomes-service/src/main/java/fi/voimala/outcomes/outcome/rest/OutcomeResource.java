package fi.voimala.outcomes.outcome.rest;

import fi.voimala.outcomes.outcome.api.OutcomeApi.Filters;
import fi.voimala.outcomes.outcome.api.OutcomeApi.OutcomeBreakdown;
import fi.voimala.outcomes.outcome.api.OutcomeApi.OutcomeReport;
import fi.voimala.outcomes.outcome.service.OutcomeQuery;
import fi.voimala.outcomes.outcome.service.OutcomeQuery.BreakdownBy;
import fi.voimala.outcomes.schedule.ArtForm;
import fi.voimala.outcomes.schedule.TargetGroup;
import fi.voimala.platform.paging.QueryParams;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Outcomes: what the measurements show, by series, target group, art form, organisation and season. A coordinator,
 * researchers and viewers see the whole network (researchers and viewers with every figure about fewer than five
 * people suppressed); an org-admin its own organisation's series; the pair its own series, with each participant's
 * change.
 */
@Path("/api/outcomes")
@RolesAllowed({PlatformRole.COORDINATOR, PlatformRole.ORG_ADMIN, PlatformRole.ARTIST, PlatformRole.CARE_PROFESSIONAL,
        PlatformRole.RESEARCHER, PlatformRole.VIEWER})
public class OutcomeResource {

    @Inject
    OutcomeQuery query;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Outcomes of the series that match (seriesId, targetGroup, artForm, organisationId, season as"
            + " 2027-spring or 2027-autumn, instrumentKey): n, means, mean change, SD, 95 % CI, paired t-test, d_z,"
            + " share reaching the minimal important difference; attendance and change by dose band beside them")
    public Uni<OutcomeReport> report(@QueryParam("seriesId") String seriesId,
                                     @QueryParam("targetGroup") String targetGroup,
                                     @QueryParam("artForm") String artForm,
                                     @QueryParam("organisationId") String organisationId,
                                     @QueryParam("season") String season,
                                     @QueryParam("instrumentKey") String instrumentKey) {
        return query.report(Caller.of(identity), filters(seriesId, targetGroup, artForm, organisationId, season,
                instrumentKey));
    }

    @GET
    @Path("/breakdown")
    @Operation(summary = "The same outcomes per target group or per art form in one answer (by=targetGroup or"
            + " by=artForm; the other filters as above), each value with its number of series")
    public Uni<OutcomeBreakdown> breakdown(@QueryParam("by") String by,
                                           @QueryParam("seriesId") String seriesId,
                                           @QueryParam("targetGroup") String targetGroup,
                                           @QueryParam("artForm") String artForm,
                                           @QueryParam("organisationId") String organisationId,
                                           @QueryParam("season") String season,
                                           @QueryParam("instrumentKey") String instrumentKey) {
        BreakdownBy breakdownBy = Arrays.stream(BreakdownBy.values()).filter(b -> b.parameter.equals(by)).findFirst()
                .orElseThrow(() -> new RuleViolationException("by", "known-value", "must be targetGroup or artForm"));
        return query.breakdown(Caller.of(identity), filters(seriesId, targetGroup, artForm, organisationId, season,
                instrumentKey), breakdownBy);
    }

    private static Filters filters(String seriesId, String targetGroup, String artForm, String organisationId,
                                   String season, String instrumentKey) {
        TargetGroup group = QueryParams.enumValue(TargetGroup.class, "targetGroup", targetGroup);
        ArtForm form = QueryParams.enumValue(ArtForm.class, "artForm", artForm);
        return new Filters(QueryParams.id("seriesId", seriesId), group == null ? null : group.name(),
                form == null ? null : form.name(), QueryParams.id("organisationId", organisationId),
                blankIsNull(season), blankIsNull(instrumentKey));
    }

    private static String blankIsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
