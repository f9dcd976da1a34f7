package fi.voimala.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each app's time from launch to ready (its /q/health/ready answering 200) and its resident memory, read from /proc.
 * Restarts go through the launcher ({@code ./voimala restart NAME}), so an app starts exactly as {@code up} starts it.
 */
final class StartAndMemory {

    static final List<String> APPS = List.of("partners-service", "scheduling-service", "sessions-service",
            "outcomes-service", "gateway");
    private static final Pattern READY = Pattern.compile("ready in ([0-9.]+) s");

    private final Path root;
    private final Path runDir;

    StartAndMemory(Path root, Path runDir) {
        this.root = root;
        this.runDir = runDir;
    }

    /** Restarts the app alone (the others idle) and returns its seconds from launch to ready. */
    double restart(String app) throws IOException, InterruptedException {
        ProcessBuilder launcher = new ProcessBuilder(root.resolve("voimala").toString(), "restart", app)
                .directory(root.toFile());
        String output = Processes.run(launcher, 300);
        Matcher ready = READY.matcher(output);
        if (!ready.find()) {
            throw new IOException("./voimala restart " + app + " did not say when it was ready:\n" + output);
        }
        return Double.parseDouble(ready.group(1));
    }

    /** The resident memory (MB) of each running component's process group, keyed by component. */
    Map<String, Double> residentMb(List<String> components) throws IOException {
        Map<Long, Long> rssKbByGroup = new LinkedHashMap<>();
        Process ps = new ProcessBuilder("ps", "-eo", "pgid=,rss=").start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(ps.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length == 2) {
                    rssKbByGroup.merge(Long.parseLong(columns[0]), Long.parseLong(columns[1]), Long::sum);
                }
            }
        }
        Map<String, Double> result = new LinkedHashMap<>();
        for (String component : components) {
            long pid = pid(component);
            // The launcher starts each component with setsid: its process group id is its pid.
            result.put(component, rssKbByGroup.getOrDefault(pid, 0L) / 1024.0);
        }
        return result;
    }

    long pid(String component) throws IOException {
        return Long.parseLong(Files.readString(runDir.resolve("pids").resolve(component + ".pid")).trim());
    }

    /** The JVM options (-X..., -XX:...) an app runs with, read from its command line. */
    List<String> jvmOptions(String app) throws IOException {
        String[] args = Files.readString(Path.of("/proc", String.valueOf(pid(app)), "cmdline")).split("\0");
        List<String> options = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-jar")) {
                break;
            }
            // The app's own class-data archive fits only its own class path.
            if (arg.startsWith("-X") && !arg.startsWith("-XX:SharedArchiveFile") && !arg.startsWith("-Xshare")) {
                options.add(arg);
            }
        }
        return options;
    }

    /**
     * The floor any JVM app sits on: a JVM with the apps' options that starts, prints "ready" and idles. Returns
     * seconds to "ready" and its resident MB after a second of idling.
     */
    double[] idleJvm(List<String> options, Path benchJar) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", benchJar.toString(), IdleJvm.class.getName()));
        long begin = System.nanoTime();
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            double seconds = (System.nanoTime() - begin) / 1e9;
            if (!"ready".equals(line)) {
                throw new IOException("the idle JVM said " + line);
            }
            Thread.sleep(1000);
            double rss = rssKb(jvm.pid()) / 1024.0;
            return new double[] {seconds, rss};
        } finally {
            jvm.destroy();
        }
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }
}
