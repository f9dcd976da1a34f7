package fi.voimala.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Wakes the relay right after a commit that recorded events, so that they leave within milliseconds rather than on
 * the next tick. The trigger of migration V0_4 notifies channel {@value #CHANNEL} when such a transaction commits
 * (never for one that rolls back); this bean LISTENs on its own PostgreSQL connection, named
 * {@code <application>-outbox-listener} in {@code pg_stat_activity}, and asks {@link OutboxRelay} for a run at each
 * notification.
 *
 * <p>The connection is built from the datasource's {@code quarkus.datasource.reactive.url}, {@code username} and
 * {@code password}. When it drops (PostgreSQL restarts, the backend is terminated) it is opened again, with a growing
 * delay up to 5 s, and LISTENs again; the relay then runs once for what was committed meanwhile. While it is down the
 * 1-s tick still relays. {@code voimala.outbox.notify=false} turns listening off (tick only).
 *
 * <p>It starts once the application has started (the relay needs the messaging channels wired) and closes at shutdown.
 */
@ApplicationScoped
public class OutboxListener {

    private static final Logger LOG = Logger.getLogger(OutboxListener.class);

    /** The channel the trigger of V0_4 notifies. */
    static final String CHANNEL = "outbox_event";

    private static final long MAX_RECONNECT_DELAY_MS = 5000;

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final boolean enabled;
    private final Optional<String> url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String applicationName;
    private volatile PgSubscriber subscriber;
    private volatile boolean listening;
    private volatile boolean stopped;

    OutboxListener(Vertx vertx, OutboxRelay relay,
                   @ConfigProperty(name = "voimala.outbox.notify", defaultValue = "true") boolean enabled,
                   @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
                   @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                   @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                   @ConfigProperty(name = "quarkus.application.name", defaultValue = "voimala") String applicationName) {
        this.vertx = vertx;
        this.relay = relay;
        this.enabled = enabled;
        this.url = url;
        this.username = username;
        this.password = password;
        this.applicationName = applicationName;
    }

    /** Whether the listening connection is up and LISTENing now (the readiness check shows it). */
    public boolean listening() {
        return listening;
    }

    /** The application_name of the listening connection, for pg_stat_activity. */
    String connectionName() {
        return applicationName + "-outbox-listener";
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.infof("Outbox relay: listening for commits is off (voimala.outbox.notify=false); it runs every"
                    + " voimala.outbox.relay-interval only");
            return;
        }
        if (url.isEmpty()) {
            LOG.warnf("Outbox relay: no quarkus.datasource.reactive.url, so it cannot listen for commits; it runs"
                    + " every voimala.outbox.relay-interval only");
            return;
        }
        PgConnectOptions options;
        try {
            options = connectOptions();
        } catch (IllegalArgumentException e) {
            LOG.warnf("Outbox relay: cannot listen for commits (%s); it runs every voimala.outbox.relay-interval only",
                    e.getMessage());
            return;
        }
        PgSubscriber pg = PgSubscriber.subscriber(vertx, options);
        pg.reconnectPolicy(this::reconnectDelay);
        pg.channel(CHANNEL)
                .subscribeHandler(ignored -> listeningAgain(pg))
                .handler(payload -> relay.runSoon());
        subscriber = pg;
        connect(pg, 0);
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        listening = false;
        PgSubscriber pg = subscriber;
        if (pg != null) {
            pg.close();
        }
    }

    private PgConnectOptions connectOptions() {
        // A list of URLs is allowed; the first is the primary. Quarkus also accepts a "vertx-reactive:" prefix.
        String first = url.get().split(",")[0].trim();
        if (first.startsWith("vertx-reactive:")) {
            first = first.substring("vertx-reactive:".length());
        }
        PgConnectOptions options = PgConnectOptions.fromUri(first);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        // Operators find (and may terminate) it by name; the keep-alive lets a dead peer close it eventually.
        options.addProperty("application_name", connectionName());
        options.setTcpKeepAlive(true);
        return options;
    }

    /** The first connection; PgSubscriber itself reconnects only a connection that was up, so retry until it is. */
    private void connect(PgSubscriber pg, int failures) {
        if (stopped) {
            return;
        }
        pg.connect().onFailure(e -> {
            if (stopped) {
                return;
            }
            long delay = reconnectDelay(failures + 1);
            if (failures == 0) {
                LOG.warnf("Outbox relay cannot listen for commits yet (%s); it runs every voimala.outbox.relay-interval"
                        + " meanwhile, and tries again", e.toString());
            }
            pg.close(); // a failed first connect leaves it half-open: connect() would do nothing
            vertx.setTimer(delay, id -> connect(pg, failures + 1));
        });
    }

    /** Called by PgSubscriber for each attempt after the connection dropped (0 first); never gives up. */
    private Long reconnectDelay(Integer attempt) {
        if (attempt == 0 && listening) {
            listening = false;
            LOG.warnf("Outbox relay lost its listening connection to PostgreSQL; reconnecting (the relay runs every"
                    + " voimala.outbox.relay-interval meanwhile)");
        }
        return Math.min(100L << Math.min(attempt, 6), MAX_RECONNECT_DELAY_MS);
    }

    /** LISTEN is in place, at start or after a reconnect. */
    private void listeningAgain(PgSubscriber pg) {
        listening = true;
        PgConnection connection = pg.actualConnection();
        if (connection != null) {
            // A server that terminates the backend says why before closing: log it here rather than as unhandled.
            connection.exceptionHandler(e -> LOG.debugf("Outbox listener connection: %s", e.toString()));
        }
        LOG.infof("Outbox relay listens for commits on PostgreSQL channel %s (connection %s)", CHANNEL,
                connectionName());
        // Rows committed while no one listened were announced to no one.
        relay.runSoon();
    }
}
