package fi.voimala.scheduling.access;

import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import fi.voimala.scheduling.partner.ProfessionalCopy;
import fi.voimala.scheduling.partner.repository.OrganisationCopyRepository;
import fi.voimala.scheduling.partner.repository.ProfessionalCopyRepository;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who may see and change what in scheduling, decided from the token (never from the request body), with this
 * service's own copy of the register: a coordinator everything; an org-admin the groups and series at its own
 * organisation's sites and the visits at those sites or of its own people; an artist or care professional their own
 * visits, and the series and groups they run (read only); a hospital system only the availability door.
 */
@ApplicationScoped
public class SchedulingAccess {

    /** An id no row has: a query limited to it matches nothing. */
    public static final UUID NONE = new UUID(0, 0);

    @Inject
    OrganisationCopyRepository organisations;
    @Inject
    ProfessionalCopyRepository professionals;

    /**
     * What the caller is limited to. {@code organisationId}: the organisation of the token's {@code organization}
     * claim (null if none or unknown here); {@code admin}: an org-admin of it; {@code professionalId}: the caller's
     * own professional profile (by the token's sub), for artists and care professionals.
     */
    public record Scope(boolean everything, UUID organisationId, boolean admin, UUID professionalId) {

        public UUID organisationOrNone() {
            return organisationId == null ? NONE : organisationId;
        }

        public UUID professionalOrNone() {
            return professionalId == null ? NONE : professionalId;
        }

        /** May change what belongs to this organisation (its sites' groups and series): coordinator or its org-admin. */
        public boolean administers(UUID organisation) {
            return everything || (admin && organisationId != null && organisationId.equals(organisation));
        }

        /** May manage this professional's visits and absences: coordinator, or org-admin of their organisation. */
        public boolean managesPerson(UUID personsOrganisation) {
            return administers(personsOrganisation);
        }

        /** May act for this professional (absences, calendar feeds): coordinator, their org-admin, or themself. */
        public boolean actsFor(UUID professional, ProfessionalCopy person) {
            return everything || isProfessional(professional) || (person != null && managesPerson(person.organisationId));
        }

        public boolean isProfessional(UUID professional) {
            return professionalId != null && professionalId.equals(professional);
        }
    }

    public Uni<Scope> scopeOf(Caller caller) {
        if (caller.hasRole(PlatformRole.COORDINATOR)) {
            return Uni.createFrom().item(new Scope(true, null, true, null));
        }
        boolean admin = caller.hasRole(PlatformRole.ORG_ADMIN);
        Uni<UUID> organisation = caller.organization().isEmpty() ? Uni.createFrom().nullItem()
                : organisations.findByAlias(caller.organization().get()).map(own -> own == null ? null : own.id);
        boolean professional = caller.hasRole(PlatformRole.ARTIST) || caller.hasRole(PlatformRole.CARE_PROFESSIONAL);
        return organisation.chain(own -> professional
                ? professionals.findByLogin(caller.subject()).map(me -> new Scope(false, own, admin,
                        me == null ? null : me.id))
                : Uni.createFrom().item(new Scope(false, own, admin, null)));
    }

    /** The professional (null if the register no longer has them), once the caller may act for them. */
    public Uni<ProfessionalCopy> requireActsFor(Caller caller, UUID professionalId) {
        return scopeOf(caller).chain(scope -> professionals.findById(professionalId)
                .invoke(person -> require(scope.actsFor(professionalId, person))));
    }

    /**
     * Limits a list of a professional's things (absences, calendar feeds) to those the caller may act for, in the
     * query: all (coordinator); its own organisation's people's (org-admin); their own (professionals); both for a
     * person with both roles.
     */
    public static void limitToPeopleActedFor(Filter filter, Scope scope) {
        if (scope.everything()) {
            return;
        }
        List<String> any = new ArrayList<>();
        if (scope.admin()) {
            any.add("professionalId in (select p.id from ProfessionalCopy p where p.organisationId = :own)");
            filter.parameters().and("own", scope.organisationOrNone());
        }
        any.add("professionalId = :me");
        filter.parameters().and("me", scope.professionalOrNone());
        filter.where("(" + String.join(" or ", any) + ")");
    }

    public static void require(boolean allowed) {
        if (!allowed) {
            throw new ForbiddenException();
        }
    }
}
