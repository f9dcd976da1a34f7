package fi.voimala.gateway.routing;

import fi.voimala.gateway.problem.GatewayProblems;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Routes {@code /api/<resource>/**} to the service that owns the path (the {@link RoutingTable} from
 * {@code voimala.routes.*}: the most specific matching pattern, such as <code>series/&#42;/attendance</code>, else the
 * resource's owner), passing the caller's access token on: the bearer token an API client sent, or the one
 * behind a browser's session. Services check that token themselves. The session cookie stays at the gateway.
 * Authentication happened before this (HTTP permission {@code /api/*} authenticated), so an unauthenticated
 * request never reaches a service, and an /api path that nobody owns is a 404 problem only for a known caller.
 *
 * <p>A public route ({@code voimala.public-routes.<service>}, e.g. /calendar/**) is passed on without a login and
 * without any credential: neither the session cookie nor an Authorization header reaches the service, which must
 * answer such a path on its own terms (a calendar feed's secret URL). Everything else is as for /api: the same
 * exchange, headers and timeouts.
 */
@ApplicationScoped
public class ServiceRoutes {

    /** The /api resources that the gateway answers itself (its JAX-RS resources), not a service. */
    static final Set<String> GATEWAY_OWN = Set.of("me", "stream");

    @Inject
    GatewayConfig timeouts;
    @Inject
    Config config;

    void register(@Observes Router router, Vertx vertx) {
        RoutingTable table = RoutingTable.from(config);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(timeouts.maxConnections())
                .setConnectTimeout((int) timeouts.connectTimeout().toMillis()));
        Map<String, HttpProxy> proxies = new HashMap<>();
        table.services().forEach((service, address) -> {
            ServiceExchange exchange = new ServiceExchange(service, address,
                    timeouts.connectTimeout(), timeouts.requestTimeout());
            proxies.put(service, HttpProxy.reverseProxy(client).origin(exchange.origin()).addInterceptor(exchange));
        });
        router.route("/api/*").order(-1).handler(context -> {
            String path = context.normalizedPath();
            if (GATEWAY_OWN.contains(firstSegment(path))) {
                context.next();
                return;
            }
            String service = table.ownerOf(path);
            if (service == null) {
                GatewayProblems.send(context, GatewayProblems.notFound(path));
                return;
            }
            forward(context, proxies.get(service));
        });
        table.publicOwners().forEach((path, service) -> router.route("/" + path + "/*").order(-1)
                .handler(context -> forwardAnonymously(context, proxies.get(service))));
    }

    /** "/api/organisations/42/leave" -> "organisations"; "/api" and "/api/" -> "". */
    static String firstSegment(String path) {
        String rest = path.length() > "/api/".length() ? path.substring("/api/".length()) : "";
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static void forward(RoutingContext context, HttpProxy proxy) {
        String token = accessToken(context);
        if (token == null) {
            context.response().setStatusCode(401).end();
            return;
        }
        context.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        context.request().headers().remove(HttpHeaders.COOKIE);
        proxy.handle(context.request());
    }

    private static void forwardAnonymously(RoutingContext context, HttpProxy proxy) {
        context.request().headers().remove(HttpHeaders.AUTHORIZATION);
        context.request().headers().remove(HttpHeaders.COOKIE);
        proxy.handle(context.request());
    }

    private static String accessToken(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            return credential == null ? null : credential.getToken();
        }
        return null;
    }
}
