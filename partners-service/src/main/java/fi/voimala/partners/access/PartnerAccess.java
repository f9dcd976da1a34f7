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

    /** The organisation whose data the caller is limited to; null for a coordinator, who is not limited. */
    public record Scope(boolean everything, UUID organisationId, String subject) {
        /** The caller's organisation for a query; an id no row has when the caller has none (matches nothing). */
        public UUID organisationOrNone() {
            return organisationId == null ? new UUID(0, 0) : organisationId;
        }

        public boolean covers(UUID organisation) {
            return everything || (organisationId != null && organisationId.equals(organisation));
        }
    }

    public Uni<Scope> scopeOf(Caller caller) {
        if (caller.hasRole(PlatformRole.COORDINATOR)) {
            return Uni.createFrom().item(new Scope(true, null, caller.subject()));
        }
        if (caller.organization().isEmpty()) {
            return Uni.createFrom().item(new Scope(false, null, caller.subject()));
        }
        return organisations.findByAlias(caller.organization().get())
                .map(own -> new Scope(false, own == null ? null : own.id, caller.subject()));
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

    public static boolean isPerson(Caller caller) {
        return caller.hasRole(PlatformRole.ARTIST) || caller.hasRole(PlatformRole.CARE_PROFESSIONAL);
    }

}
