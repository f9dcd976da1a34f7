package fi.voimala.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gateway's routing table and its patience with the services, all from configuration:
 * {@code voimala.services.<service>} is a service's base URL, {@code voimala.routes.<service>} the first path
 * segments under {@code /api} it owns, and {@code voimala.gateway.*} how long the gateway waits for a service.
 */
@ConfigMapping(prefix = "voimala")
public interface GatewayConfig {

    /** Each service's base URL, e.g. {@code partners -> http://127.0.0.1:8081}. */
    Map<String, URI> services();

    /** Each service's resources: {@code partners -> [organisations, professionals, ...]} owns /api/organisations/**. */
    Map<String, List<String>> routes();

    Gateway gateway();

    /** How long the gateway waits for a service before it answers for it. */
    interface Gateway {

        /** Time to open a connection to a service; past it the service counts as down (503). */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Time a service may stay silent once the request is sent; past it the gateway answers 504. */
        @WithDefault("10s")
        Duration requestTimeout();
    }
}
