package fi.voimala.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fi.voimala.platform.testapp.Db;
import fi.voimala.platform.testapp.OnVertx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pruning deletes exactly what may go: published outbox rows older than voimala.outbox.retention (7 days) and
 * processed-event marks older than voimala.inbox.retention (30 days). Newer ones stay, and unpublished or parked rows
 * stay however old. Rows are written with plain SQL and back-dated; the pruner is called directly (its schedule is off
 * in the tests). A second instance holding the pruner's lock makes a run do nothing.
 */
@QuarkusTest
class EventPrunerTest {

    @Inject
    EventPruner pruner;

    @Inject
    DataSource db;

    /** The unpublished and parked rows stay by design; other tests count the backlog, so they go here. */
    @AfterEach
    void removeTheRowsThatStay() {
        execute("delete from outbox_event where topic = 'pruned-topic'");
        execute("delete from processed_event where consumer = 'test.pruner'");
    }

    @Test
    void deletesOnlyPublishedRowsAndMarksOlderThanTheirRetention() {
        String oldPublished = outboxRow("now() - interval '8 days'", "null", "now() - interval '8 days'");
        String recentPublished = outboxRow("now() - interval '6 days'", "null", "now() - interval '6 days'");
        String oldUnpublished = outboxRow("null", "null", "now() - interval '60 days'");
        String oldParked = outboxRow("null", "now() - interval '50 days'", "now() - interval '60 days'");
        String oldMark = processedMark("now() - interval '31 days'");
        String recentMark = processedMark("now() - interval '29 days'");

        EventPruner.Pruned pruned = OnVertx.await(() -> pruner.prune());

        assertEquals(List.of(false, true, true, true),
                List.of(exists("outbox_event", "id", oldPublished), exists("outbox_event", "id", recentPublished),
                        exists("outbox_event", "id", oldUnpublished), exists("outbox_event", "id", oldParked)),
                "old published, recent published, old unpublished, old parked");
        assertEquals(List.of(false, true),
                List.of(exists("processed_event", "event_id", oldMark), exists("processed_event", "event_id", recentMark)),
                "old mark, recent mark");
        assertEquals(true, pruned.locked());
    }

    @Test
    void doesNothingWhileAnotherInstanceHoldsThePrunersLock() throws SQLException {
        String oldPublished = outboxRow("now() - interval '8 days'", "null", "now() - interval '8 days'");
        try (Connection other = db.getConnection(); Statement statement = other.createStatement()) {
            statement.execute("select pg_advisory_lock(" + EventPruner.PRUNE_LOCK + ")");
            try {
                EventPruner.Pruned pruned = OnVertx.await(() -> pruner.prune());
                assertFalse(pruned.locked());
                assertEquals(true, exists("outbox_event", "id", oldPublished));
            } finally {
                statement.execute("select pg_advisory_unlock(" + EventPruner.PRUNE_LOCK + ")");
            }
        }
        OnVertx.await(() -> pruner.prune());
        assertEquals(false, exists("outbox_event", "id", oldPublished));
    }

    /**
     * An outbox row of a subject of its own. An unpublished one waits for a retry a year ahead and a parked one is
     * parked, so that the running relay leaves both alone.
     */
    private String outboxRow(String publishedAt, String parkedAt, String occurredAt) {
        String id = UUID.randomUUID().toString();
        boolean waiting = "null".equals(publishedAt);
        execute("insert into outbox_event (id, topic, type, subject, occurred_at, payload, published_at, parked_at,"
                + " attempts, retry_at) values ('" + id + "', 'pruned-topic', 'fi.voimala.test.pruned.v1', 'pruned-"
                + id + "', " + occurredAt + ", '{}'::jsonb, " + publishedAt + ", " + parkedAt + ", "
                + (waiting ? 1 : 0) + ", " + (waiting ? "now() + interval '365 days'" : "null") + ")");
        return id;
    }

    private String processedMark(String processedAt) {
        String id = UUID.randomUUID().toString();
        execute("insert into processed_event (consumer, event_id, processed_at) values ('test.pruner', '" + id + "', "
                + processedAt + ")");
        return id;
    }

    private boolean exists(String table, String column, String id) {
        return Db.count(db, "select count(*) from " + table + " where " + column + " = ?::uuid", id) == 1;
    }

    private void execute(String sql) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
