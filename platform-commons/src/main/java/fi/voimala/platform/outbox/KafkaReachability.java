package fi.voimala.platform.outbox;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Whether the Kafka broker answers, asked cheaply: one Admin {@code describeCluster} with a short timeout, its answer
 * remembered. The relay asks after a failed send, to tell an outage (which must only delay events) from an event that
 * fails on its own (which counts towards parking it); the readiness check shows the remembered answer. Never blocks:
 * the Admin client answers on its own thread.
 */
@ApplicationScoped
public class KafkaReachability {

    private static final Logger LOG = Logger.getLogger(KafkaReachability.class);

    /** The last answer: reachable or not, and when it was learnt. */
    public record State(boolean reachable, Instant at) {
    }

    private final Map<String, Object> kafkaConfig;
    private final String applicationName;
    private final Duration timeout;
    private final Duration maxAge;
    private final AtomicReference<State> last = new AtomicReference<>();
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile Admin admin;

    KafkaReachability(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                      @ConfigProperty(name = "quarkus.application.name", defaultValue = "voimala") String applicationName,
                      @ConfigProperty(name = "voimala.outbox.broker-check-timeout", defaultValue = "2S") Duration timeout,
                      @ConfigProperty(name = "voimala.outbox.broker-check-max-age", defaultValue = "10S") Duration maxAge) {
        this.kafkaConfig = kafkaConfig;
        this.applicationName = applicationName;
        this.timeout = timeout;
        this.maxAge = maxAge;
    }

    /** Asks the broker now (bounded by {@code voimala.outbox.broker-check-timeout}); never fails. */
    public Uni<Boolean> check() {
        // Creating the Admin client resolves addresses and starts a thread: never on the event loop.
        return Uni.createFrom().item(this::admin).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(client -> Uni.createFrom().completionStage(() -> client
                        .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                        .clusterId().toCompletionStage()))
                .replaceWith(true)
                .onFailure().recoverWithItem(false) // also no usable Kafka configuration at all
                .invoke(this::remember);
    }

    /**
     * The remembered answer, for the readiness check: returned at once; if it is older than
     * {@code voimala.outbox.broker-check-max-age} a new check starts in the background. Empty until the first answer.
     */
    public Optional<State> lastKnown() {
        State state = last.get();
        if ((state == null || state.at().isBefore(Instant.now().minus(maxAge))) && checking.compareAndSet(false, true)) {
            check().eventually(() -> checking.set(false)).subscribe().with(ignored -> { });
        }
        return Optional.ofNullable(state);
    }

    /** A send the broker acknowledged: it is reachable, no need to ask. */
    void acknowledged() {
        remember(true);
    }

    private void remember(boolean reachable) {
        State previous = last.getAndSet(new State(reachable, Instant.now()));
        if (previous == null ? !reachable : previous.reachable() != reachable) {
            if (reachable) {
                LOG.infof("Kafka is reachable again");
            } else {
                LOG.warnf("Kafka is not reachable: events wait in the outbox and are sent when it is back");
            }
        }
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    // The application's Kafka settings (bootstrap servers, security), only those an Admin client knows.
                    Map<String, Object> config = new HashMap<>();
                    kafkaConfig.forEach((key, value) -> {
                        if (AdminClientConfig.configNames().contains(key)) {
                            config.put(key, value);
                        }
                    });
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-reachability");
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
                    admin = Admin.create(config);
                }
                current = admin;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(1));
        }
    }
}
