package fi.voimala.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
 * the half of the transactional outbox that makes the event leave. Delivery is at least once, in order per subject.
 *
 * <p>Several instances of a service may run against one database. A tick first takes a transaction-scoped
 * PostgreSQL advisory lock, so only one relay sends at a time (two relays sending in parallel could reorder one
 * aggregate's events); rows are claimed with {@code for update skip locked}, so even relays that bypass the lock never
 * claim the same row.
 *
 * <p>Failures. When a send fails the relay asks whether the broker is reachable ({@link KafkaReachability}):
 * <ul>
 *   <li>not reachable (an outage): the row keeps its attempts, records last_error, and the tick stops; an outage
 *       delays events, never parks or drops them;</li>
 *   <li>reachable (the event itself fails: too large, unknown topic, ...): the row's attempts grow, it is retried after a
 *       growing back-off, and after {@code voimala.outbox.max-attempts} it is <em>parked</em> (set aside, logged once,
 *       counted in {@code voimala_outbox_parked}) until an operator releases it. The rest of the batch goes on.</li>
 * </ul>
 * In both cases the later rows of the same subject wait (neither sent nor counted), so one aggregate's events never
 * overtake each other; other subjects flow. A row is resent only after the producer has reported its failure, so a
 * record still buffered in the producer is not sent twice.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Key of the advisory lock that makes one relay per database the active one ("voimala" in ASCII). */
    static final long RELAY_LOCK = 0x766f696d616c61L;

    /**
     * Unpublished, unparked rows whose back-off has passed and that no earlier held row of their subject (parked, or
     * waiting for its retry) holds back; in position order. Held rows are few and indexed (outbox_event_held).
     */
    private static final String CLAIM = "select o.id, o.position, o.topic, o.type, o.subject, o.occurred_at,"
            + " o.payload::text as payload, o.published_at, o.attempts, o.last_error, o.retry_at, o.parked_at,"
            + " o.traceparent"
            + " from outbox_event o"
            + " where o.published_at is null and o.parked_at is null and (o.retry_at is null or o.retry_at <= now())"
            + " and not exists (select 1 from outbox_event h where h.subject = o.subject and h.position < o.position"
            + "   and h.published_at is null and h.attempts > 0 and (h.parked_at is not null or h.retry_at > now()))"
            + " order by o.position limit :limit for update of o skip locked";

    private final Mutiny.SessionFactory sessions;
    private final Emitter<String> emitter;
    private final KafkaReachability kafka;
    private final URI source;
    private final String service;
    private final int batchSize;
    private final Duration sendTimeout;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final Duration retryBackoffMax;
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    OutboxRelay(Mutiny.SessionFactory sessions,
                @Channel("outbox") Emitter<String> emitter,
                KafkaReachability kafka,
                @ConfigProperty(name = "voimala.events.source", defaultValue = "/voimala/${quarkus.application.name}") String source,
                @ConfigProperty(name = "quarkus.application.name") String service,
                @ConfigProperty(name = "voimala.outbox.batch-size", defaultValue = "100") int batchSize,
                @ConfigProperty(name = "voimala.outbox.send-timeout", defaultValue = "5M") Duration sendTimeout,
                @ConfigProperty(name = "voimala.outbox.max-attempts", defaultValue = "10") int maxAttempts,
                @ConfigProperty(name = "voimala.outbox.retry-backoff", defaultValue = "1S") Duration retryBackoff,
                @ConfigProperty(name = "voimala.outbox.retry-backoff-max", defaultValue = "1M") Duration retryBackoffMax) {
        this.sessions = sessions;
        this.emitter = emitter;
        this.kafka = kafka;
        this.source = URI.create(source);
        this.service = service;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryBackoff = retryBackoff;
        this.retryBackoffMax = retryBackoffMax;
    }

    /**
     * The scheduler's entry: never fails, so that one bad tick does not surface as a scheduler error every second.
     * Skipped until the application has started: before that the messaging channels are not wired yet, and creating
     * the relay then fails ("Unable to connect an emitter with the channel 'outbox'").
     */
    @Scheduled(identity = "voimala-outbox-relay", every = "${voimala.outbox.relay-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
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
            // After a failure the next batch would claim the failed subject's waiting rows again: leave them to the
            // next tick.
            if (batch.failed() || batch.claimed() < batchSize) {
                return count().replaceWith(batch.published());
            }
            return relay().map(more -> batch.published() + more);
        });
    }

    /** Unpublished rows (parked ones included) as last counted by a relay tick: the backlog an outage builds up. */
    public long unpublished() {
        return unpublished.get();
    }

    /** Parked rows as last counted by a relay tick: events that wait for an operator. */
    public long parked() {
        return parked.get();
    }

    /**
     * One transaction: claims up to {@code limit} rows, sends them one by one, marks the acknowledged ones published
     * and records the failures (see the class comment).
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
                                ? claim(session, limit).chain(rows -> sendAll(session, rows, onContext))
                                : Uni.createFrom().item(new Batch(0, 0, false))))
                .eventually(session::close));
    }

    /** Claims rows for this transaction; rows locked by another relay are skipped, not waited for. */
    Uni<List<OutboxEvent>> claim(Mutiny.StatelessSession session, int limit) {
        return session.createNativeQuery(CLAIM, OutboxEvent.class).setParameter("limit", limit).getResultList();
    }

    Uni<Boolean> tryLock(Mutiny.StatelessSession session) {
        return AdvisoryLock.tryForTransaction(session, RELAY_LOCK);
    }

    /**
     * Failed sends (Kafka reachable) after which a batch ends. Each may take the producer's full timeouts (10 s for a
     * topic that does not exist): many bad rows in one batch must not hold its transaction and locks for minutes.
     * The failed rows wait until their retry time, so the next tick goes on with the others.
     */
    static final int FAILED_SENDS_PER_BATCH = 3;

    /** What a batch has done so far. */
    private static final class Progress {
        final List<UUID> published = new ArrayList<>();
        int failedSends;
        /** Subjects whose row failed in this batch: their later rows wait. */
        final Set<String> held = new HashSet<>();
        boolean failed;
    }

    private Uni<Batch> sendAll(Mutiny.StatelessSession session, List<OutboxEvent> rows, Executor onContext) {
        Progress progress = new Progress();
        return sendFrom(session, rows, 0, progress, onContext)
                .chain(() -> markPublished(session, progress.published))
                .replaceWith(() -> new Batch(rows.size(), progress.published.size(), progress.failed));
    }

    private Uni<Void> sendFrom(Mutiny.StatelessSession session, List<OutboxEvent> rows, int index, Progress progress,
                               Executor onContext) {
        if (index == rows.size()) {
            return Uni.createFrom().voidItem();
        }
        OutboxEvent row = rows.get(index);
        if (progress.held.contains(row.subject)) {
            // An earlier event of this subject failed in this batch: sending this one would put it before that one.
            return sendFrom(session, rows, index + 1, progress, onContext);
        }
        return send(row)
                .emitOn(onContext)
                .onItemOrFailure().transformToUni((ok, failure) -> {
                    if (failure == null) {
                        progress.published.add(row.id);
                        kafka.acknowledged();
                        return sendFrom(session, rows, index + 1, progress, onContext);
                    }
                    progress.failed = true;
                    progress.held.add(row.subject);
                    return kafka.check().emitOn(onContext).chain(reachable -> reachable
                            ? recordAttempt(session, row, failure)
                                    .chain(() -> ++progress.failedSends < FAILED_SENDS_PER_BATCH
                                            ? sendFrom(session, rows, index + 1, progress, onContext)
                                            : Uni.createFrom().voidItem())
                            // An outage fails every send (each after the producer's timeouts): stop the tick here.
                            : recordOutage(session, row, failure));
                });
    }

    /** Completes when the broker has acknowledged the record, fails when the producer has given up on it. */
    private Uni<Void> send(OutboxEvent row) {
        Uni<Void> acknowledged = Uni.createFrom().emitter(result -> {
            RecordHeaders headers = new RecordHeaders();
            if (row.traceparent != null) {
                // The recording request's trace, so that consumers continue it. SmallRye's own tracing is off on this
                // channel (tracing-enabled=false), else it would replace this with the relay tick's context.
                headers.add("traceparent", row.traceparent.getBytes(StandardCharsets.US_ASCII));
            }
            OutgoingKafkaRecordMetadata<String> kafkaMetadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(row.topic)
                    .withKey(row.subject)
                    .withHeaders(headers)
                    .build();
            OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                    .withId(row.id.toString())
                    .withSource(source)
                    .withType(row.type)
                    .withSubject(row.subject)
                    .withTimestamp(row.occurredAt.atZone(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .build();
            Message<String> message = Message.of(row.payload, Metadata.of(kafkaMetadata, cloudEvent),
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

    /** The event failed while Kafka answered: one more attempt, then a back-off, or parking after the last one. */
    private Uni<Void> recordAttempt(Mutiny.StatelessSession session, OutboxEvent row, Throwable failure) {
        int attempts = row.attempts + 1;
        Instant now = Instant.now();
        boolean park = attempts >= maxAttempts;
        Instant retryAt = park ? null : now.plus(backoff(attempts));
        if (park) {
            LOG.errorf("Outbox event %s (%s, subject %s, topic %s) PARKED after %d failed attempts; later events of"
                            + " subject %s wait behind it. Fix the cause, then release it: ./voimala outbox %s"
                            + " release %s. Last error: %s",
                    row.id, row.type, row.subject, row.topic, attempts, row.subject, service, row.id, describe(failure));
        } else {
            LOG.warnf("Outbox event %s (%s, subject %s) not accepted by Kafka (attempt %d of %d, next after %s): %s",
                    row.id, row.type, row.subject, attempts, maxAttempts, retryAt, describe(failure));
        }
        return session.createMutationQuery("update OutboxEvent set attempts = :attempts, lastError = :error,"
                        + " retryAt = :retryAt, parkedAt = :parkedAt where id = :id")
                .setParameter("attempts", attempts)
                .setParameter("error", describe(failure))
                .setParameter("retryAt", retryAt)
                .setParameter("parkedAt", park ? now : null)
                .setParameter("id", row.id)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Kafka did not answer: the row waits for the broker, without counting an attempt (KafkaReachability logs it). */
    private Uni<Void> recordOutage(Mutiny.StatelessSession session, OutboxEvent row, Throwable failure) {
        LOG.debugf("Outbox event %s not sent, Kafka is not reachable: %s", row.id, describe(failure));
        return session.createMutationQuery("update OutboxEvent set lastError = :error where id = :id")
                .setParameter("error", "Kafka not reachable: " + describe(failure))
                .setParameter("id", row.id)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** retry-backoff doubled per failed attempt, capped at retry-backoff-max. */
    Duration backoff(int attempts) {
        Duration delay = retryBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : delay;
    }

    /** The failure and its causes (SmallRye wraps the producer's error in its retry's), in one line. */
    static String describe(Throwable failure) {
        StringBuilder error = new StringBuilder(String.valueOf(failure));
        for (Throwable cause = failure.getCause(); cause != null && error.length() < 2000; cause = cause.getCause()) {
            error.append("; caused by ").append(cause);
            if (cause.getCause() == cause) {
                break;
            }
        }
        return error.length() > 2000 ? error.substring(0, 2000) : error.toString();
    }

    private Uni<Void> count() {
        return sessions.openStatelessSession().chain(session -> session
                .createNativeQuery("select count(*) as unpublished, count(parked_at) as parked"
                        + " from outbox_event where published_at is null", Object[].class)
                .getSingleResult()
                .invoke(counts -> {
                    unpublished.set(((Number) counts[0]).longValue());
                    parked.set(((Number) counts[1]).longValue());
                })
                .eventually(session::close))
                .replaceWithVoid();
    }

    /** What one batch did: rows claimed, rows published, and whether a send failed. */
    record Batch(int claimed, int published, boolean failed) {
    }
}
