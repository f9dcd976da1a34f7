package fi.voimala.gateway.routing;

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
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Routes {@code /api/<resource>} to the service that owns the resource, passing the caller's access token on:
 * the bearer token an API client sent, or the one behind a browser's session. Services check that token
 * themselves. The session cookie stays at the gateway. Authentication happened before this (HTTP permission
 * {@code /api/*} authenticated), so an unauthenticated request never reaches a service.
 */
@ApplicationScoped
public class ServiceRoutes {

    /** Which service owns which resource path under /api. */
    static final Map<String, String> OWNERS = Map.of(
            "organisations", "partners",
            "professionals", "partners",
            "pairs", "partners",
            "sites", "partners",
            "agreements", "partners");

    @ConfigProperty(name = "voimala.services.partners")
    URI partners;
    @ConfigProperty(name = "voimala.services.scheduling")
    URI scheduling;
    @ConfigProperty(name = "voimala.services.sessions")
    URI sessions;
    @ConfigProperty(name = "voimala.services.outcomes")
    URI outcomes;

    void register(@Observes Router router, Vertx vertx) {
        Map<String, URI> services = Map.of("partners", partners, "scheduling", scheduling, "sessions", sessions,
                "outcomes", outcomes);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(50));
        OWNERS.forEach((resource, service) -> {
            URI target = services.get(service);
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(target.getPort(), target.getHost());
            router.route("/api/" + resource).order(-1).handler(context -> forward(context, proxy));
            router.route("/api/" + resource + "/*").order(-1).handler(context -> forward(context, proxy));
        });
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

    private static String accessToken(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            return credential == null ? null : credential.getToken();
        }
        return null;
    }
}
