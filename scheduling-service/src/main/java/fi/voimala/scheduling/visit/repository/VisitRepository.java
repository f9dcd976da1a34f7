package fi.voimala.scheduling.visit.repository;

import fi.voimala.scheduling.visit.Visit;
import fi.voimala.scheduling.visit.VisitStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VisitRepository implements PanacheRepositoryBase<Visit, UUID> {

    /** A series' visits in time order, whatever their status. */
    public Uni<List<Visit>> ofSeries(UUID seriesId) {
        return list("seriesId = ?1 order by startsAt, id", seriesId);
    }

    /** A series' scheduled visits that start at or after {@code from}, in time order. */
    public Uni<List<Visit>> scheduledOfSeriesFrom(UUID seriesId, Instant from) {
        return list("seriesId = ?1 and status = ?2 and startsAt >= ?3 order by startsAt, id", seriesId,
                VisitStatus.SCHEDULED.name(), from);
    }

    /** Scheduled visits at a site that overlap [from, to), in time order. */
    public Uni<List<Visit>> scheduledAtSiteBetween(UUID siteId, Instant from, Instant to) {
        return list("siteId = ?1 and status = ?2 and startsAt < ?4 and endsAt > ?3 order by startsAt, id", siteId,
                VisitStatus.SCHEDULED.name(), from, to);
    }

    /** Scheduled visits of a pair from {@code from} on. */
    public Uni<List<Visit>> scheduledOfPairFrom(UUID pairId, Instant from) {
        return list("pairId = ?1 and status = ?2 and startsAt >= ?3 order by startsAt, id", pairId,
                VisitStatus.SCHEDULED.name(), from);
    }

    /** Scheduled visits at a site from {@code from} on. */
    public Uni<List<Visit>> scheduledAtSiteFrom(UUID siteId, Instant from) {
        return list("siteId = ?1 and status = ?2 and startsAt >= ?3 order by startsAt, id", siteId,
                VisitStatus.SCHEDULED.name(), from);
    }
}
