package fi.voimala.scheduling.series.repository;

import fi.voimala.scheduling.series.Series;
import fi.voimala.scheduling.series.SeriesStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SeriesRepository implements PanacheRepositoryBase<Series, UUID> {

    /** The series of a pair, or at a site, that have not been cancelled. */
    public Uni<List<Series>> notCancelledOfPair(UUID pairId) {
        return list("pairId = ?1 and status <> ?2", pairId, SeriesStatus.CANCELLED.name());
    }

    public Uni<List<Series>> notCancelledAtSite(UUID siteId) {
        return list("siteId = ?1 and status <> ?2", siteId, SeriesStatus.CANCELLED.name());
    }
}
