package fi.voimala.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bench command (bench/run) against the real platform, as a user runs it: its event-latency benchmark writes
 * through the gateway with a Keycloak token, waits for each event on the real broker, measures Kafka's own latency
 * beside it and writes the results table. (The HTTP benchmarks need wrk and pgbench, which CI does not install; their
 * output parsing is tested in the bench module.)
 */
@ExtendWith(RunningPlatform.class)
class BenchIT {

    private static final Pattern ROW = Pattern.compile(
            "\\| p99 \\| ([0-9.]+) ms \\| Kafka end-to-end p99 ([0-9.]+) ms \\| ([0-9.]+)× \\| ≤ 3\\.0× \\|");

    @Test
    void measuresEventLatencyBesideKafkasOwn() throws Exception {
        Path out = Files.createTempDirectory("voimala-bench");
        List<String> line = new ArrayList<>(List.of(RunningPlatform.root().resolve("bench/run").toString(),
                "--only", "events", "--out", out.toString()));
        ProcessBuilder bench = new ProcessBuilder(line).directory(RunningPlatform.root().toFile())
                .redirectErrorStream(true);
        if (RunningPlatform.current().ownDataSpace()) {
            bench.environment().put("VOIMALA_DATA_SPACE", RunningPlatform.DATA_SPACE);
        } else {
            bench.environment().remove("VOIMALA_DATA_SPACE");
        }
        Process process = bench.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "bench/run printed:\n" + printed);

        String table = Files.readString(out.resolve("results.md"));
        Matcher p99 = ROW.matcher(table);
        assertTrue(p99.find(), "the event latency p99 row in:\n" + table);
        double events = Double.parseDouble(p99.group(1));
        double kafka = Double.parseDouble(p99.group(2));
        // Each event arrived (else the bench fails), after its write was answered: positive and within the 10 s the
        // bench waits; Kafka's own latency on a local broker is well under a second.
        assertTrue(events > 0 && events < 10_000, "event p99 " + events + " ms");
        assertTrue(kafka > 0 && kafka < 1_000, "Kafka p99 " + kafka + " ms");
        assertEquals(events / kafka, Double.parseDouble(p99.group(3)), 0.01 * events / kafka + 0.01,
                "the ratio is the two figures' quotient");
        String raw = Files.readString(out.resolve("raw.json"));
        assertTrue(raw.contains("\"count\" : 300"), "300 writes measured:\n" + raw);
    }
}
