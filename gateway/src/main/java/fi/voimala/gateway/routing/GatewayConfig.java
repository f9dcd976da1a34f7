package fi.voimala.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long the gateway waits for a service before it answers for it, and how many connections it opens to each
 * ({@code voimala.gateway.*}).
 */
@ConfigMapping(prefix = "voimala.gateway")
public interface GatewayConfig {

    /** Time to open a connection to a service; past it the service counts as down (503). */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Time a service may stay silent once the request is sent; past it the gateway answers 504. */
    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * Open connections per service at most; further requests wait for one to come free, at most the connect
     * timeout plus the request timeout (by then a busy connection has either answered or been given up), else 504.
     */
    @WithDefault("50")
    int maxConnections();
}
