package fi.voimala.outcomes.partner.repository;

import fi.voimala.outcomes.partner.SiteCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SiteCopyRepository implements PanacheRepositoryBase<SiteCopy, UUID> {
}
