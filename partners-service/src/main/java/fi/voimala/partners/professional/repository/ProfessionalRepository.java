package fi.voimala.partners.professional.repository;

import fi.voimala.partners.professional.Professional;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Professionals in the partners database. */
@ApplicationScoped
public class ProfessionalRepository implements PanacheRepositoryBase<Professional, UUID> {

    public Uni<Professional> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResult();
    }

    public Uni<Professional> findByKeycloakUserId(String keycloakUserId) {
        return find("keycloakUserId", keycloakUserId).firstResult();
    }
}
