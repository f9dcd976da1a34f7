package fi.voimala.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The gateway's live stream ({@code GET /api/stream}, server-sent events). (1) From an END measurement's HTTP answer
 * to the series' {@code series-outcome.updated} event on a coordinator's open stream, one measurement at a time,
 * beside the same event's arrival at a plain Kafka consumer. (2) Many streams open on the one gateway at once (half
 * the demo coordinator kaisa's, half the demo viewer veera's): the gateway's resident memory with them open and idle
 * and while events are delivered at a steady rate, and each event's delivery to every stream. Events are matched by
 * their content (the bench's series and the n of its outcome), never by order.
 */
final class StreamBench {

    /** The stream's outcome events name a topic without "-events". */
    static final String OUTCOME = "outcome";
    /**
     * One END measurement every this many ms while many streams are open: two a second, a busy network's rate (for
     * trials: VOIMALA_BENCH_STREAM_GAP_MS).
     */
    static final long GAP_MS = Long.parseLong(System.getenv().getOrDefault("VOIMALA_BENCH_STREAM_GAP_MS", "500"));
    /**
     * ENDs before the measured ones at each number of streams (5 s: the first deliveries to new streams are colder,
     * and a gateway restarted shortly before is still compiling its stream path).
     */
    static final int FANOUT_WARMUP = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform;
    private final StartAndMemory apps;
    private final URI stream;

    StreamBench(Platform platform, StartAndMemory apps) {
        this.platform = platform;
        this.apps = apps;
        this.stream = URI.create(platform.gateway + "/api/stream");
    }

    /**
     * The series' series-outcome.updated event in a stream's event, parsed; null for any other event (another
     * series', another type, or a viewer's "that it happened" of a measurement). Cheap for the others: the JSON is
     * read only when its text names the series and the type.
     */
    static JsonNode outcomeOf(Sse.Event event, String seriesId) {
        if (!OUTCOME.equals(event.name()) || !event.data().contains(seriesId)
                || !event.data().contains(OutcomeSeries.SERIES_OUTCOME_UPDATED)) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(event.data());
            return OutcomeSeries.SERIES_OUTCOME_UPDATED.equals(json.path("type").asText())
                    && seriesId.equals(json.path("seriesId").asText()) ? json : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    // --- 1. one coordinator's stream --------------------------------------------------------------------------

    /** Milliseconds from each END's answer to its event on the stream and at a plain consumer of outcome-events. */
    record Latency(double[] stream, double[] consumer, double[] gatewayPart) {
    }

    Latency latency(String token, OutcomeSeries series, int warmup, int count) throws IOException, InterruptedException {
        OutcomeSeries.Arrivals atStream = new OutcomeSeries.Arrivals("the coordinator's stream");
        OutcomeSeries.Arrivals atConsumer = new OutcomeSeries.Arrivals("a consumer of outcome-events");
        try (SseStreams streams = new SseStreams(stream)) {
            streams.open(token, (i, event) -> {
                JsonNode outcome = outcomeOf(event, series.id);
                if (outcome != null) {
                    atStream.arrived(OutcomeSeries.baselineToEndN(outcome), event.arrived());
                }
            });
            if (!streams.awaitReady(Duration.ofSeconds(30))) {
                throw new IOException("the coordinator's stream did not open: " + streams.failures());
            }
            double[][] ms;
            try (OutcomeSeries.Consuming consuming = series.consume(atConsumer)) {
                ms = series.endsOneAtATime(token, warmup, count, 20, List.of(atStream, atConsumer));
            }
            if (!streams.failures().isEmpty()) {
                throw new IOException("the coordinator's stream failed: " + streams.failures());
            }
            if (atStream.twice() > 0) {
                throw new IOException("the coordinator's stream sent " + atStream.twice() + " events twice");
            }
            double[] gatewayPart = new double[count];
            for (int i = 0; i < count; i++) {
                gatewayPart[i] = ms[0][i] - ms[1][i];
            }
            return new Latency(ms[0], ms[1], gatewayPart);
        }
    }

    // --- 2. many streams ------------------------------------------------------------------------------------

    /** What one number of open streams cost the gateway, and how each event reached every one of them. */
    record Fanout(int streams, int clientThreads, double openSeconds, double gatewayConnections,
                  double gatewayRssBeforeMb, double gatewayRssIdleMb, double gatewayRssDeliveryMb,
                  double gatewayRssAfterCloseMb, double gatewayConnectionsAfterClose,
                  Map<String, Double> gatewayGcIdle, Map<String, Double> gatewayGcAfterDelivery,
                  int events, long deliveries, long missing, int twice, int streamFailures, List<String> failures,
                  Stats fromSend, Stats consumerFromSend, Stats fromAnswer, Stats consumerFromAnswer,
                  Stats firstToLast, double deliverySeconds, double gatewayCores, double benchCores,
                  double machineBusy, double benchRssMb, Map<String, Double> gatewayThreadCores,
                  Map<String, Double> benchThreadCores,
                  long benchUnreadBytesHighest, long benchSocketsWithUnreadHighest) {
    }

    /**
     * Opens {@code count} streams (every other one as the viewer), waits until all have had {@code ready}, reads the
     * gateway's memory after 5 s of idling, then enters {@code warmup + events} ENDs, one every {@link #GAP_MS} ms,
     * and times each one's series-outcome event to every stream: from the event's record timestamp (the relay's
     * producer sent it; the same moment for the gateway's reader and the bench's own consumer) and from the END's
     * answer. Meanwhile it reads the gateway's memory every 100 ms and the CPU of the gateway, of the bench's own JVM
     * and of the whole machine.
     */
    Fanout fanout(int count, String coordinator, String viewer, OutcomeSeries series, int warmup, int events)
            throws IOException, InterruptedException {
        long gateway = apps.pid("gateway");
        long files = openFilesLimit(gateway);
        if (files < count + 200) {
            throw new IOException("the gateway may open " + files + " files (its ulimit -n), too few for " + count
                    + " streams: start the platform from a shell with a higher ulimit -n");
        }
        double rssBefore = StartAndMemory.rssKb(gateway) / 1024.0;
        double connectionsBefore = platform.metric(platform.gateway, "http_server_active_connections");
        int total = warmup + events;
        long firstN = series.nextN();
        AtomicLongArray arrivals = new AtomicLongArray(count * total);
        AtomicLong delivered = new AtomicLong();
        AtomicInteger twice = new AtomicInteger();
        // Every stream gets the same text for the same event: each text is read once (JSON is the bench's largest
        // cost per delivery otherwise), and its n (or -1: not an outcome of the series) kept.
        Map<String, Long> known = new java.util.concurrent.ConcurrentHashMap<>();
        SseStreams.Listener listener = (i, event) -> {
            if (!OUTCOME.equals(event.name()) || !event.data().contains(series.id)) {
                return;
            }
            long n = known.computeIfAbsent(event.data(), data -> {
                JsonNode outcome = outcomeOf(event, series.id);
                Long shown = outcome == null ? null : OutcomeSeries.baselineToEndN(outcome);
                return shown == null ? -1L : shown;
            });
            if (n < firstN || n >= firstN + total) {
                return;
            }
            if (arrivals.compareAndSet(i * total + (int) (n - firstN), 0, event.arrived())) {
                delivered.incrementAndGet();
            } else {
                twice.incrementAndGet();
            }
        };
        SseStreams streams = new SseStreams(stream);
        try {
            long begin = System.nanoTime();
            for (int i = 0; i < count; i++) {
                streams.open(i % 2 == 0 ? coordinator : viewer, listener);
            }
            if (!streams.awaitReady(Duration.ofSeconds(180))) {
                throw new IOException(streams.ready() + " of " + count + " streams opened: " + streams.failures());
            }
            double openSeconds = (System.nanoTime() - begin) / 1e9;
            double connections = platform.metric(platform.gateway, "http_server_active_connections");
            Thread.sleep(5000);
            double rssIdle = StartAndMemory.rssKb(gateway) / 1024.0;
            Map<String, Double> gcIdle = jstatGc(gateway);

            OutcomeSeries.Arrivals atConsumer = new OutcomeSeries.Arrivals("a consumer of outcome-events");
            long[] answered = new long[total];
            Sampler sampler = new Sampler(gateway, URI.create(platform.gateway).getPort());
            long bench = ProcessHandle.current().pid();
            double deliverySeconds;
            double gatewayMs;
            double benchMs;
            long[] machineBefore;
            long[] machineAfter;
            Map<String, Double> threadsBefore;
            Map<String, Double> threadsAfter;
            Map<String, Double> benchThreadsBefore;
            Map<String, Double> benchThreadsAfter;
            sampler.start();
            try (OutcomeSeries.Consuming consuming = series.consume(atConsumer)) {
                machineBefore = CpuMeter.machineTicks();
                double gatewayBefore = CpuMeter.processMs(gateway);
                threadsBefore = CpuMeter.threadsMs(gateway);
                benchThreadsBefore = CpuMeter.threadsMs(bench);
                double benchBefore = CpuMeter.processMs(bench);
                long start = System.nanoTime();
                long[] answer = new long[1];
                for (int k = 0; k < total; k++) {
                    long due = start + k * GAP_MS * 1_000_000;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    long n;
                    try {
                        n = series.end(coordinator, answer);
                    } catch (IOException e) {
                        // Say what state the gateway was in: a stalled gateway is a finding, not just a failed run.
                        throw new IOException("END " + (k + 1) + " of " + total + " with " + count + " streams open: " + e
                                + "; the gateway's heap and GC now (jstat -gc): " + jstatGc(gateway), e);
                    }
                    answered[(int) (n - firstN)] = answer[0];
                }
                SseStreams.await(() -> delivered.get() == (long) count * total, Duration.ofSeconds(10));
                deliverySeconds = (System.nanoTime() - start) / 1e9;
                gatewayMs = CpuMeter.processMs(gateway) - gatewayBefore;
                threadsAfter = CpuMeter.threadsMs(gateway);
                benchThreadsAfter = CpuMeter.threadsMs(bench);
                benchMs = CpuMeter.processMs(bench) - benchBefore;
                machineAfter = CpuMeter.machineTicks();
                // The consumer's last arrivals: it is not loaded like the streams, but wait for it all the same.
                atConsumer.await(firstN + total - 1, System.nanoTime() + Duration.ofSeconds(10).toNanos());
            } finally {
                sampler.stop();
            }
            Map<String, Double> gcAfter = jstatGc(gateway);
            double benchRss = StartAndMemory.rssKb(bench) / 1024.0;
            List<String> failures = List.copyOf(streams.failures());

            // Each delivery of a measured event, from its send (the record's timestamp) and from the END's answer.
            long wallMinusNano = wallMinusNano();
            int measured = events * count;
            double[] fromSend = new double[measured];
            double[] fromAnswer = new double[measured];
            double[] consumerFromSend = new double[events];
            double[] consumerFromAnswer = new double[events];
            double[] firstToLast = new double[events];
            int d = 0;
            long missing = 0;
            for (int e = 0; e < events; e++) {
                int k = warmup + e;
                long n = firstN + k;
                Long sent = atConsumer.sent(n);
                Long consumerArrived = atConsumer.get(n);
                if (sent == null || consumerArrived == null) {
                    throw new IOException("the series-outcome event with n = " + n + " did not reach the consumer");
                }
                consumerFromSend[e] = (consumerArrived + wallMinusNano) / 1e6 - sent;
                consumerFromAnswer[e] = (consumerArrived - answered[k]) / 1e6;
                long first = Long.MAX_VALUE;
                long last = Long.MIN_VALUE;
                for (int i = 0; i < count; i++) {
                    long arrived = arrivals.get(i * total + k);
                    if (arrived == 0) {
                        missing++;
                        continue;
                    }
                    fromSend[d] = (arrived + wallMinusNano) / 1e6 - sent;
                    fromAnswer[d++] = (arrived - answered[k]) / 1e6;
                    first = Math.min(first, arrived);
                    last = Math.max(last, arrived);
                }
                firstToLast[e] = last >= first ? (last - first) / 1e6 : Double.NaN;
            }
            if (d == 0) {
                throw new IOException("no event reached any of the " + count + " streams: " + failures);
            }
            streams.close();
            double after = connectionsBefore;
            SseStreams.await(() -> {
                try {
                    return platform.metric(platform.gateway, "http_server_active_connections") <= after + 1;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            }, Duration.ofSeconds(15));
            double connectionsAfter = platform.metric(platform.gateway, "http_server_active_connections");
            Thread.sleep(2000);
            double rssAfterClose = StartAndMemory.rssKb(gateway) / 1024.0;
            long[] machine = {machineAfter[0] - machineBefore[0], machineAfter[1] - machineBefore[1]};
            Map<String, Double> threadCores = cores(threadsBefore, threadsAfter, deliverySeconds);
            Map<String, Double> benchThreadCores = cores(benchThreadsBefore, benchThreadsAfter, deliverySeconds);
            return new Fanout(count, streams.threads(), openSeconds, connections, rssBefore, rssIdle, sampler.highestMb(),
                    rssAfterClose, connectionsAfter, gcIdle, gcAfter, events, d, missing, twice.get(),
                    failures.size(), failures, Stats.of(Arrays.copyOf(fromSend, d)), Stats.of(consumerFromSend),
                    Stats.of(Arrays.copyOf(fromAnswer, d)), Stats.of(consumerFromAnswer), Stats.of(firstToLast),
                    deliverySeconds, gatewayMs / 1000 / deliverySeconds, benchMs / 1000 / deliverySeconds,
                    (double) machine[0] / machine[1], benchRss, threadCores, benchThreadCores, sampler.unreadBytes.get(),
                    sampler.unreadSockets.get());
        } finally {
            streams.close();
        }
    }

    /** Cores each thread name used between two readings of {@link CpuMeter#threadsMs}, the busiest first. */
    private static Map<String, Double> cores(Map<String, Double> before, Map<String, Double> after, double seconds) {
        Map<String, Double> cores = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(t -> Map.entry(t.getKey(), (t.getValue() - before.getOrDefault(t.getKey(), 0.0)) / 1000 / seconds))
                .filter(t -> t.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(t -> cores.put(t.getKey(), t.getValue()));
        return cores;
    }

    /** A process's soft limit of open files, from /proc (Long.MAX_VALUE: unlimited). */
    static long openFilesLimit(long pid) throws IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", String.valueOf(pid),
                "limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return Long.MAX_VALUE;
    }

    /** Epoch nanoseconds minus System.nanoTime(), the smallest of a few readings (the least disturbed). */
    static long wallMinusNano() {
        long best = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < 5; i++) {
            long before = System.nanoTime();
            Instant now = Instant.now();
            long after = System.nanoTime();
            if (after - before < best) {
                best = after - before;
                offset = now.getEpochSecond() * 1_000_000_000L + now.getNano() - (before + after) / 2;
            }
        }
        return offset;
    }

    /** The gateway's GC figures from {@code jstat -gc} (the JDK's tool); empty when it cannot be had. */
    static Map<String, Double> jstatGc(long pid) {
        try {
            return parseJstat(Processes.run(new ProcessBuilder("jstat", "-gc", String.valueOf(pid)), 30));
        } catch (IOException | InterruptedException | RuntimeException e) {
            return Map.of();
        }
    }

    /** jstat's two lines (column names, values) as a map; "-" (no such collector) is left out. */
    static Map<String, Double> parseJstat(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        Map<String, Double> values = new LinkedHashMap<>();
        if (lines.size() < 2) {
            return values;
        }
        String[] names = lines.get(lines.size() - 2).trim().split("\\s+");
        String[] numbers = lines.get(lines.size() - 1).trim().split("\\s+");
        for (int i = 0; i < Math.min(names.length, numbers.length); i++) {
            if (!numbers[i].equals("-")) {
                values.put(names[i], Double.parseDouble(numbers[i]));
            }
        }
        return values;
    }

    /**
     * The bytes that have reached the bench's sockets to the gateway but that the bench has not read yet, from
     * /proc/net/tcp and tcp6 ({@code rx_queue} of the established connections to {@code port} whose inode is one of
     * {@code ours}: other programs on the machine may have connections to the gateway too): {bytes, sockets with any}.
     * Near zero means the streams' client keeps up with what the gateway sends.
     */
    static long[] unread(String procNetTcp, int port, java.util.Set<Long> ours) {
        long bytes = 0;
        long sockets = 0;
        // "sl local_address rem_address st tx_queue:rx_queue tr tm->when retrnsmt uid timeout inode ...": the
        // remote port, then " 01 " (established). Found with indexOf, not a regular expression per line: 10,000
        // lines a second.
        String established = String.format(java.util.Locale.ROOT, ":%04X 01 ", port);
        int at = 0;
        while ((at = procNetTcp.indexOf(established, at)) >= 0) {
            int lineStart = procNetTcp.lastIndexOf('\n', at) + 1;
            int lineEnd = procNetTcp.indexOf('\n', at);
            String[] f = procNetTcp.substring(lineStart, lineEnd < 0 ? procNetTcp.length() : lineEnd).trim()
                    .split(" +");
            at += established.length();
            if (f.length < 10 || !f[2].endsWith(established.substring(0, 5)) || !ours.contains(Long.parseLong(f[9]))) {
                continue;
            }
            long rx = Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16);
            bytes += rx;
            sockets += rx > 0 ? 1 : 0;
        }
        return new long[] {bytes, sockets};
    }

    /** The inodes of this process's sockets, from /proc/self/fd ("socket:[12345]"). */
    static java.util.Set<Long> ownSockets() {
        java.util.Set<Long> inodes = new java.util.HashSet<>();
        try (java.nio.file.DirectoryStream<java.nio.file.Path> fds = java.nio.file.Files.newDirectoryStream(
                java.nio.file.Path.of("/proc/self/fd"))) {
            for (java.nio.file.Path fd : fds) {
                try {
                    String target = java.nio.file.Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | RuntimeException closed) {
                    // Closed between the listing and the read.
                }
            }
        } catch (IOException e) {
            return inodes;
        }
        return inodes;
    }

    /**
     * Every 100 ms, on a thread of its own: the gateway's resident memory (the highest is kept); every second, the
     * bytes waiting unread in the bench's own sockets to the gateway (the highest is kept).
     */
    private static final class Sampler {
        private final long pid;
        private final int port;
        private final AtomicLong highestKb = new AtomicLong();
        private final AtomicLong unreadBytes = new AtomicLong();
        private final AtomicLong unreadSockets = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        Sampler(long pid, int port) {
            this.pid = pid;
            this.port = port;
        }

        void start() {
            running = true;
            thread = new Thread(() -> {
                for (int tick = 0; running; tick++) {
                    try {
                        highestKb.accumulateAndGet(StartAndMemory.rssKb(pid), Math::max);
                        if (tick % 10 == 0) {
                            long[] tcp = unread(read("/proc/net/tcp") + read("/proc/net/tcp6"), port,
                                    ownSockets());
                            unreadBytes.accumulateAndGet(tcp[0], Math::max);
                            unreadSockets.accumulateAndGet(tcp[1], Math::max);
                        }
                        Thread.sleep(100);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "bench-gateway-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private static String read(String file) {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(file));
            } catch (IOException absent) {
                return "";
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(2000);
        }

        double highestMb() {
            return highestKb.get() / 1024.0;
        }
    }
}
