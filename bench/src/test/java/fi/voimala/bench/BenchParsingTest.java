package fi.voimala.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
