package fi.voimala.gateway.routing;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code voimala.routes.*} into "which service owns this resource", and refuses to start on a table that
 * cannot be right: a resource owned twice, a service without an address, or a path that is not one segment.
 */
final class RoutingTable {

    private RoutingTable() {
    }

    static Map<String, String> owners(GatewayConfig config) {
        Map<String, String> owners = new HashMap<>();
        config.routes().forEach((service, resources) -> {
            if (!config.services().containsKey(service)) {
                throw new IllegalStateException("voimala.routes." + service + " names a service without an address: "
                        + "set voimala.services." + service);
            }
            for (String resource : resources) {
                String name = resource.strip();
                if (name.isEmpty() || name.contains("/") || ServiceRoutes.GATEWAY_OWN.contains(name)) {
                    throw new IllegalStateException("voimala.routes." + service + ": '" + name
                            + "' is not a resource a service may own (one path segment, not the gateway's own)");
                }
                String earlier = owners.put(name, service);
                if (earlier != null && !earlier.equals(service)) {
                    throw new IllegalStateException("/api/" + name + " is routed to both " + earlier + " and " + service);
                }
            }
        });
        return Map.copyOf(owners);
    }
}
