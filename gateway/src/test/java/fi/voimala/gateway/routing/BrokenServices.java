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
 * Three services in trouble, for the fault tests: scheduling-service "hangs" (a socket that accepts connections,
 * reads nothing and never answers), sessions-service is "down" (a port on which nothing listens, so the
 * connection is refused), and outcomes-service does not even take connections (a socket that never accepts and
 * whose queue of waiting connections is already full, so a new connection attempt gets no reply).
 */
public class BrokenServices implements QuarkusTestResourceLifecycleManager {

    private ServerSocket stalling;
    private ServerSocket full;
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
            full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            fillQueue(full.getLocalPort());
            return Map.of(
                    "voimala.services.scheduling", "http://127.0.0.1:" + stalling.getLocalPort(),
                    "voimala.services.sessions", "http://127.0.0.1:" + closedPort,
                    "voimala.services.outcomes", "http://127.0.0.1:" + full.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects until the kernel no longer completes handshakes for the never-accepting socket. */
    private void fillQueue(int port) {
        for (int i = 0; i < 16; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                held.add(socket);
            } catch (IOException queueFull) {
                closeQuietly(socket);
                return;
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void stop() {
        try {
            full.close();
            stalling.close();
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException ignored) {
            // the test is over
        }
    }
}
