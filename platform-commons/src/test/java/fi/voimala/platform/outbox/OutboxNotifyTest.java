package fi.voimala.platform.outbox;

import static fi.voimala.platform.testing.KafkaTestBroker.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testapp.Db;
import fi.voimala.platform.testapp.OnVertx;
import fi.voimala.platform.testapp.TestWidgetResource;
import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Events leave right after their commit, announced by PostgreSQL (LISTEN/NOTIFY), not on the relay's next tick. The
 * profile makes the tick hourly, so within these tests a committed event can only leave because its commit was heard.
 */
@QuarkusTest
@TestProfile(OutboxNotifyTest.NoTick.class)
class OutboxNotifyTest {

    private static final Logger LOG = Logger.getLogger(OutboxNotifyTest.class);

    /** The fallback tick runs once at start and then not again during the tests. */
    public static class NoTick implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("voimala.outbox.relay-interval", "1h");
        }
    }

    /** Far below the tick (1 h here, 1 s by default); generous for a loaded build machine. */
    private static final Duration RIGHT_AFTER_COMMIT = Duration.ofSeconds(2);

    @Inject
    DataSource db;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxListener listener;

    @Test
    void aCommittedEventLeavesRightAfterItsCommitAndARolledBackOneNever() {
        awaitListening(null);
        String eventId = given().queryParam("name", "notified-" + UUID.randomUUID()).post("/test/widgets")
                .then().statusCode(200).extract().jsonPath().getString("eventId");
        awaitPublished(eventId);
        assertEquals(1, OutboxTest.withId(eventId).size(), "on Kafka once");
        LOG.infof("Commit to broker ack: %s ms", Db.strings(db, "select round(extract(epoch from"
                + " (published_at - occurred_at)) * 1000)::text from outbox_event where id = ?::uuid", eventId).get(0));

        // A rolled-back transaction announces nothing: no run starts, and its event never leaves.
        awaitNoRunUnderWay();
        long runsBefore = relay.runs();
        String rolledBack = "rolled-back-" + UUID.randomUUID();
        given().queryParam("name", rolledBack).queryParam("fail", true).post("/test/widgets").then().statusCode(409);
        String later = given().queryParam("name", "after-" + rolledBack).post("/test/widgets")
                .then().statusCode(200).extract().jsonPath().getString("eventId");
        awaitPublished(later);
        assertEquals(1, relay.runs() - runsBefore, "runs: only the committed transaction's");
        assertTrue(KafkaTestBroker.records(TestWidgetResource.TOPIC).stream()
                .noneMatch(record -> record.value().contains("\"" + rolledBack + "\"")),
                "the rolled-back event was published");
    }

    @Test
    void afterItsConnectionIsKilledTheRelayListensAgain() {
        String before = awaitListening(null);
        assertEquals(List.of("true"), Db.strings(db, "select pg_terminate_backend(pid)::text from pg_stat_activity"
                + " where datname = current_database() and application_name = ?", listener.connectionName()));

        // Back on a new connection, LISTENing (the query pg_stat_activity shows is the last one it ran).
        String after = awaitListening(before);
        assertNotEquals(before, after, "a new listening connection");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.listening", is(true));
        // The run that follows a reconnect (for commits nobody heard) is over: the next event can only leave if its
        // commit is heard on the new connection.
        awaitNoRunUnderWay();
        String eventId = given().queryParam("name", "after-reconnect-" + UUID.randomUUID()).post("/test/widgets")
                .then().statusCode(200).extract().jsonPath().getString("eventId");
        awaitPublished(eventId);
    }

    @Test
    void aBurstOfCommitsLeavesInOrderPerSubjectInFarFewerRuns() {
        awaitListening(null);
        awaitNoRunUnderWay();
        int subjects = 8;
        int perSubject = 25;
        long runsBefore = relay.runs();
        String burst = "burst-" + UUID.randomUUID();
        // One thread per subject, each committing its subject's events one transaction after the other; the subjects
        // commit at the same time, as concurrent requests would.
        ExecutorService threads = Executors.newFixedThreadPool(subjects);
        List<CompletableFuture<List<String>>> lanes = IntStream.range(0, subjects)
                .mapToObj(lane -> CompletableFuture.supplyAsync(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < perSubject; i++) {
                        int n = i;
                        ids.add(OnVertx.await(() -> Panache.withTransaction(() -> outbox.record(
                                TestWidgetResource.TOPIC, TestWidgetResource.TYPE, burst + "-" + lane,
                                Map.of("widgetId", burst + "-" + lane, "name", burst + "-" + lane + "-" + n)))).id.toString());
                    }
                    return ids;
                }, threads))
                .toList();
        List<List<String>> committed = lanes.stream().map(CompletableFuture::join).toList();
        threads.shutdown();
        int events = subjects * perSubject;

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> Db.count(db,
                "select count(*) from outbox_event where subject like ? and published_at is not null", burst + "-%")
                == events);
        List<ConsumerRecord<String, String>> arrived = KafkaTestBroker.records(TestWidgetResource.TOPIC);
        for (int lane = 0; lane < subjects; lane++) {
            String subject = burst + "-" + lane;
            List<String> order = arrived.stream().filter(record -> subject.equals(record.key()))
                    .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                    .map(record -> header(record, "ce_id"))
                    .toList();
            assertEquals(committed.get(lane), order, "subject " + subject + ": on Kafka once each, in commit order");
        }
        long runs = relay.runs() - runsBefore;
        LOG.infof("%d events committed in separate transactions, relayed in %d runs", events, runs);
        assertTrue(runs >= 1 && runs <= events / 4, events + " commits took " + runs + " runs");
        // What an operator sees: the runs counter on /q/metrics.
        awaitNoRunUnderWay();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double counted = metrics.lines().filter(line -> line.startsWith("voimala_outbox_relay_runs_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no voimala_outbox_relay_runs_total in /q/metrics"));
        assertEquals(relay.runs(), (long) counted);
    }

    /** Waits until the relay LISTENs on a connection other than {@code notPid}; returns its backend's pid. */
    private String awaitListening(String notPid) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> Db.strings(db, "select pid::text from pg_stat_activity where datname = current_database()"
                                + " and application_name = ? and query like 'LISTEN%'", listener.connectionName()),
                        pids -> pids.size() == 1 && !pids.get(0).equals(notPid) && listener.listening())
                .get(0);
    }

    private void awaitNoRunUnderWay() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> !relay.runInProgress());
    }

    private void awaitPublished(String eventId) {
        await().atMost(RIGHT_AFTER_COMMIT).pollInterval(Duration.ofMillis(20)).until(() -> Db.count(db,
                "select count(*) from outbox_event where id = ?::uuid and published_at is not null", eventId) == 1);
    }
}
