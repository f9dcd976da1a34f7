package fi.voimala.gateway.routing;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The routing table from configuration: {@code voimala.routes.<service>} lists the resources (first path segments
 * under /api) that a service owns, {@code voimala.services.<service>} is its base URL. Refuses to start on a table
 * that cannot be right: a resource owned twice, a service without an address, a path that is not one segment.
 */
record RoutingTable(Map<String, String> owners, Map<String, URI> services) {

    private static final String ROUTES = "voimala.routes.";
    private static final String SERVICES = "voimala.services.";

    static RoutingTable from(Config config) {
        Map<String, String> owners = new HashMap<>();
        Map<String, URI> services = new HashMap<>();
        for (String property : config.getPropertyNames()) {
            if (!property.startsWith(ROUTES)) {
                continue;
            }
            String service = property.substring(ROUTES.length());
            URI address = config.getOptionalValue(SERVICES + service, URI.class).orElseThrow(() ->
                    new IllegalStateException(property + " names a service without an address: set " + SERVICES + service));
            services.put(service, address);
            List<String> resources = config.getValues(property, String.class);
            for (String resource : resources) {
                String name = resource.strip();
                if (name.isEmpty() || name.contains("/") || ServiceRoutes.GATEWAY_OWN.contains(name)) {
                    throw new IllegalStateException(property + ": '" + name
                            + "' is not a resource a service may own (one path segment, not the gateway's own)");
                }
                String earlier = owners.put(name, service);
                if (earlier != null && !earlier.equals(service)) {
                    throw new IllegalStateException("/api/" + name + " is routed to both " + earlier + " and " + service);
                }
            }
        }
        return new RoutingTable(Map.copyOf(owners), Map.copyOf(services));
    }
}
