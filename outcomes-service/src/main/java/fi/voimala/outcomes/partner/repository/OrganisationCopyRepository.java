package fi.voimala.outcomes.partner.repository;

import fi.voimala.outcomes.partner.OrganisationCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class OrganisationCopyRepository implements PanacheRepositoryBase<OrganisationCopy, UUID> {

    /** The organisation whose Keycloak Organization has this alias (a token's organization claim). */
    public Uni<OrganisationCopy> findByAlias(String alias) {
        return find("keycloakAlias", alias).firstResult();
    }
}
