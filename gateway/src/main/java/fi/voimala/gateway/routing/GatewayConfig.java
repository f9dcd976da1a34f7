package fi.voimala.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the gateway waits for a service before it answers for it ({@code voimala.gateway.*}). */
@ConfigMapping(prefix = "voimala.gateway")
public interface GatewayConfig {

    /** Time to open a connection to a service; past it the service counts as down (503). */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Time a service may stay silent once the request is sent; past it the gateway answers 504. */
    @WithDefault("10s")
    Duration requestTimeout();
}
