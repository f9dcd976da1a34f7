package fi.voimala.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs wrk (a closed-loop HTTP load generator: each of its connections sends its next request when the answer to the
 * last one has arrived, so the concurrency is fixed) with one of the scripts in bench/wrk, which print one JSON line.
 */
public final class Wrk {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One wrk run: counts, throughput, latency percentiles in milliseconds. A script that counts its answers itself
     * (record-session.lua) also gives {@code created}, the answers 201 Created (else -1), {@code exhausted}, the threads
     * that ran out of request bodies, and {@code failure}, its first other answer (status and the start of the body).
     */
    public record Result(String label, long requests, double seconds, long socketErrors, long non2xx, double p50Ms,
                         double p90Ms, double p99Ms, double p999Ms, double maxMs, double meanMs, long created,
                         long exhausted, String failure) {
        public double perSecond() {
            return requests / seconds;
        }

        /** Answers 201 Created per second (scripts that count them). */
        public double createdPerSecond() {
            return created / seconds;
        }
    }

    private final Path scripts;
    private final int threads;
    private final int connections;

    public Wrk(Path scripts, int threads, int connections) {
        this.scripts = scripts;
        this.threads = threads;
        this.connections = connections;
    }

    public int connections() {
        return connections;
    }

    /** Runs {@code script} against {@code url} for {@code seconds}, with the token and the script's environment. */
    public Result run(String label, String script, String url, String token, int seconds, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", scripts.resolve(script).toString(),
                "-H", "Authorization: Bearer " + token, url));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BENCH_WRK_DIR", scripts.toString());
        builder.environment().put("BENCH_WRK_THREADS", String.valueOf(threads));
        builder.environment().putAll(env);
        // Each run's writes are new ones (e-mails are unique): a run id of its own.
        builder.environment().put("BENCH_RUN", java.util.UUID.randomUUID().toString().substring(0, 8));
        String output = Processes.run(builder, seconds + 60);
        return parse(label, output);
    }

    /** Reads the JSON line that bench/wrk/report.lua prints at the end of a run. */
    static Result parse(String label, String output) throws IOException {
        for (String line : output.split("\n")) {
            if (line.startsWith("{\"wrk\":true")) {
                JsonNode n = JSON.readTree(line);
                return new Result(label, n.get("requests").asLong(), n.get("duration_us").asDouble() / 1e6,
                        n.get("socket_errors").asLong(), n.get("non_2xx_3xx").asLong(), ms(n, "p50_us"),
                        ms(n, "p90_us"), ms(n, "p99_us"), ms(n, "p999_us"), ms(n, "max_us"), ms(n, "mean_us"),
                        n.path("created").asLong(-1), n.path("exhausted").asLong(0),
                        n.hasNonNull("failure") ? n.get("failure").asText() : null);
            }
        }
        throw new IOException("wrk printed no result line; its output was:\n" + output);
    }

    private static double ms(JsonNode node, String field) {
        return node.get(field).asDouble() / 1000.0;
    }
}
