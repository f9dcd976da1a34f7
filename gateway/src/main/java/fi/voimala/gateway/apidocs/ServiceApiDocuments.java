package fi.voimala.gateway.apidocs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Each service's OpenAPI document, served by the gateway at {@code /openapi/<service>} so that the gateway's Swagger
 * UI lists the whole API in one place ({@code quarkus.swagger-ui.urls.*}). The services' paths are the gateway's
 * ({@code /api/...}, routed as they are named) and the documents name no server, so "Try it out" goes through the
 * gateway, with the browser's session. Public, as each service's own {@code /q/openapi} is.
 */
@Path("/openapi")
@PermitAll
public class ServiceApiDocuments {

    static final String SERVICES_PREFIX = "voimala.services.";

    @Inject
    Vertx vertx;
    @Inject
    Config config;

    private WebClient client;
    private Map<String, URI> services;

    @PostConstruct
    void open() {
        client = WebClient.create(vertx);
        services = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(SERVICES_PREFIX)) {
                services.put(name.substring(SERVICES_PREFIX.length()), URI.create(config.getValue(name, String.class)));
            }
        }
    }

    @GET
    @Path("/{service}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A service's OpenAPI document (partners, scheduling, sessions, outcomes), as the gateway serves its paths")
    public Uni<String> document(@PathParam("service") String service) {
        URI address = Optional.ofNullable(services.get(service)).orElseThrow(() -> new NotFoundException(
                "no service is called '" + service + "'; the services are " + String.join(", ", services.keySet())));
        int port = address.getPort() > 0 ? address.getPort() : ("https".equals(address.getScheme()) ? 443 : 80);
        return client.get(port, address.getHost(), "/q/openapi").ssl("https".equals(address.getScheme()))
                .addQueryParam("format", "json").timeout(5_000).send()
                .onFailure().transform(failure -> new ServiceUnavailableException(service + "-service is not reachable"))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new ServiceUnavailableException(service + "-service answered " + response.statusCode());
                    }
                    return response.bodyAsString();
                });
    }
}
