package fi.voimala.partners.organisation.repository;

import fi.voimala.partners.organisation.Organisation;
import fi.voimala.platform.problem.RuleViolationException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Organisations in the partners database. */
@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    public Uni<Organisation> findByAlias(String alias) {
        return find("keycloakAlias", alias).firstResult();
    }

    /**
     * The organisation a request refers to by {@code organisationId}: it must exist and, when new things are
     * added to it, still be a member of the network; otherwise a 422 on that field.
     */
    public Uni<Organisation> requireReferenced(UUID organisationId, boolean mustBeMember) {
        return findById(organisationId).invoke(organisation -> {
            if (organisation == null) {
                throw new RuleViolationException("organisationId", "exists", "no organisation has this id");
            }
            if (mustBeMember && organisation.hasLeft()) {
                throw new RuleViolationException("organisationId", "member-organisation", "the organisation has left the network");
            }
        });
    }

    public Uni<Organisation> findByBusinessId(String businessId) {
        return find("businessId", businessId).firstResult();
    }
}
