package fi.voimala.gateway.routing;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The routing table from configuration: {@code voimala.routes.<service>} lists the resources (first path segments
 * under /api) that a service owns, {@code voimala.public-routes.<service>} the top-level paths it serves without a
 * login (e.g. {@code calendar}: /calendar/**, which calendar apps fetch without a token), and
 * {@code voimala.services.<service>} is its base URL. Refuses to start on a table that cannot be right: a path owned
 * twice, a service without an address, a path that is not one segment, or a public path that would open one of the
 * gateway's own (/api, /q, /login, /logout).
 */
record RoutingTable(Map<String, String> owners, Map<String, String> publicOwners, Map<String, URI> services) {

    private static final String ROUTES = "voimala.routes.";
    private static final String PUBLIC_ROUTES = "voimala.public-routes.";
    private static final String SERVICES = "voimala.services.";
    /** Top-level paths the gateway keeps: the token-checked API, health and metrics, the browser's login. */
    static final Set<String> GATEWAY_TOP_LEVEL = Set.of("api", "q", "login", "logout");

    static RoutingTable from(Config config) {
        Map<String, String> owners = new HashMap<>();
        Map<String, String> publicOwners = new HashMap<>();
        Map<String, URI> services = new HashMap<>();
        for (String property : config.getPropertyNames()) {
            boolean api = property.startsWith(ROUTES);
            if (!api && !property.startsWith(PUBLIC_ROUTES)) {
                continue;
            }
            String service = property.substring((api ? ROUTES : PUBLIC_ROUTES).length());
            URI address = config.getOptionalValue(SERVICES + service, URI.class).orElseThrow(() ->
                    new IllegalStateException(property + " names a service without an address: set " + SERVICES + service));
            services.put(service, address);
            for (String resource : config.getValues(property, String.class)) {
                String name = resource.strip();
                if (api) {
                    add(owners, property, name, service, ServiceRoutes.GATEWAY_OWN, "/api/");
                } else {
                    add(publicOwners, property, name, service, GATEWAY_TOP_LEVEL, "/");
                }
            }
        }
        return new RoutingTable(Map.copyOf(owners), Map.copyOf(publicOwners), Map.copyOf(services));
    }

    private static void add(Map<String, String> owners, String property, String name, String service,
                            Set<String> reserved, String under) {
        if (name.isEmpty() || name.contains("/") || reserved.contains(name)) {
            throw new IllegalStateException(property + ": '" + name
                    + "' is not a path a service may own (one path segment, not the gateway's own)");
        }
        String earlier = owners.put(name, service);
        if (earlier != null && !earlier.equals(service)) {
            throw new IllegalStateException(under + name + " is routed to both " + earlier + " and " + service);
        }
    }
}
