package fi.voimala.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox rows to Kafka, in position order, and marks each one published once the broker has
 * acknowledged it. It exists because the change and its event are committed to the database, not to Kafka: this is
 * the half of the transactional outbox that makes the event leave. Delivery is at least once.
 *
 * <p>Several instances of a service may run against one database. A tick first takes a transaction-scoped
 * PostgreSQL advisory lock, so only one relay sends at a time (two relays sending in parallel could reorder one
 * aggregate's events); rows are claimed with {@code for update skip locked}, so even relays that bypass the lock never
 * claim the same row. If Kafka is down, the producer reports the failure within its delivery timeout, the row stays
 * unpublished (attempts and last_error record why) and a later tick resends it: an outage delays events, never drops
 * them. A row is resent only after the producer has reported its failure, so a record still buffered in the producer
 * is not sent twice.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Key of the advisory lock that makes one relay per database the active one ("voimala" in ASCII). */
    static final long RELAY_LOCK = 0x766f696d616c61L;

    private static final String CLAIM = "select id, position, topic, type, subject, occurred_at, payload::text as payload,"
            + " published_at, attempts, last_error from outbox_event where published_at is null"
            + " order by position limit :limit for update skip locked";

    private final Mutiny.SessionFactory sessions;
    private final Emitter<String> emitter;
    private final URI source;
    private final int batchSize;
    private final Duration sendTimeout;
    private final AtomicLong unpublished = new AtomicLong();

    OutboxRelay(Mutiny.SessionFactory sessions,
                @Channel("outbox") Emitter<String> emitter,
                @ConfigProperty(name = "voimala.events.source", defaultValue = "/voimala/${quarkus.application.name}") String source,
                @ConfigProperty(name = "voimala.outbox.batch-size", defaultValue = "100") int batchSize,
                @ConfigProperty(name = "voimala.outbox.send-timeout", defaultValue = "5M") Duration sendTimeout) {
        this.sessions = sessions;
        this.emitter = emitter;
        this.source = URI.create(source);
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    /** The scheduler's entry: never fails, so that one bad tick does not surface as a scheduler error every second. */
    @Scheduled(identity = "voimala-outbox-relay", every = "${voimala.outbox.relay-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return relay()
                .onFailure().invoke(e -> LOG.warnf("Outbox relay tick failed, retried on the next tick: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Relays unpublished rows until none are left or a send fails. Returns how many rows were published; 0 also when
     * another relay holds the lock. Must be called on a Vert.x context (as the scheduler does).
     */
    public Uni<Integer> relay() {
        return relayBatch(batchSize, true).chain(batch -> {
            if (batch.failed() || batch.claimed() < batchSize) {
                return countUnpublished().replaceWith(batch.published());
            }
            return relay().map(more -> batch.published() + more);
        });
    }

    /** Unpublished rows as last counted by a relay tick: the backlog a broker outage builds up. */
    public long unpublished() {
        return unpublished.get();
    }

    /**
     * One transaction: claims up to {@code limit} unpublished rows, sends them one by one, marks the acknowledged ones
     * published and records the first failure (the rest of the batch waits, to keep the order).
     *
     * @param exclusive take the relay advisory lock first (and do nothing if another relay holds it)
     */
    Uni<Batch> relayBatch(int limit, boolean exclusive) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().failure(new IllegalStateException("The outbox relay must run on a Vert.x context"));
        }
        // Acks arrive on the Kafka producer's thread; a reactive session may only be used on its own context.
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        return sessions.openStatelessSession().chain(session -> session
                .withTransaction(transaction -> (exclusive ? tryLock(session) : Uni.createFrom().item(true))
                        .chain(locked -> locked
                                ? claim(session, limit).chain(rows -> sendInOrder(session, rows, onContext))
                                : Uni.createFrom().item(new Batch(0, 0, false))))
                .eventually(session::close));
    }

    /** Claims unpublished rows for this transaction; rows locked by another relay are skipped, not waited for. */
    Uni<List<OutboxEvent>> claim(Mutiny.StatelessSession session, int limit) {
        return session.createNativeQuery(CLAIM, OutboxEvent.class).setParameter("limit", limit).getResultList();
    }

    Uni<Boolean> tryLock(Mutiny.StatelessSession session) {
        return session.createNativeQuery("select pg_try_advisory_xact_lock(:key)", Boolean.class)
                .setParameter("key", RELAY_LOCK).getSingleResult();
    }

    private Uni<Batch> sendInOrder(Mutiny.StatelessSession session, List<OutboxEvent> rows, Executor onContext) {
        List<UUID> published = new ArrayList<>(rows.size());
        return sendFrom(session, rows, 0, published, onContext)
                .chain(failed -> markPublished(session, published)
                        .replaceWith(new Batch(rows.size(), published.size(), failed)));
    }

    private Uni<Boolean> sendFrom(Mutiny.StatelessSession session, List<OutboxEvent> rows, int index,
                                  List<UUID> published, Executor onContext) {
        if (index == rows.size()) {
            return Uni.createFrom().item(false);
        }
        OutboxEvent row = rows.get(index);
        return send(row)
                .emitOn(onContext)
                .onItemOrFailure().transformToUni((ok, failure) -> {
                    if (failure == null) {
                        published.add(row.id);
                        return sendFrom(session, rows, index + 1, published, onContext);
                    }
                    // Stop here: sending the rows after a failed one would put them before it on Kafka.
                    LOG.warnf("Outbox event %s (%s, subject %s) not accepted by Kafka (attempt %d); it stays in the"
                            + " outbox and is retried: %s", row.id, row.type, row.subject, row.attempts + 1, failure);
                    return recordFailure(session, row, failure).replaceWith(true);
                });
    }

    /** Completes when the broker has acknowledged the record, fails when the producer has given up on it. */
    private Uni<Void> send(OutboxEvent row) {
        Uni<Void> acknowledged = Uni.createFrom().emitter(result -> {
            OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(row.topic)
                    .withKey(row.subject)
                    .build();
            OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                    .withId(row.id.toString())
                    .withSource(source)
                    .withType(row.type)
                    .withSubject(row.subject)
                    .withTimestamp(row.occurredAt.atZone(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .build();
            Message<String> message = Message.of(row.payload, Metadata.of(kafka, cloudEvent),
                    () -> {
                        result.complete(null);
                        return CompletableFuture.completedFuture(null);
                    },
                    failure -> {
                        result.fail(failure);
                        return CompletableFuture.completedFuture(null);
                    });
            try {
                emitter.send(message);
            } catch (RuntimeException e) {
                // Not handed to the producer at all (e.g. the channel is down): safe to retry later.
                result.fail(e);
            }
        });
        // A last guard against a lost callback; far beyond the producer's own timeouts, so it should never fire.
        return acknowledged.ifNoItem().after(sendTimeout)
                .failWith(() -> new IllegalStateException("No ack or nack from Kafka within " + sendTimeout));
    }

    private Uni<Void> markPublished(Mutiny.StatelessSession session, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createMutationQuery("update OutboxEvent set publishedAt = :now where id in :ids")
                .setParameter("now", Instant.now())
                .setParameter("ids", ids)
                .executeUpdate()
                .replaceWithVoid();
    }

    private Uni<Void> recordFailure(Mutiny.StatelessSession session, OutboxEvent row, Throwable failure) {
        String error = String.valueOf(failure);
        return session.createMutationQuery(
                        "update OutboxEvent set attempts = attempts + 1, lastError = :error where id = :id")
                .setParameter("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .setParameter("id", row.id)
                .executeUpdate()
                .replaceWithVoid();
    }

    private Uni<Void> countUnpublished() {
        return sessions.openStatelessSession().chain(session -> session
                .createNativeQuery("select count(*) from outbox_event where published_at is null", Long.class)
                .getSingleResult()
                .invoke(unpublished::set)
                .eventually(session::close))
                .replaceWithVoid();
    }

    /** What one batch did: rows claimed, rows published, and whether a send failed (the batch stopped there). */
    record Batch(int claimed, int published, boolean failed) {
    }
}
