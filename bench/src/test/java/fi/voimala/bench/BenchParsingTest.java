package fi.voimala.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench reads what wrk, pgbench and kafka-tools print; these are their real output formats. */
class BenchParsingTest {

    @Test
    void readsWrksResultLineAmongItsOwnOutput() throws IOException {
        // wrk 4.1's own summary, then the line bench/wrk/report.lua writes (microseconds).
        String output = """
                Running 2s test @ http://127.0.0.1:8081/api/organisations?size=20
                  2 threads and 16 connections
                  704 requests in 2.02s, 1.99MB read
                Requests/sec:    348.38
                {"wrk":true,"requests":704,"duration_us":2020757,"socket_errors":0,"non_2xx_3xx":3,"p50_us":45657,\
                "p90_us":80998,"p99_us":127904,"p999_us":175872,"max_us":175872,"mean_us":45794.1}
                """;
        Wrk.Result result = Wrk.parse("direct", output);
        assertEquals(704, result.requests());
        assertEquals(3, result.non2xx());
        assertEquals(45.657, result.p50Ms(), 1e-9);
        assertEquals(127.904, result.p99Ms(), 1e-9);
        assertEquals(348.38, result.perSecond(), 0.01);
    }

    @Test
    void readsTheCountsOfTheRecordScript() throws IOException {
        // bench/wrk/record-session.lua against a stub that answers 409 to a second record: its line, as wrk 4.1.0
        // printed it (quotes, backslashes and newlines of the first failure as JSON unicode escapes).
        Wrk.Result result = Wrk.parse("warm-up", """
                {"wrk":true,"requests":88,"duration_us":3000110,"socket_errors":0,"non_2xx_3xx":88,"p50_us":43930,\
                "p90_us":44250,"p99_us":48061,"p999_us":48061,"max_us":48061,"mean_us":38271.0,"created":0,\
                "exhausted":2,"failure":"409 {\\u0022rule\\u0022:\\u0022already-recorded\\u0022,\\u0022detail\\u0022:\\u0022a \\u005c\\u0022second\\u005c\\u0022\\u005cnline\\u0022}"}
                """);
        assertEquals(0, result.created());
        assertEquals(2, result.exhausted());
        assertEquals("409 {\"rule\":\"already-recorded\",\"detail\":\"a \\\"second\\\"\\nline\"}", result.failure());
        Wrk.Result counted = Wrk.parse("run", """
                {"wrk":true,"requests":677,"duration_us":2098328,"socket_errors":0,"non_2xx_3xx":0,"p50_us":43964,\
                "p90_us":47578,"p99_us":48425,"p999_us":51923,"max_us":51923,"mean_us":43360.6,"created":677,"exhausted":0}
                """);
        assertEquals(322.64, counted.createdPerSecond(), 0.01);
        assertEquals(null, counted.failure());
        // The other scripts count no answers of their own.
        Wrk.Result plain = Wrk.parse("direct", """
                {"wrk":true,"requests":704,"duration_us":2020757,"socket_errors":0,"non_2xx_3xx":3,"p50_us":45657,\
                "p90_us":80998,"p99_us":127904,"p999_us":175872,"max_us":175872,"mean_us":45794.1}
                """);
        assertEquals(-1, plain.created());
        assertEquals(0, plain.exhausted());
    }

    @Test
    void theLimitsTablesAreMadeByTheMigrationsInFlywaysOrder() throws IOException {
        // Flyway reads V0_10 as 0.10, after 0.4, and V1 as 1, after every 0.x.
        assertTrue(SessionsBench.compareVersions(SessionsBench.version(Path.of("V0_10__x.sql")),
                SessionsBench.version(Path.of("V0_4__x.sql"))) > 0);
        assertTrue(SessionsBench.compareVersions(SessionsBench.version(Path.of("V1__x.sql")),
                SessionsBench.version(Path.of("V0_10__x.sql"))) > 0);
        assertEquals(0, SessionsBench.compareVersions(new int[] {1}, new int[] {1, 0}));
        // The repository's own: platform-commons' outbox first, then sessions-service's tables.
        List<String> names = SessionsBench.migrations(Path.of("..")).stream()
                .map(file -> file.getFileName().toString()).toList();
        assertEquals("V0_1__outbox_event.sql", names.get(0));
        assertTrue(names.indexOf("V0_4__outbox_notify.sql") < names.indexOf("V1__sessions.sql"));
    }

