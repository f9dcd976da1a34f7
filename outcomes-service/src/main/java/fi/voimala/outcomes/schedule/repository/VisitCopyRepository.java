package fi.voimala.outcomes.schedule.repository;

import fi.voimala.outcomes.schedule.VisitCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class VisitCopyRepository implements PanacheRepositoryBase<VisitCopy, UUID> {

    /** When the series' first and last sessions (its visits not cancelled) start; both null when none is known. */
    public record SessionSpan(Instant first, Instant last) {
    }

    public Uni<SessionSpan> sessionSpan(UUID seriesId) {
        return find("select min(v.startsAt), max(v.startsAt) from VisitCopy v where v.seriesId = ?1 and v.status <> ?2",
                seriesId, VisitCopy.CANCELLED).project(SessionSpan.class).firstResult();
    }
}
