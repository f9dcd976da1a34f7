package fi.voimala.scheduling.partner.repository;

import fi.voimala.scheduling.partner.ProfessionalCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ProfessionalCopyRepository implements PanacheRepositoryBase<ProfessionalCopy, UUID> {

    /** The professional whose login is this token subject (Keycloak user id), if any. */
    public Uni<ProfessionalCopy> findByLogin(String keycloakUserId) {
        return keycloakUserId == null ? Uni.createFrom().nullItem() : find("keycloakUserId", keycloakUserId).firstResult();
    }
}
