package fi.voimala.gateway.routing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Two services in trouble, for the fault tests: scheduling-service "hangs" (a socket that accepts connections,
 * reads nothing and never answers) and sessions-service is "down" (a port on which nothing listens, so the
 * connection is refused).
 */
public class BrokenServices implements QuarkusTestResourceLifecycleManager {

    private ServerSocket stalling;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            stalling = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!stalling.isClosed()) {
                    try {
                        held.add(stalling.accept()); // kept open, never answered
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "stalling-service");
            acceptor.setDaemon(true);
            acceptor.start();
            int closedPort;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = probe.getLocalPort();
            }
            return Map.of(
                    "voimala.services.scheduling", "http://127.0.0.1:" + stalling.getLocalPort(),
                    "voimala.services.sessions", "http://127.0.0.1:" + closedPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            stalling.close();
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException ignored) {
            // the test is over
        }
    }
}
