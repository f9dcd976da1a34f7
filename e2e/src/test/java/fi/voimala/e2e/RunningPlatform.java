package fi.voimala.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Brings the whole platform up once per test run with the launcher a user runs ({@code ./voimala up}), and
 * takes it down after the last test, but only if this run started it.
 *
 * <p>When nothing runs, the platform is started in its own data space ({@code VOIMALA_DATA_SPACE=e2e}: databases
 * {@code <db>_e2e}, run state in {@code .voimala/spaces/e2e}) and wiped at the end, so the tests never change what a user's
 * demo shows. A platform a developer already runs from this checkout is used and left running, after {@code up} has
 * restarted every app whose build is newer than its process; its demo then holds the tests' data, which
 * {@code ./voimala reset} removes. An e2e platform left running (an interrupted run, {@code -Dvoimala.keepRunning})
 * is taken as this run's own. Either way {@link #runningBuild} and {@link #buildOnDisk} let a test prove that each
 * running app is the build under test.
 */
public class RunningPlatform implements BeforeAllCallback {

    public static final String GATEWAY = "http://localhost:8080";
    public static final String KEYCLOAK = "http://localhost:8180";
    /** The five apps and their ports, as in the README's table. */
    public static final List<App> APPS = List.of(
            new App("gateway", 8080), new App("partners-service", 8081), new App("scheduling-service", 8082),
            new App("sessions-service", 8083), new App("outcomes-service", 8084));
    static final String DATA_SPACE = "e2e";

    public record App(String name, int port) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        launcher(context);
    }

    static Launcher launcher(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Launcher.class, type -> Launcher.start(), Launcher.class);
    }

    /** The launcher of this test run; set before any test of a class that extends with RunningPlatform runs. */
    static Launcher current() {
        if (Launcher.current == null) {
            throw new IllegalStateException("no platform: the test class must use @ExtendWith(RunningPlatform.class)");
        }
        return Launcher.current;
    }

    static Path root() {
        return Path.of(System.getProperty("voimala.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Whether the process that serves {@code app} runs the build now in {@code <app>/target}: the launcher passes
     * each app {@code -Dvoimala.build=<stamp>}, a hash of the jars it starts (./voimala, build_stamp); this reads the
     * running process's own command line and computes the stamp of the jars on disk the same way.
     */
    static String runningBuild(Launcher launcher, App app) throws IOException {
        Path pidFile = launcher.runDir.resolve("pids").resolve(app.name() + ".pid");
        if (!Files.exists(pidFile)) {
            return "no pid file " + pidFile + ": the running " + app.name() + " was not started from this checkout";
        }
        String pid = Files.readString(pidFile).strip();
        Path cmdline = Path.of("/proc", pid, "cmdline");
        if (!Files.exists(cmdline)) {
            return "process " + pid + " of " + app.name() + " is not running";
        }
        return Arrays.stream(Files.readString(cmdline).split("\u0000"))
                .filter(arg -> arg.startsWith("-Dvoimala.build="))
                .map(arg -> arg.substring("-Dvoimala.build=".length()))
                .findFirst().orElse("no -Dvoimala.build on the command line of " + app.name());
    }

    /** The launcher's build_stamp: SHA-256 over the app's own jar(s), then the platform's jars it packs. */
    static String buildOnDisk(App app) throws IOException {
        Path quarkusApp = root().resolve(app.name()).resolve("target/quarkus-app");
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path jar : jars(quarkusApp.resolve("app"), "*.jar")) {
            sha256.update(Files.readAllBytes(jar));
        }
        for (Path jar : jars(quarkusApp.resolve("lib/main"), "fi.voimala.*.jar")) {
            sha256.update(Files.readAllBytes(jar));
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
    }

    private static List<Path> jars(Path folder, String glob) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, glob)) {
            found.forEach(jars::add);
        }
        jars.sort(Comparator.comparing(Path::toString));
        return jars;
    }

    /** The platform as this run found or started it; closed by JUnit after the last test. */
    static final class Launcher implements ExtensionContext.Store.CloseableResource {
        private static volatile Launcher current;
        private final boolean startedHere;
        final Path runDir;

        private Launcher(boolean startedHere) {
            this.startedHere = startedHere;
            this.runDir = startedHere ? spaceRunDir() : root().resolve(".voimala");
            current = this;
        }

        /** Whether this run started the platform in its own data space (and deletes it at the end). */
        boolean ownDataSpace() {
            return startedHere;
        }

        /**
         * A platform that answers ready is brought up to date with {@code up} (which restarts the apps whose build is
         * newer than their process, and fails if the platform was started from another checkout, whose processes it
         * does not know). Otherwise {@code up} starts everything in the e2e data space; a start that fails half-way
         * is taken down again.
         */
        static Launcher start() {
            if (allAppsReady() && !e2eSpaceRunning()) {
                run(false, "up");
                return new Launcher(false);
            }
            try {
                run(true, "up");
            } catch (RuntimeException failed) {
                try {
                    run(true, "down", "--wipe");
                } catch (RuntimeException cleanup) {
                    failed.addSuppressed(cleanup);
                }
                throw failed;
            }
            return new Launcher(true);
        }

        private static Path spaceRunDir() {
            return root().resolve(".voimala").resolve("spaces").resolve(DATA_SPACE);
        }

        /** Whether a platform of the e2e data space still runs, e.g. after an interrupted run. */
        private static boolean e2eSpaceRunning() {
            try {
                Path pid = spaceRunDir().resolve("pids").resolve("gateway.pid");
                return Files.exists(pid) && Files.exists(Path.of("/proc", Files.readString(pid).strip()));
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() {
            if (startedHere && !Boolean.getBoolean("voimala.keepRunning")) {
                run(true, "down", "--wipe");
            }
        }

        private static boolean allAppsReady() {
            return APPS.stream().allMatch(app -> httpStatus(app.url() + "/q/health/ready") == 200);
        }

        private static void run(boolean ownDataSpace, String... command) {
            Path root = root();
            List<String> line = new ArrayList<>(List.of(root.resolve("voimala").toString()));
            line.addAll(List.of(command));
            try {
                ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile()).inheritIO();
                if (ownDataSpace) {
                    builder.environment().put("VOIMALA_DATA_SPACE", DATA_SPACE);
                } else {
                    builder.environment().remove("VOIMALA_DATA_SPACE");
                }
                int exit = builder.start().waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("./voimala " + String.join(" ", command) + " failed with exit code "
                            + exit + "; see the logs in " + root.resolve(".voimala"));
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not run ./voimala " + String.join(" ", command), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running ./voimala " + String.join(" ", command), e);
            }
        }
    }

    static int httpStatus(String url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
