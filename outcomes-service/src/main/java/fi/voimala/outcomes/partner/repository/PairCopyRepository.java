package fi.voimala.outcomes.partner.repository;

import fi.voimala.outcomes.partner.PairCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PairCopyRepository implements PanacheRepositoryBase<PairCopy, UUID> {
}
