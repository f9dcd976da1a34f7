package fi.voimala.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time spent by the platform's processes, from /proc/PID/stat (user + system clock ticks): read before and after
 * a run, it says where a request's CPU goes (gateway, service, PostgreSQL). On a machine whose cores are all busy
 * during a run, latency at fixed concurrency follows the CPU spent per request, so this is where the time goes.
 */
final class CpuMeter {

    /** Linux reports /proc times in USER_HZ ticks, 100 per second on every common architecture. */
    private static final double MS_PER_TICK = 10.0;

    private final StartAndMemory apps;

    CpuMeter(StartAndMemory apps) {
        this.apps = apps;
    }

    /** CPU milliseconds so far of the gateway, partners-service, outcomes-service and every PostgreSQL process together. */
    Map<String, Double> snapshot() throws IOException {
        Map<String, Double> ms = new LinkedHashMap<>();
        ms.put("gateway", ticks(apps.pid("gateway")) * MS_PER_TICK);
        ms.put("partners-service", ticks(apps.pid("partners-service")) * MS_PER_TICK);
        ms.put("outcomes-service", ticks(apps.pid("outcomes-service")) * MS_PER_TICK);
        double postgres = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if (Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        postgres += ticks(Long.parseLong(process.getFileName().toString())) * MS_PER_TICK;
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended between the listing and the read.
                }
            }
        }
        ms.put("postgresql", postgres);
        return ms;
    }

    /** CPU ms per request of each process between two snapshots. */
    static Map<String, Double> perRequest(Map<String, Double> before, Map<String, Double> after, long requests) {
        Map<String, Double> result = new LinkedHashMap<>();
        after.forEach((process, ms) -> result.put(process, (ms - before.getOrDefault(process, 0.0)) / requests));
        return result;
    }

    /**
     * CPU milliseconds so far of a process's threads, summed by thread name as /proc shows it (the first 15
     * characters: "vert.x-eventloo" for every event loop, say); threads that ended are not counted.
     */
    static Map<String, Double> threadsMs(long pid) throws IOException {
        Map<String, Double> ms = new java.util.TreeMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ms.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MS_PER_TICK,
                            Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // The thread ended between the listing and the read.
                }
            }
        }
        return ms;
    }

    /** CPU milliseconds so far of one process (user + system). */
    static double processMs(long pid) throws IOException {
        return ticks(pid) * MS_PER_TICK;
    }

    /**
     * The whole machine's CPU ticks so far from /proc/stat: {busy, all} (busy: user, nice, system, irq, softirq,
     * steal; all adds idle and iowait). Between two readings, busy / all is how loaded every core together was.
     */
    static long[] machineTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        long all = 0;
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            long value = Long.parseLong(fields[i]);
            all += value;
            if (i != 4 && i != 5) {
                busy += value;
            }
        }
        return new long[] {busy, all};
    }

    private static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 14th field overall.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
