package fi.voimala.gateway.problem;

import fi.voimala.platform.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;

/**
 * The problems the gateway answers itself, outside JAX-RS (so platform-commons' mappers never see them): a
 * service that is down, hangs or breaks off, an /api path no service owns, and a cookie-session change without
 * proof that it came from the platform's own pages. Same {@link Problem} shape as every service's errors.
 */
public final class GatewayProblems {

    private GatewayProblems() {
    }

    /** The connection was refused (or failed otherwise): nothing listens where the service should be. */
    public static Problem serviceUnreachable(String service) {
        return Problem.of(503, "service-unavailable", service + " is not reachable", List.of());
    }

    /** The service did not accept a connection in time: as good as down. */
    public static Problem serviceNotConnecting(String service, Duration waited) {
        return Problem.of(503, "service-unavailable",
                service + " did not accept a connection within " + seconds(waited), List.of());
    }

    public static Problem gatewayTimeout(String service, Duration waited) {
        return Problem.of(504, "gateway-timeout", service + " did not answer within " + seconds(waited), List.of());
    }

    /** Every connection to the service stayed busy with earlier requests (it is slow or hangs): no answer in time. */
    public static Problem serviceBusy(String service, Duration waited) {
        return Problem.of(504, "gateway-timeout", service + " did not answer within " + seconds(waited)
                + ": every connection to it stayed busy", List.of());
    }

    public static Problem badGateway(String service) {
        return Problem.of(502, "bad-gateway", service + " broke off the exchange without a complete answer", List.of());
    }

    public static Problem notFound(String path) {
        return Problem.of(404, "not-found", "no service owns " + path, List.of());
    }

    public static Problem csrf(String reason) {
        return Problem.of(403, "csrf", reason, List.of());
    }

    public static Buffer body(Problem problem) {
        return Buffer.buffer(Json.encode(problem));
    }

    /** Ends the exchange with the problem as {@code application/problem+json}. */
    public static void send(RoutingContext context, Problem problem) {
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body(problem));
    }

    /** "10 s", or "500 ms" for the short waits of tests. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
