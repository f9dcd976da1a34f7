package fi.voimala.partners.pair.repository;

import fi.voimala.partners.pair.Pair;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Pairs in the partners database. */
@ApplicationScoped
public class PairRepository implements PanacheRepositoryBase<Pair, UUID> {

    public Uni<Long> countActiveWith(UUID professionalId) {
        return count("(artsProfessionalId = ?1 or careProfessionalId = ?1) and dissolvedOn is null", professionalId);
    }

    public Uni<Pair> findActive(UUID artsProfessionalId, UUID careProfessionalId) {
        return find("artsProfessionalId = ?1 and careProfessionalId = ?2 and dissolvedOn is null",
                artsProfessionalId, careProfessionalId).firstResult();
    }
}