    @Test
    void aWrkRunWithoutResultLineIsAnError() {
        assertThrows(IOException.class, () -> Wrk.parse("direct", "unable to connect to 127.0.0.1:8081"));
    }

    @Test
    void readsPgbenchsRateAndItsPerTransactionLog(@TempDir Path dir) throws IOException {
        // pgbench 15: the summary line, and -l logs "client_id transaction_no time script_no time_epoch time_us".
        assertEquals(3843.2135, PgBench.tps("""
                number of transactions actually processed: 34589
                latency average = 4.163 ms
                initial connection time = 21.482 ms
                tps = 3843.213530 (without initial connection time)
                """), 0.001);
        Files.writeString(dir.resolve("pgbench_log.1234"), "0 0 4100 0 1795565000 123456\n0 1 900 0 1795565000 124356\n");
        Files.writeString(dir.resolve("pgbench_log.1234.1"), "1 0 2000 0 1795565000 125000\n");
        Stats stats = Stats.of(PgBench.latencies(dir));
        assertEquals(3, stats.count());
        assertEquals(2.0, stats.p50(), 1e-9);
        assertEquals(4.1, stats.max(), 1e-9);
    }

    @Test
    void readsTheToolsAverageLatency() {
        // org.apache.kafka.tools.EndToEndLatency (Kafka 4.1.2) prints these two lines at the end.
        assertEquals(1.5811, KafkaLatency.toolAverage("Avg latency: 1.5811 ms\nPercentiles: 50th = 0, 99th = 9, 99.9th = 36\n"),
                1e-9);
        assertEquals(Double.NaN, KafkaLatency.toolAverage("nothing"));
    }

    @Test
    void percentilesAreNearestRank() {
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i; // 100 .. 1, unsorted on purpose
        }
        Stats stats = Stats.of(hundred);
        assertEquals(50, stats.p50());
        assertEquals(99, stats.p99());
        assertEquals(100, stats.max());
        assertEquals(50.5, stats.mean(), 1e-9);
        assertEquals(2.0, Stats.median(3, 1, 2));
        assertEquals(2.5, Stats.median(4, 1, 2, 3));
    }

    @Test
    void theBenchOrganisationHasAValidBusinessId() {
        // Real Y-tunnus of the demo network's organisations, valid by the check-digit rule partners-service applies.
        assertEquals(5, BusinessIds.checkDigit("2918301"));
        assertEquals(8, BusinessIds.checkDigit("2918305"));
        String id = BusinessIds.benchId();
        assertEquals(BusinessIds.checkDigit(id.substring(0, 7)), id.charAt(8) - '0');
    }

    @Test
    void theWarmUpEndsAfterThreeRoundsWhenTheLastTwoAgreeWithin10Percent() {
        org.junit.jupiter.api.Assertions.assertFalse(SessionsBench.settled(java.util.List.of(138.0)));
        org.junit.jupiter.api.Assertions.assertFalse(SessionsBench.settled(java.util.List.of(138.0, 316.0)));
        org.junit.jupiter.api.Assertions.assertTrue(SessionsBench.settled(java.util.List.of(138.0, 316.0, 505.0, 515.0)));
        org.junit.jupiter.api.Assertions.assertFalse(SessionsBench.settled(java.util.List.of(316.0, 505.0, 450.0)));
        org.junit.jupiter.api.Assertions.assertFalse(SessionsBench.settled(java.util.List.of(217.0, 222.0)));
    }
}
