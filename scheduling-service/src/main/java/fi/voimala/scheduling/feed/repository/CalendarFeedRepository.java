package fi.voimala.scheduling.feed.repository;

import fi.voimala.scheduling.feed.CalendarFeed;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class CalendarFeedRepository implements PanacheRepositoryBase<CalendarFeed, UUID> {

    /** The feed whose secret has this hash, unless it has been revoked. */
    public Uni<CalendarFeed> findActiveByHash(String secretHash) {
        return find("secretHash = ?1 and revokedAt is null", secretHash).firstResult();
    }

    /** Revokes the professional's active feed, if any, at once (before a new one is written: one active each). */
    public Uni<Integer> revokeActiveOf(UUID professionalId, Instant at) {
        return update("revokedAt = ?1 where professionalId = ?2 and revokedAt is null", at, professionalId);
    }
}
