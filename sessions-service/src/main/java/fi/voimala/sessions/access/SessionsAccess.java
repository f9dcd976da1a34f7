package fi.voimala.sessions.access;

import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.sessions.partner.PairCopy;
import fi.voimala.sessions.partner.SiteCopy;
import fi.voimala.sessions.partner.repository.OrganisationCopyRepository;
import fi.voimala.sessions.partner.repository.PairCopyRepository;
import fi.voimala.sessions.partner.repository.ProfessionalCopyRepository;
import fi.voimala.sessions.partner.repository.SiteCopyRepository;
import fi.voimala.sessions.schedule.SeriesCopy;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who may see and change what in sessions, decided from the token (never from the request body), with this service's
 * own copy of the register:
 * <ul>
 *   <li>a coordinator everything (only a coordinator erases a participant or reads the audit log);</li>
 *   <li>the series' pair (its artist and care professional) enrols its participants, records its sessions and reads
 *       both;</li>
 *   <li>an org-admin reads the series at its own organisation's sites (participants, records, figures);</li>
 *   <li>a researcher reads only what is pseudonymous: participants whose consent covers research use (not withdrawn),
 *       and figures, never the free text of session records;</li>
 *   <li>a viewer only the network's figures.</li>
 * </ul>
 */
@ApplicationScoped
public class SessionsAccess {

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
     * What the caller is limited to. {@code organisationId}: the organisation of the token's {@code organization}
     * claim (null if none or unknown here); {@code admin}: an org-admin of it; {@code professionalId}: the caller's
     * own professional profile (by the token's sub), for artists and care professionals; {@code researcher}: reads
     * research-consented pseudonymous data.
     */
    public record Scope(boolean everything, UUID organisationId, boolean admin, UUID professionalId, boolean researcher) {

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

        /** Reads the series' participants and records: coordinator, its pair, the org-admin of its site. */
        public boolean reads(PairCopy pair, SiteCopy site) {
            return runs(pair) || (admin && site != null && organisationId != null && organisationId.equals(site.organisationId));
        }
    }

    public Uni<Scope> scopeOf(Caller caller) {
        boolean researcher = caller.hasRole(PlatformRole.RESEARCHER);
        if (caller.hasRole(PlatformRole.COORDINATOR)) {
            return Uni.createFrom().item(new Scope(true, null, true, null, researcher));
        }
        boolean admin = caller.hasRole(PlatformRole.ORG_ADMIN);
        Uni<UUID> organisation = caller.organization().isEmpty() ? Uni.createFrom().nullItem()
                : organisations.findByAlias(caller.organization().get()).map(own -> own == null ? null : own.id);
        boolean professional = caller.hasRole(PlatformRole.ARTIST) || caller.hasRole(PlatformRole.CARE_PROFESSIONAL);
        return organisation.chain(own -> professional
                ? professionals.findByLogin(caller.subject()).map(me -> new Scope(false, own, admin,
                        me == null ? null : me.id, researcher))
                : Uni.createFrom().item(new Scope(false, own, admin, null, researcher)));
    }

    /** The series' pair and site (from the copies), for a check with {@link Scope#runs} or {@link Scope#reads}. */
    public Uni<SeriesParties> partiesOf(SeriesCopy series) {
        return pairs.findById(series.pairId).chain(pair -> sites.findById(series.siteId)
                .map(site -> new SeriesParties(pair, site)));
    }

    public record SeriesParties(PairCopy pair, SiteCopy site) {
    }

    /**
     * Limits a query on something of a series (an entity with {@code seriesId}) to the series the caller reads, in
     * the query itself: all (coordinator); those at its organisation's sites (org-admin); those its pairs run
     * (artist, care professional); a person with both roles, both. A researcher's own limits are the caller's to add.
     */
    public static void limitToSeriesRead(Filter filter, Scope scope) {
        if (scope.everything()) {
            return;
        }
        List<String> any = new ArrayList<>();
        if (scope.admin()) {
            any.add("seriesId in (select s.id from SeriesCopy s where s.siteId in"
                    + " (select si.id from SiteCopy si where si.organisationId = :own))");
            filter.parameters().and("own", scope.organisationOrNone());
        }
        any.add("seriesId in (select s.id from SeriesCopy s where s.pairId in (select p.id from PairCopy p"
                + " where p.artsProfessionalId = :me or p.careProfessionalId = :me))");
        filter.parameters().and("me", scope.professionalOrNone());
        filter.where("(" + String.join(" or ", any) + ")");
    }

    public static void require(boolean allowed) {
        if (!allowed) {
            throw new ForbiddenException();
        }
    }
}
