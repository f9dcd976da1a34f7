package fi.voimala.outcomes.access;

import fi.voimala.outcomes.partner.PairCopy;
import fi.voimala.outcomes.partner.SiteCopy;
import fi.voimala.outcomes.partner.repository.OrganisationCopyRepository;
import fi.voimala.outcomes.partner.repository.PairCopyRepository;
import fi.voimala.outcomes.partner.repository.ProfessionalCopyRepository;
import fi.voimala.outcomes.partner.repository.SiteCopyRepository;
import fi.voimala.outcomes.schedule.SeriesCopy;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who may see and change what in outcomes, decided from the token (never from the request body), with this service's
 * own copy of the register:
 * <ul>
 *   <li>a coordinator everything (only a coordinator imports instruments);</li>
 *   <li>the series' pair (its artist and care professional) plans its measurements, enters them and reads them and the
 *       series' outcomes;</li>
 *   <li>an org-admin reads the measurements and outcomes of the series at its own organisation's sites;</li>
 *   <li>a researcher and a viewer read outcomes network-wide, with every figure about fewer than five people
 *       suppressed; a researcher also exports pseudonymous data of research-consented participants.</li>
 * </ul>
 */
@ApplicationScoped
public class OutcomesAccess {

    /** An id no row has: a query limited to it matches nothing. */
    public static final UUID NONE = new UUID(0, 0);

    @Inject
    OrganisationCopyRepository organisations;
    @Inject
    ProfessionalCopyRepository professionals;
    @Inject
    PairCopyRepository pairs;
    @Inject
    SiteCopyRepository sites;

    /**
     * What the caller is limited to. {@code everything}: a coordinator; {@code network}: reads outcomes of every
     * series, suppressed below five people (researcher, viewer); {@code organisationId}: the organisation of the
     * token's {@code organization} claim (null if none or unknown here); {@code admin}: an org-admin of it;
     * {@code professionalId}: the caller's own professional profile (by the token's sub), for artists and care
     * professionals.
     */
    public record Scope(boolean everything, boolean network, UUID organisationId, boolean admin, UUID professionalId) {

        public UUID organisationOrNone() {
            return organisationId == null ? NONE : organisationId;
        }

        public UUID professionalOrNone() {
            return professionalId == null ? NONE : professionalId;
        }

        /** Runs the series: coordinator, or one of the series' pair. */
        public boolean runs(PairCopy pair) {
            return everything || (pair != null && pair.includes(professionalId));
        }

        /** Reads the series' measurements: coordinator, its pair, the org-admin of its site. */
        public boolean reads(PairCopy pair, SiteCopy site) {
            return runs(pair) || (admin && site != null && organisationId != null && organisationId.equals(site.organisationId));
        }

        /** Figures about fewer than five people are shown as suppressed (researcher, viewer). */
        public boolean suppressesSmallFigures() {
            return !everything && network;
        }
    }

    public Uni<Scope> scopeOf(Caller caller) {
        if (caller.hasRole(PlatformRole.COORDINATOR)) {
            return Uni.createFrom().item(new Scope(true, true, null, true, null));
        }
        boolean network = caller.hasRole(PlatformRole.RESEARCHER) || caller.hasRole(PlatformRole.VIEWER);
        boolean admin = caller.hasRole(PlatformRole.ORG_ADMIN);
        Uni<UUID> organisation = caller.organization().isEmpty() ? Uni.createFrom().nullItem()
                : organisations.findByAlias(caller.organization().get()).map(own -> own == null ? null : own.id);
        boolean professional = caller.hasRole(PlatformRole.ARTIST) || caller.hasRole(PlatformRole.CARE_PROFESSIONAL);
        return organisation.chain(own -> professional
                ? professionals.findByLogin(caller.subject()).map(me -> new Scope(false, network, own, admin,
                        me == null ? null : me.id))
                : Uni.createFrom().item(new Scope(false, network, own, admin, null)));
    }

    /** The series' pair and site (from the copies), for a check with {@link Scope#runs} or {@link Scope#reads}. */
    public Uni<SeriesParties> partiesOf(SeriesCopy series) {
        return pairs.findById(series.pairId).chain(pair -> sites.findById(series.siteId)
                .map(site -> new SeriesParties(pair, site)));
    }

    public record SeriesParties(PairCopy pair, SiteCopy site) {
    }

    /**
     * The series the caller reads, as a condition on a series id column (SQL, {@code column} e.g. {@code s.id}):
     * none for all (coordinator, researcher, viewer); those at its organisation's sites (org-admin); those its pairs
     * run (artist, care professional); a person with several roles, any of them. Parameters {@code :own} and
     * {@code :me} are to be bound with {@link #bind}.
     */
    public static String seriesReadCondition(Scope scope, String column) {
        if (scope.everything() || scope.network()) {
            return "true";
        }
        List<String> any = new ArrayList<>();
        if (scope.admin()) {
            any.add(column + " in (select s.id from series_copy s join site_copy si on si.id = s.site_id"
                    + " where si.organisation_id = :own)");
        }
        any.add(column + " in (select s.id from series_copy s join pair_copy p on p.id = s.pair_id"
                + " where p.arts_professional_id = :me or p.care_professional_id = :me)");
        return "(" + String.join(" or ", any) + ")";
    }

    public static void require(boolean allowed) {
        if (!allowed) {
            throw new ForbiddenException();
        }
    }
}
