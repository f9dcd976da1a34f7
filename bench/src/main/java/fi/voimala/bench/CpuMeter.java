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

    private static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 14th field overall.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
