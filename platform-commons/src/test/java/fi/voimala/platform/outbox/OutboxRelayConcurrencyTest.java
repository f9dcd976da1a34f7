package fi.voimala.platform.outbox;

import static fi.voimala.platform.testing.KafkaTestBroker.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testapp.Db;
import fi.voimala.platform.testapp.TestWidgetResource;
import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import fi.voimala.platform.testapp.OnVertx;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several instances of a service relay from one table: no row may be sent twice. The scheduled relay is paused so
 * that the relays under test are the only ones.
 */
@QuarkusTest
class OutboxRelayConcurrencyTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Mutiny.SessionFactory sessions;

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
    void twoConcurrentClaimsNeverGetTheSameRow() {
        Set<String> ids = recordEvents(30);
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        OnVertx.await(() -> sessions.openStatelessSession().chain(one ->
                sessions.openStatelessSession().chain(two -> one.withTransaction(t1 -> relay.claim(one, 20)
                                .invoke(rows -> rows.forEach(row -> first.add(row.id.toString())))
                                // The first claim's locks are held while the second relay claims.
                                .chain(() -> two.withTransaction(t2 -> relay.claim(two, 1000)
                                        .invoke(rows -> rows.forEach(row -> second.add(row.id.toString())))
                                        .invoke(t2::markForRollback)))
                                .invoke(t1::markForRollback))
                        .eventually(two::close))
                        .eventually(one::close)));

        assertEquals(20, first.size());
        Set<String> overlap = new HashSet<>(first);
        overlap.retainAll(second);
        assertEquals(Set.of(), overlap, "rows claimed by both relays");
        Set<String> claimed = new HashSet<>(first);
        claimed.addAll(second);
        assertTrue(claimed.containsAll(ids), "every unpublished row is claimed by one of them");
        // Both claims rolled back: the rows are still there to be relayed.
        assertEquals(30, Db.count(db, "select count(*) from outbox_event where published_at is null and id = any(?::uuid[])",
                (Object) ids.toArray(String[]::new)));
    }

    @Test
    void concurrentRelaysSendEveryRowExactlyOnce() {
        Set<String> ids = recordEvents(60);
        // Three relays that skip the advisory lock, as relays that only rely on "for update skip locked" would.
        List<CompletableFuture<OutboxRelay.Batch>> batches = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> OnVertx.await(() -> relay.relayBatch(25, false))))
                .toList();
        int published = batches.stream().map(CompletableFuture::join).mapToInt(OutboxRelay.Batch::published).sum();

        assertEquals(60, published, "rows published by the three relays together");
        assertEveryEventOnKafkaExactlyOnce(ids);
    }

    @Test
    void concurrentScheduledStyleRelaysSendEveryRowExactlyOnce() {
        Set<String> ids = recordEvents(150);
        // relay() as the scheduler calls it, in two "instances" at once: one takes the lock, the other skips.
        List<CompletableFuture<Integer>> relays = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> OnVertx.await(() -> relay.relay())))
                .toList();
        int published = relays.stream().mapToInt(CompletableFuture::join).sum();

        assertEquals(150, published);
        assertEquals(0, relay.unpublished(), "the backlog gauge's value after the relay");
        assertEveryEventOnKafkaExactlyOnce(ids);
    }

    private void assertEveryEventOnKafkaExactlyOnce(Set<String> ids) {
        assertEquals(ids.size(), Db.count(db,
                "select count(*) from outbox_event where published_at is not null and id = any(?::uuid[])",
                (Object) ids.toArray(String[]::new)));
        Map<String, Long> copies = KafkaTestBroker.records(TestWidgetResource.TOPIC).stream()
                .map(record -> header(record, "ce_id"))
                .filter(ids::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(ids, copies.keySet(), "every event arrived");
        assertEquals(Map.of(), copies.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "events sent more than once");
    }

    /** Commits {@code n} events, each in its own transaction, as n service requests would. */
    private Set<String> recordEvents(int n) {
        List<String> ids = OnVertx.await(() -> Multi.createFrom().range(0, n)
                .onItem().transformToUniAndConcatenate(i -> Panache.withTransaction(() -> outbox.record(
                        TestWidgetResource.TOPIC, TestWidgetResource.TYPE, "aggregate-" + (i % 7),
                        Map.of("widgetId", "aggregate-" + (i % 7), "name", "concurrency-" + i))))
                .map(event -> event.id.toString())
                .collect().asList());
        assertEquals(n, ids.size());
        return new HashSet<>(ids);
    }

}
