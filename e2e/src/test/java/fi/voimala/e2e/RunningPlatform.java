package fi.voimala.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Brings the whole platform up once per test run with the launcher a user runs ({@code ./voimala up}), and
 * takes it down after the last test, but only if this run started it: a platform a developer already had
 * running is used as it is and left running.
 */
public class RunningPlatform implements BeforeAllCallback {

    public static final String GATEWAY = "http://localhost:8080";
    public static final String KEYCLOAK = "http://localhost:8180";
    /** The five apps and their ports, as in the README's table. */
    public static final List<App> APPS = List.of(
            new App("gateway", 8080), new App("partners-service", 8081), new App("scheduling-service", 8082),
            new App("sessions-service", 8083), new App("outcomes-service", 8084));

    public record App(String name, int port) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Launcher.class, type -> Launcher.start(), Launcher.class);
    }

    /** The platform as this run found or started it; closed by JUnit after the last test. */
    static final class Launcher implements ExtensionContext.Store.CloseableResource {
        private final boolean startedHere;

        private Launcher(boolean startedHere) {
            this.startedHere = startedHere;
        }

        /**
         * A platform that answers ready is used as it is (it may have been started from another checkout, whose
         * pids this one does not know; it runs the builds it was started with). Otherwise {@code up} starts
         * everything, and a start that fails half-way is taken down again.
         */
        static Launcher start() {
            if (allAppsReady()) {
                return new Launcher(false);
            }
            try {
                run("up");
            } catch (RuntimeException failed) {
                run("down");
                throw failed;
            }
            return new Launcher(true);
        }

        @Override
        public void close() {
            if (startedHere && !Boolean.getBoolean("voimala.keepRunning")) {
                run("down");
            }
        }

        private static boolean allAppsReady() {
            return APPS.stream().allMatch(app -> httpStatus(app.url() + "/q/health/ready") == 200);
        }

        private static void run(String command) {
            Path root = Path.of(System.getProperty("voimala.root", "..")).toAbsolutePath().normalize();
            try {
                Process process = new ProcessBuilder(root.resolve("voimala").toString(), command)
                        .directory(root.toFile()).inheritIO().start();
                int exit = process.waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("./voimala " + command + " failed with exit code " + exit
                            + "; see the logs in " + root.resolve(".voimala/logs"));
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not run ./voimala " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running ./voimala " + command, e);
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
