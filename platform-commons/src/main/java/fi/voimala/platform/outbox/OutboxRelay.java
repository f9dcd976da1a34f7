package fi.voimala.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>When it runs. Right after each commit that recorded an event: {@link OutboxListener} hears the commit (LISTEN/
 * NOTIFY, trigger of migration V0_4) and asks for a run. A tick every {@code voimala.outbox.relay-interval} (1 s)
 * asks too, as the fallback for what no notification announces (retries after their back-off, a missed
 * notification, rows left by another instance). Runs never overlap in one JVM: a request during a run makes exactly
 * one more run follow it, so a burst of commits costs a few runs, and none is missed. Pausing the scheduled job
 * {@code voimala-outbox-relay} (Scheduler API) pauses the notified runs too.
 *
 * <p>Several instances of a service may run against one database. A batch first takes a transaction-scoped
 * PostgreSQL advisory lock, so only one relay sends at a time (two relays sending in parallel could reorder one
 * aggregate's events); rows are claimed with {@code for update skip locked}, so even relays that bypass the lock never
 * claim the same row.
 *
 * <p>A batch sends the rows of different subjects at once, each subject's rows one after the other in position order
 * (the next only after the broker acknowledged the previous one).
 *
 * <p>Failures. When a send fails the relay asks whether the broker is reachable ({@link KafkaReachability}):
 * <ul>
 *   <li>not reachable (an outage): the row keeps its attempts, records last_error, and the run stops; an outage
 *       delays events, never parks or drops them;</li>
 *   <li>reachable (the event itself fails: too large, unknown topic, ...): the row's attempts grow, it is retried after a
 *       growing back-off, and after {@code voimala.outbox.max-attempts} it is <em>parked</em> (set aside, logged once,
 *       counted in {@code voimala_outbox_parked}) until an operator releases it. The rest of the batch goes on, up to
 *       {@link #FAILED_SENDS_PER_BATCH} such failures.</li>
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

    /** The scheduled job (the tick); pausing it pauses the notified runs too. */
    static final String RELAY_JOB = "voimala-outbox-relay";

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
    private final Vertx vertx;
    private final Scheduler scheduler;
    private final URI source;
    private final String service;
    private final int batchSize;
    private final Duration sendTimeout;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final Duration retryBackoffMax;
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    /** A run is under way in this JVM. */
    private final AtomicBoolean running = new AtomicBoolean();
    /** A run was asked for since the one under way started: one more follows it. */
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicLong runs = new AtomicLong();
    private volatile boolean stopping;

    OutboxRelay(Mutiny.SessionFactory sessions,
                @Channel("outbox") Emitter<String> emitter,
                KafkaReachability kafka,
                Vertx vertx,
                Scheduler scheduler,
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
        this.vertx = vertx;
        this.scheduler = scheduler;
        this.source = URI.create(source);
        this.service = service;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryBackoff = retryBackoff;
        this.retryBackoffMax = retryBackoffMax;
    }

    /**
     * The scheduler's entry, the fallback to the notified runs: a run on the tick's context, or, if one is under way,
     * one more after it. Never fails, so that one bad run does not surface as a scheduler error every second. Skipped
     * until the application has started: before that the messaging channels are not wired yet, and creating the
     * relay then fails ("Unable to connect an emitter with the channel 'outbox'").
     */
    @Scheduled(identity = RELAY_JOB, every = "${voimala.outbox.relay-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return requestRun(Vertx.currentContext());
    }

    /**
     * A commit recorded events (a notification): relays now, or right after the run under way. Returns at once;
     * callable from any thread.
     */
    void runSoon() {
        requestRun(null).subscribe().with(ignored -> { });
    }

    /**
     * Starts a run on {@code context} (on a new duplicated context if null) unless one is under way; then exactly
     * one more run follows that one, however many requests came meanwhile. Completes when the run it started ends,
     * at once if it started none; never fails.
     */
    private Uni<Void> requestRun(Context context) {
        wanted.set(true);
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return run(context);
    }

    /** One run; the caller holds {@link #running}, which this releases at the end (starting the next if wanted). */
    private Uni<Void> run(Context context) {
        wanted.set(false);
        // Checked after taking "running", so that a pause waiting for "running" to be free sees no run start after it.
        if (stopping || relayJobPaused()) {
            running.set(false);
            return Uni.createFrom().voidItem();
        }
        runs.incrementAndGet();
        return relayOn(context)
                .onFailure().invoke(e -> LOG.warnf("Outbox relay run failed, retried on the next run: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid()
                .eventually(() -> {
                    running.set(false);
                    if (wanted.get() && running.compareAndSet(false, true)) {
                        run(null).subscribe().with(ignored -> { });
                    }
                });
    }

    /**
     * {@link #relay()} on {@code context} (the tick's, current), or on a new duplicated context marked safe, as
     * Hibernate Reactive needs and as Quarkus' VertxContextSupport makes them, when there is none: notified runs
     * start on the listener's connection, which is no place for a session.
     */
    private Uni<Integer> relayOn(Context context) {
        if (context != null) {
            return Uni.createFrom().deferred(this::relay);
        }
        Context fresh = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(fresh, true);
        return Uni.createFrom().emitter(result -> fresh.runOnContext(ignored -> Uni.createFrom().deferred(this::relay)
                .subscribe().with(result::complete, result::fail)));
    }

    private boolean relayJobPaused() {
        try {
            return scheduler.isPaused(RELAY_JOB);
        } catch (UnsupportedOperationException e) {
            return false; // the scheduler has not started (no job at all): nothing is paused
        }
    }

    /** Relay runs started so far in this JVM (voimala_outbox_relay_runs_total). */
    long runs() {
        return runs.get();
    }

    /** A run is under way in this JVM (notified or ticked; direct {@link #relay()} calls are not counted). */
    boolean runInProgress() {
        return running.get();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Relays unpublished rows until none are left or a send fails. Returns how many rows were published; 0 also when
     * another relay holds the lock. Must be called on a Vert.x context (as the runs do). Not single-flight by itself:
     * the scheduled and notified runs go through {@link #requestRun}.
     */
    public Uni<Integer> relay() {
        return relayBatch(batchSize, true).chain(batch -> {
            // After a failure the next batch would claim the failed subject's waiting rows again: leave them to a
            // later run.
            if (batch.failed() || batch.claimed() < batchSize) {
                return count().replaceWith(batch.published());
            }
            return relay().map(more -> batch.published() + more);
        });
    }

    /** Unpublished rows (parked ones included) as last counted by a relay run: the backlog an outage builds up. */
    public long unpublished() {
        return unpublished.get();
    }

    /** Parked rows as last counted by a relay run: events that wait for an operator. */
    public long parked() {
        return parked.get();
    }

    /**
     * One transaction: claims up to {@code limit} rows, sends them (subjects at once, each subject's rows in order),
     * marks the acknowledged ones published and records the failures (see the class comment).
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
     * Failed sends (Kafka reachable) after which a batch starts no further send (sends under way finish). Each may
     * take the producer's full timeouts (10 s for a topic that does not exist): many bad rows in one batch must not
     * hold its transaction and locks for minutes. The failed rows wait until their retry time, so the next run goes
     * on with the others.
     */
    static final int FAILED_SENDS_PER_BATCH = 3;

    /**
     * What a batch has done so far. Touched only on the batch's Vert.x context (every ack is moved back there), so
     * the subjects' concurrent chains need no locking.
     */
    private static final class Progress {
        final List<UUID> published = new ArrayList<>();
        /** Failed sends, recorded in the database once every chain has ended (one session: one query at a time). */
        final List<FailedSend> failures = new ArrayList<>();
        int failedSends;
        boolean outage;
        boolean failed;
        /** Topics that acknowledged a record in this batch: their sends may go at once. */
        final Set<String> provenTopics = new HashSet<>();
        /** Per topic not yet proven, the one send under way to it; the others to that topic wait for its outcome. */
        final Map<String, Uni<Boolean>> probes = new HashMap<>();
        /** The broker check under way, shared by failures that come together. */
        Uni<Boolean> check;

        /** No new send starts: too many events failed, or Kafka is not reachable (every send would fail). */
        boolean stopped() {
            return outage || failedSends >= FAILED_SENDS_PER_BATCH;
        }
    }

    private record FailedSend(OutboxEvent row, Throwable failure, boolean reachable) {
    }

    private Uni<Batch> sendAll(Mutiny.StatelessSession session, List<OutboxEvent> rows, Executor onContext) {
        Progress progress = new Progress();
        Map<String, List<OutboxEvent>> bySubject = new LinkedHashMap<>();
        rows.forEach(row -> bySubject.computeIfAbsent(row.subject, subject -> new ArrayList<>()).add(row));
        List<Uni<Void>> chains = bySubject.values().stream()
                .map(subjectRows -> sendInOrder(subjectRows, 0, progress, onContext))
                .toList();
        Uni<Void> sent = chains.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(chains).andCollectFailures().replaceWithVoid();
        return sent
                .chain(() -> recordFailures(session, progress.failures, 0))
                .chain(() -> markPublished(session, progress.published))
                .replaceWith(() -> new Batch(rows.size(), progress.published.size(), progress.failed));
    }

    /**
     * One subject's rows, in position order, each sent once the previous one is acknowledged; a failure ends the
     * chain (the subject's later rows would reach Kafka before the failed one).
     *
     * <p>A topic takes concurrent sends only once it has acknowledged one in this batch; until then its sends go one
     * at a time. The producer's send blocks its single sending thread for up to {@code max.block.ms} while the topic's
     * metadata is missing (Kafka down, a topic that does not exist): a hundred such sends at once would take a
     * hundred times that, where one failed send tells the batch to stop (outage) or to count towards
     * {@link #FAILED_SENDS_PER_BATCH}, as when the relay sent one row at a time.
     */
    private Uni<Void> sendInOrder(List<OutboxEvent> rows, int index, Progress progress, Executor onContext) {
        if (index == rows.size() || progress.stopped()) {
            return Uni.createFrom().voidItem();
        }
        OutboxEvent row = rows.get(index);
        Uni<Boolean> acknowledged;
        if (progress.provenTopics.contains(row.topic)) {
            acknowledged = sendOne(row, progress, onContext);
        } else {
            Uni<Boolean> probe = progress.probes.get(row.topic);
            if (probe != null) {
                // Another subject's send tells whether the topic takes records; then this one is tried again.
                return probe.chain(() -> sendInOrder(rows, index, progress, onContext));
            }
            acknowledged = sendOne(row, progress, onContext)
                    .invoke(ok -> {
                        progress.probes.remove(row.topic);
                        if (ok) {
                            progress.provenTopics.add(row.topic);
                        }
                    })
                    .memoize().indefinitely();
            progress.probes.put(row.topic, acknowledged);
        }
        return acknowledged.chain(ok -> ok
                ? sendInOrder(rows, index + 1, progress, onContext)
                : Uni.createFrom().voidItem());
    }

    /** Sends one row: true once acknowledged; a failure is kept for recording (see the class comment), never raised. */
    private Uni<Boolean> sendOne(OutboxEvent row, Progress progress, Executor onContext) {
        return send(row)
                .emitOn(onContext)
                .onItemOrFailure().transformToUni((ok, failure) -> {
                    if (failure == null) {
                        progress.published.add(row.id);
                        kafka.acknowledged();
                        return Uni.createFrom().item(true);
                    }
                    progress.failed = true;
                    return reachable(progress, onContext).map(reachable -> {
                        progress.failures.add(new FailedSend(row, failure, reachable));
                        if (reachable) {
                            progress.failedSends++;
                        } else {
                            progress.outage = true;
                        }
                        return false;
                    });
                });
    }

    private Uni<Boolean> reachable(Progress progress, Executor onContext) {
        if (progress.check == null) {
            progress.check = kafka.check().emitOn(onContext)
                    .invoke(() -> progress.check = null) // a later failure asks again
                    .memoize().indefinitely();
        }
        return progress.check;
    }

    private Uni<Void> recordFailures(Mutiny.StatelessSession session, List<FailedSend> failures, int index) {
        if (index == failures.size()) {
            return Uni.createFrom().voidItem();
        }
        FailedSend failed = failures.get(index);
        return (failed.reachable()
                ? recordAttempt(session, failed.row(), failed.failure())
                // An outage is not the event's fault: it only delays it.
                : recordOutage(session, failed.row(), failed.failure()))
                .chain(() -> recordFailures(session, failures, index + 1));
    }

    /** Completes when the broker has acknowledged the record, fails when the producer has given up on it. */
    private Uni<Void> send(OutboxEvent row) {
        Uni<Void> acknowledged = Uni.createFrom().emitter(result -> {
            RecordHeaders headers = new RecordHeaders();
            if (row.traceparent != null) {
                // The recording request's trace, so that consumers continue it. SmallRye's own tracing is off on this
                // channel (tracing-enabled=false), else it would replace this with the relay run's context.
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
