package fi.voimala.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Deletes what the event mechanisms no longer need: outbox rows published longer ago than
 * {@code voimala.outbox.retention} (7 days) and processed-event marks older than {@code voimala.inbox.retention}
 * (30 days; a redelivery older than that is not expected). Event payloads hold personal data, so they must not stay
 * forever. Unpublished and parked rows are never deleted.
 *
 * <p>It runs every {@code voimala.retention.prune-interval} (1 hour; {@code off} disables it) and takes its own
 * advisory lock, so that of several instances only one prunes at a time. It lives beside the outbox (not in the inbox
 * package) because one job and one lock serve both tables, and because modules without a database exclude this package.
 */
@ApplicationScoped
public class EventPruner {

    private static final Logger LOG = Logger.getLogger(EventPruner.class);

    /** Key of the pruner's advisory lock ("vprune" in ASCII), different from the relay's. */
    static final long PRUNE_LOCK = 0x7670_7275_6e65L;

    /** What one run deleted; {@code locked} is false when another instance held the lock and nothing was done. */
    public record Pruned(boolean locked, int outboxRows, int processedMarks) {
    }

    private final Mutiny.SessionFactory sessions;
    private final Duration outboxRetention;
    private final Duration inboxRetention;

    EventPruner(Mutiny.SessionFactory sessions,
                @ConfigProperty(name = "voimala.outbox.retention", defaultValue = "7d") Duration outboxRetention,
                @ConfigProperty(name = "voimala.inbox.retention", defaultValue = "30d") Duration inboxRetention) {
        this.sessions = sessions;
        this.outboxRetention = outboxRetention;
        this.inboxRetention = inboxRetention;
    }

    @Scheduled(identity = "voimala-event-pruner", every = "${voimala.retention.prune-interval:1h}",
            delayed = "${voimala.retention.prune-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return prune()
                .invoke(pruned -> {
                    if (pruned.outboxRows() + pruned.processedMarks() > 0) {
                        LOG.infof("Pruned %d published outbox rows older than %s and %d processed-event marks older"
                                + " than %s", pruned.outboxRows(), outboxRetention, pruned.processedMarks(), inboxRetention);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Pruning the outbox and processed events failed; retried at the"
                        + " next run: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One run in one transaction, under the pruner's advisory lock. Must be called on a Vert.x context. */
    public Uni<Pruned> prune() {
        Instant now = Instant.now();
        return sessions.withStatelessTransaction(session -> AdvisoryLock.tryForTransaction(session, PRUNE_LOCK)
                .chain(locked -> !locked
                        ? Uni.createFrom().item(new Pruned(false, 0, 0))
                        : session.createNativeQuery("delete from outbox_event"
                                        + " where published_at is not null and published_at < :before")
                                .setParameter("before", now.minus(outboxRetention))
                                .executeUpdate()
                                .chain(outboxRows -> session.createNativeQuery(
                                                "delete from processed_event where processed_at < :before")
                                        .setParameter("before", now.minus(inboxRetention))
                                        .executeUpdate()
                                        .map(marks -> new Pruned(true, outboxRows, marks)))));
    }
}
