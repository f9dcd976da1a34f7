package fi.voimala.scheduling.partner.repository;

import fi.voimala.scheduling.partner.OrganisationCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class OrganisationCopyRepository implements PanacheRepositoryBase<OrganisationCopy, UUID> {

    /** The organisation whose Keycloak Organization alias a token's {@code organization} claim names. */
    public Uni<OrganisationCopy> findByAlias(String alias) {
        return find("keycloakAlias", alias).firstResult();
    }
}
