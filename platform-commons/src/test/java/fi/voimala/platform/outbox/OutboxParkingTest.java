package fi.voimala.platform.outbox;

import static fi.voimala.platform.testing.KafkaTestBroker.header;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testapp.Db;
import fi.voimala.platform.testapp.OnVertx;
import fi.voimala.platform.testapp.TestWidgetResource;
import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One event that cannot be sent must not stop the others, nor let its own aggregate's later events overtake it. The
 * failure is real: the event's topic does not exist on the broker (which, like the platform's, creates no topics), so
 * the producer gives up on it while Kafka itself answers. The scheduled relay is paused and the tests call it tick by
 * tick; the test configuration parks after 3 attempts without back-off. "Fixing the cause" is creating the topic, and
 * the release is {@code ./voimala outbox SERVICE release EVENT_ID}, run against the test database.
 */
@QuarkusTest
class OutboxParkingTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    PausedRelay pausedRelay;

    @Inject
    DataSource db;

    @BeforeEach
    void pauseTheScheduledRelay() throws Exception {
        pausedRelay.pause();
    }

    @AfterEach
    void resumeTheScheduledRelay() {
        pausedRelay.resume();
    }

    @Test
    void aPoisonEventIsParkedWhileOtherAggregatesFlowAndItsLaterEventsWaitUntilItIsReleased() {
        String lateTopic = "platform-test-late-" + UUID.randomUUID();
        String poison = "poison-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        String p1 = record(lateTopic, poison, 1);
        String o1 = record(TestWidgetResource.TOPIC, other, 1);
        String p2 = record(lateTopic, poison, 2);
        String o2 = record(TestWidgetResource.TOPIC, other, 2);

        OnVertx.await(() -> relay.relay());
        assertEquals(List.of("published", "published"), List.of(state(o1), state(o2)),
                "the other aggregate's events leave in the same tick as the failure");
        assertEquals("waiting, attempts 1", state(p1));
        assertEquals("waiting, attempts 0", state(p2), "the later event of the failing aggregate is not even tried");

        OnVertx.await(() -> relay.relay());
        OnVertx.await(() -> relay.relay());
        assertEquals("parked, attempts 3", state(p1));
        assertTrue(Db.strings(db, "select last_error from outbox_event where id = ?::uuid", p1).get(0)
                .contains(lateTopic), "last_error says why");
        assertEquals("waiting, attempts 0", state(p2), "held back behind the parked event, neither sent nor parked");
        // A parked event does not hold back other aggregates, and the gauge and the readiness check count it.
        String o3 = record(TestWidgetResource.TOPIC, other, 3);
        OnVertx.await(() -> relay.relay());
        assertEquals("published", state(o3));
        assertEquals("waiting, attempts 0", state(p2));
        long parkedInDb = Long.parseLong(Db.strings(db,
                "select count(*)::text from outbox_event where parked_at is not null and published_at is null").get(0));
        assertTrue(parkedInDb >= 1);
        assertEquals(parkedInDb, relay.parked(), "the relay counts what the table holds");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double gauge = metrics.lines().filter(line -> line.startsWith("voimala_outbox_parked"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no voimala_outbox_parked in /q/metrics"));
        assertEquals(parkedInDb, (long) gauge, "the gauge");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.parked", equalTo((int) parkedInDb));

        createTopic(lateTopic);
        release(p1);
        OnVertx.await(() -> relay.relay());
        assertEquals(List.of("published", "published"), List.of(state(p1), state(p2)));
        List<String> arrived = KafkaTestBroker.records(lateTopic).stream()
                .filter(record -> poison.equals(record.key()))
                .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .map(record -> header(record, "ce_id"))
                .toList();
        assertEquals(List.of(p1, p2), arrived, "the released event and the one it held back, in their order");
    }

    @Test
    void anAggregateKeepsItsOrderThroughAFailureMidBatch() {
        String lateTopic = "platform-test-late-" + UUID.randomUUID();
        String failing = "failing-" + UUID.randomUUID();
        String flowing = "flowing-" + UUID.randomUUID();
        // One batch, interleaved: failing 1, flowing 1, failing 2, flowing 2, failing 3.
        String f1 = record(lateTopic, failing, 1);
        String g1 = record(TestWidgetResource.TOPIC, flowing, 1);
        String f2 = record(lateTopic, failing, 2);
        String g2 = record(TestWidgetResource.TOPIC, flowing, 2);
        String f3 = record(lateTopic, failing, 3);

        OnVertx.await(() -> relay.relay());
        assertEquals(List.of("waiting, attempts 1", "waiting, attempts 0", "waiting, attempts 0"),
                List.of(state(f1), state(f2), state(f3)));
        assertEquals(List.of("published", "published"), List.of(state(g1), state(g2)));

        createTopic(lateTopic); // the cause goes away before the row is parked: the next attempt succeeds
        OnVertx.await(() -> relay.relay());
        assertEquals(List.of("published", "published", "published"), List.of(state(f1), state(f2), state(f3)));
        List<String> arrived = KafkaTestBroker.records(lateTopic).stream()
                .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .map(record -> header(record, "ce_id"))
                .toList();
        assertEquals(List.of(f1, f2, f3), arrived);
        List<ConsumerRecord<String, String>> flowed = KafkaTestBroker.records(TestWidgetResource.TOPIC).stream()
                .filter(record -> flowing.equals(record.key()))
                .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .toList();
        assertEquals(List.of(g1, g2), flowed.stream().map(record -> header(record, "ce_id")).toList());
    }

    @Test
    void sendsToATopicThatFailsGoOneAtATimeAndABatchStartsNoneAfterThreeFailures() {
        // Eight aggregates, one event each, all for a topic that does not exist: each send blocks the producer for
        // max.block.ms. Sent all at once they would all fail (and all count an attempt); one at a time, the batch
        // stops after FAILED_SENDS_PER_BATCH of them and leaves the others untried, as when it sent one row at a time.
        String lateTopic = "platform-test-late-" + UUID.randomUUID();
        List<String> ids = IntStream.range(0, 8)
                .mapToObj(i -> record(lateTopic, "missing-" + i + "-" + UUID.randomUUID(), 1))
                .toList();

        OnVertx.await(() -> relay.relay());
        List<String> states = ids.stream().map(this::state).toList();
        assertEquals(Collections.nCopies(OutboxRelay.FAILED_SENDS_PER_BATCH, "waiting, attempts 1"),
                states.subList(0, OutboxRelay.FAILED_SENDS_PER_BATCH), "the first ones, in order, were tried");
        assertEquals(Collections.nCopies(ids.size() - OutboxRelay.FAILED_SENDS_PER_BATCH, "waiting, attempts 0"),
                states.subList(OutboxRelay.FAILED_SENDS_PER_BATCH, ids.size()), "the others wait untried");

        createTopic(lateTopic); // nothing left behind for the other tests' relays
        OnVertx.await(() -> relay.relay());
        assertEquals(Collections.nCopies(ids.size(), "published"), ids.stream().map(this::state).toList());
    }

    /** Commits one event in its own transaction, as a service request would; returns its id. */
    private String record(String topic, String subject, int n) {
        return OnVertx.await(() -> Panache.withTransaction(() -> outbox.record(topic, TestWidgetResource.TYPE, subject,
                Map.of("widgetId", subject, "name", subject + "-" + n)))).id.toString();
    }

    private String state(String eventId) {
        return Db.strings(db, "select case when published_at is not null then 'published'"
                + " when parked_at is not null then 'parked, attempts ' || attempts"
                + " else 'waiting, attempts ' || attempts end from outbox_event where id = ?::uuid", eventId).get(0);
    }

    /** Runs {@code ./voimala outbox SERVICE release EVENT_ID} against this test's database, as an operator would. */
    private void release(String eventId) {
        String database = Db.strings(db, "select current_database()").get(0);
        ProcessBuilder command = new ProcessBuilder("bash", "../voimala", "outbox", "test", "release", eventId)
                .redirectErrorStream(true);
        command.environment().put("VOIMALA_OUTBOX_DATABASE", database);
        try {
            Process process = command.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "./voimala outbox finished");
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("released 1 event"), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void createTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
