package fi.voimala.gateway.stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for scheduling-service's {@code GET /api/series}: it answers, for the user named in
 * the bearer token, the series a test has said they read, in pages as the service does. The live stream asks it.
 */
public class SeriesDirectory implements QuarkusTestResourceLifecycleManager {

    /** Series ids per user name, as the test sets them. */
    public static final Map<String, List<String>> READS = new ConcurrentHashMap<>();
    public static final AtomicInteger ASKED = new AtomicInteger();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            ASKED.incrementAndGet();
            String authorization = request.getHeader("Authorization");
            if (!request.path().equals("/api/series") || authorization == null || !authorization.startsWith("Bearer ")) {
                request.response().setStatusCode(401).end();
                return;
            }
            String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
            String user = new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                    .getString("preferred_username");
            List<String> series = READS.getOrDefault(user, List.of());
            int page = Integer.parseInt(request.getParam("page", "0"));
            int size = Integer.parseInt(request.getParam("size", "20"));
            JsonArray items = new JsonArray();
            series.stream().skip((long) page * size).limit(size).forEach(id -> items.add(new JsonObject().put("id", id)));
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("items", items)
                    .put("page", page).put("size", size).put("totalItems", series.size())
                    .put("totalPages", (series.size() + size - 1) / size).encode());
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the series directory did not start", e);
        }
        return Map.of("voimala.stream.series-source", "http://127.0.0.1:" + server.actualPort(),
                "voimala.stream.enabled", "true");
    }

    @Override
    public void stop() {
        vertx.close();
    }
}
