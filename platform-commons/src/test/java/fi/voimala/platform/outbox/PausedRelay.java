package fi.voimala.platform.outbox;

import fi.voimala.platform.testapp.OnVertx;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Lets a test drive the outbox relay run by run: pauses the scheduled relay (which pauses the runs after commits too),
 * waits until a run already under way has ended and let go of the relay lock (a run with a failing send can take
 * seconds), and relays what earlier tests left unpublished, so that the test's own rows are the only ones a relay
 * claims.
 */
@ApplicationScoped
class PausedRelay {

    @Inject
    Scheduler scheduler;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource db;

    void pause() throws InterruptedException, SQLException {
        scheduler.pause(OutboxRelay.RELAY_JOB);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (relay.runInProgress() || !relayLockFree()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("a relay run went on for over 60 s");
            }
            Thread.sleep(100);
        }
        OnVertx.await(() -> relay.relay());
    }

    void resume() {
        scheduler.resume(OutboxRelay.RELAY_JOB);
    }

    /** Takes and at once releases the transaction-scoped lock the relay takes (autocommit ends the transaction). */
    private boolean relayLockFree() throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement tryLock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            connection.setAutoCommit(true);
            tryLock.setLong(1, OutboxRelay.RELAY_LOCK);
            try (ResultSet result = tryLock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
