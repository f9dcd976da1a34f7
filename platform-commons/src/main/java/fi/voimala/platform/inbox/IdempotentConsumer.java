package fi.voimala.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Applies an incoming event at most once per consumer. Kafka delivers at least once (a consumer restart, a rebalance
 * or a relay retry can deliver an event again), so the consumer records the event id in the same transaction as the
 * effect: either both commit or neither does, and a redelivered event is skipped.
 */
@ApplicationScoped
public class IdempotentConsumer {

    // "on conflict do nothing" relies on the primary key: a concurrent duplicate waits for the first transaction and
    // then inserts nothing (or inserts, if the first rolled back), without aborting this transaction as a caught
    // unique violation would.
    private static final String MARK = "insert into processed_event (consumer, event_id, processed_at)"
            + " values (:consumer, :eventId, now()) on conflict (consumer, event_id) do nothing";

    /**
     * In one transaction (the caller's, if there is one), marks the event as applied by {@code consumer} and runs the
     * effect. If the effect fails, the mark rolls back with it, so the event is applied on its next delivery.
     *
     * @param consumer a stable name for the consuming logic, e.g. {@code scheduling.partner-events}
     * @param eventId  the CloudEvent id (a UUID), see {@link IncomingEvents#id(Message)}
     * @param effect   the change the event causes, run in the same reactive session and transaction
     * @return true if the effect ran, false if this consumer had already applied the event
     */
    public Uni<Boolean> applyOnce(String consumer, String eventId, Supplier<Uni<Void>> effect) {
        if (consumer == null || consumer.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("A consumer name is needed"));
        }
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(eventId));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "An event id must be a UUID (the CloudEvent id), not '" + eventId + "'", e));
        }
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(MARK)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", id)
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(false)
                        : effect.get().replaceWith(true)));
    }
}
