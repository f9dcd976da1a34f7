package fi.voimala.partners.organisation.repository;

import fi.voimala.partners.organisation.Organisation;
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

    public Uni<Organisation> findByBusinessId(String businessId) {
        return find("businessId", businessId).firstResult();
    }
}
