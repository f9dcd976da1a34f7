package fi.voimala.gateway.routing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for partners-service: it answers each request with what it received
 * (method, path, query, Authorization, Cookie, every header by its lower-case name, body), so tests can see
 * exactly what the gateway forwards. Like a Quarkus service, it answers a POST with a {@code Location} built from
 * the Host it was called by (its own address, when the gateway calls it). Asked with {@code X-Echo-Hop: yes},
 * it also answers with hop-by-hop headers that the gateway must not pass to the client.
 */
public class EchoService implements QuarkusTestResourceLifecycleManager {

    public static final AtomicInteger REQUESTS = new AtomicInteger();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            REQUESTS.incrementAndGet();
            JsonObject headers = new JsonObject();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
            JsonObject echo = new JsonObject()
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("authorization", request.getHeader("Authorization"))
                    .put("cookie", request.getHeader("Cookie"))
                    .put("headers", headers)
                    // Headers may repeat; a service reads the first: how many traceparent headers arrived.
                    .put("traceparentCount", request.headers().getAll("traceparent").size())
                    .put("body", body.toString());
            var response = request.response().putHeader("Content-Type", "application/json").setStatusCode(207);
            if (request.method().name().equals("POST")) {
                response.putHeader("Location", "http://" + request.authority() + request.path() + "/42");
            }
            if ("yes".equals(request.getHeader("X-Echo-Hop"))) {
                response.putHeader("Connection", "X-Service-Hop").putHeader("X-Service-Hop", "internal")
                        .putHeader("Keep-Alive", "timeout=5").putHeader("Upgrade", "h2c");
            }
            response.end(echo.encode());
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("echo service did not start", e);
        }
        return Map.of("voimala.services.partners", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        vertx.close();
    }
}
