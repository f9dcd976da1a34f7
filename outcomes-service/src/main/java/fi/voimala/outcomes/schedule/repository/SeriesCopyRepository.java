package fi.voimala.outcomes.schedule.repository;

import fi.voimala.outcomes.schedule.SeriesCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SeriesCopyRepository implements PanacheRepositoryBase<SeriesCopy, UUID> {
}
