package fi.voimala.partners.access;

import fi.voimala.partners.organisation.repository.OrganisationRepository;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Who may see and change what in the register, decided from the token (never from the request body):
 * a coordinator everything; an org-admin its own organisation's people, sites and agreements; an artist or
 * care professional their own organisation and own profile; a viewer the list of organisations only.
 * The caller's organisation is the one whose Keycloak alias the token's {@code organization} claim names.
 */
@ApplicationScoped
public class PartnerAccess {

    @Inject
    OrganisationRepository organisations;

    /**
     * What the caller is limited to. {@code organisationId}: their organisation (null for a coordinator, who is
     * not limited, or for a token naming none). {@code organisationsPeople}: they see all of its people (an
     * org-admin); otherwise only themselves, by {@code subject} (an artist or care professional).
     */
    public record Scope(boolean everything, UUID organisationId, boolean organisationsPeople, String subject) {
        /** The caller's organisation for a query; an id no row has when the caller has none (matches nothing). */
        public UUID organisationOrNone() {
            return organisationId == null ? new UUID(0, 0) : organisationId;
        }

        /** The caller's Keycloak user id for a query; a value no row has when the token has none. */
        public String subjectOrNone() {
            return subject == null ? "" : subject;
        }

        /** May see this person: anyone for a coordinator, the organisation's people for an org-admin, else oneself. */
        public boolean seesPerson(UUID personsOrganisation, String personsLogin) {
            return everything || (organisationsPeople && covers(personsOrganisation))
                    || (subject != null && subject.equals(personsLogin));
        }

        public boolean covers(UUID organisation) {
            return everything || (organisationId != null && organisationId.equals(organisation));
        }
    }

    public Uni<Scope> scopeOf(Caller caller) {
        if (caller.hasRole(PlatformRole.COORDINATOR)) {
            return Uni.createFrom().item(new Scope(true, null, true, caller.subject()));
        }
        boolean organisationsPeople = caller.hasRole(PlatformRole.ORG_ADMIN);
        if (caller.organization().isEmpty()) {
            return Uni.createFrom().item(new Scope(false, null, organisationsPeople, caller.subject()));
        }
        return organisations.findByAlias(caller.organization().get())
                .map(own -> new Scope(false, own == null ? null : own.id, organisationsPeople, caller.subject()));
    }

    /** Coordinators may act on any organisation; org-admins on their own only. */
    public Uni<Scope> requireAdminOf(Caller caller, UUID organisationId) {
        return scopeOf(caller).invoke(scope -> {
            boolean admin = caller.hasRole(PlatformRole.COORDINATOR) || caller.hasRole(PlatformRole.ORG_ADMIN);
            if (!admin || !scope.covers(organisationId)) {
                throw new ForbiddenException();
            }
        });
    }

    public static void require(boolean allowed) {
        if (!allowed) {
            throw new ForbiddenException();
        }
    }

}
