package fi.voimala.gateway.stream;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which series a user reads, as scheduling-service answers {@code GET /api/series} with the user's own token: the
 * gateway does not keep rules of its own about who reads what, it asks the service that owns the series.
 */
@ApplicationScoped
public class ReadableSeries {

    private static final int PAGE_SIZE = 100;

    @Inject
    Vertx vertx;
    /** scheduling-service, which owns the series (a setting of its own only so that tests can stand in for it). */
    @ConfigProperty(name = "voimala.stream.series-source")
    URI scheduling;

    private WebClient client;

    @PostConstruct
    void open() {
        client = WebClient.create(vertx);
    }

    /** The ids of every series the token's user reads; fails when scheduling-service does not answer 200. */
    public Uni<Set<String>> of(String accessToken) {
        return page(accessToken, 0, new HashSet<>());
    }

    private Uni<Set<String>> page(String accessToken, int page, Set<String> ids) {
        int port = scheduling.getPort() > 0 ? scheduling.getPort() : ("https".equals(scheduling.getScheme()) ? 443 : 80);
        return client.get(port, scheduling.getHost(), "/api/series")
                .ssl("https".equals(scheduling.getScheme()))
                .addQueryParam("page", Integer.toString(page)).addQueryParam("size", Integer.toString(PAGE_SIZE))
                .bearerTokenAuthentication(accessToken)
                .timeout(5_000)
                .send()
                .chain(response -> {
                    if (response.statusCode() != 200) {
                        return Uni.createFrom().failure(new IllegalStateException("scheduling-service answered "
                                + response.statusCode() + " when asked which series the user reads"));
                    }
                    JsonObject body = response.bodyAsJsonObject();
                    JsonArray items = body.getJsonArray("items");
                    for (int i = 0; i < items.size(); i++) {
                        ids.add(items.getJsonObject(i).getString("id"));
                    }
                    boolean more = page + 1 < body.getInteger("totalPages", 0);
                    return more ? page(accessToken, page + 1, ids) : Uni.createFrom().item(ids);
                });
    }
}
