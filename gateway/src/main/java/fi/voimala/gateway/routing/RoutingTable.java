package fi.voimala.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The routing table from configuration: {@code voimala.routes.<service>} lists the /api routes a service owns,
 * {@code voimala.public-routes.<service>} the top-level paths it serves without a login (e.g. {@code calendar}:
 * /calendar/**, which calendar apps fetch without a token), and {@code voimala.services.<service>} is its base URL.
 *
 * <p>An /api route is a resource (the first path segment under /api, e.g. {@code series}) or a pattern of several
 * segments in which {@code *} stands for exactly one non-empty segment (e.g. <code>series/&#42;/attendance</code>).
 * Every route owns the paths that begin with its segments, so <code>series/&#42;/attendance</code> owns
 * /api/series/42/attendance and everything below it (/api/series/42/attendance/2027), as {@code series} owns
 * /api/series/**. Where several routes match, the most specific wins: the one with more segments, and of two as long
 * the one with a literal segment where the other has {@code *} (first difference from the left). So with
 * {@code scheduling=series} and <code>sessions=series/&#42;/attendance</code>, /api/series/42/attendance goes to sessions
 * and /api/series, /api/series/42 and /api/series/42/pause to scheduling.
 *
 * <p>Refuses to start on a table that cannot be right: a route owned by two services, a service without an address,
 * an empty segment ({@code series//attendance}, a leading or trailing slash), a {@code *} that is not a whole
 * segment, a route whose first segment is {@code *} (it would take every resource) or the gateway's own ({@code me}),
 * and a public path that is not one segment or would open one of the gateway's own (/api, /q, /login, /logout).
 */
final class RoutingTable {

    private static final String ROUTES = "voimala.routes.";
    private static final String PUBLIC_ROUTES = "voimala.public-routes.";
    private static final String SERVICES = "voimala.services.";
    private static final String API = "/api/";
    private static final String ANY = "*";
    /** Top-level paths the gateway keeps: the token-checked API, health and metrics, the browser's login. */
    static final Set<String> GATEWAY_TOP_LEVEL = Set.of("api", "q", "login", "logout");

    /** A route of several segments and its owner. */
    record Pattern(List<String> segments, String service) {

        /** Whether a path's segments begin with this pattern's ({@code *} matching any one non-empty segment). */
        boolean matches(String[] path) {
            if (path.length < segments.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (segment.equals(ANY) ? path[i].isEmpty() : !segment.equals(path[i])) {
                    return false;
                }
            }
            return true;
        }

        /** More segments first; at the same length, a literal segment before {@code *} at the first difference. */
        static final Comparator<Pattern> MOST_SPECIFIC_FIRST = (a, b) -> {
            if (a.segments.size() != b.segments.size()) {
                return Integer.compare(b.segments.size(), a.segments.size());
            }
            for (int i = 0; i < a.segments.size(); i++) {
                String x = a.segments.get(i);
                String y = b.segments.get(i);
                if (!x.equals(y)) {
                    return x.equals(ANY) ? 1 : y.equals(ANY) ? -1 : x.compareTo(y);
                }
            }
            return 0;
        };
    }

    private final Map<String, String> owners;
    private final Map<String, List<Pattern>> patternsByResource;
    private final Map<String, String> publicOwners;
    private final Map<String, URI> services;

    private RoutingTable(Map<String, String> owners, Map<String, String> publicOwners, Map<String, URI> services) {
        this.owners = Map.copyOf(owners);
        this.publicOwners = Map.copyOf(publicOwners);
        this.services = Map.copyOf(services);
        // Patterns are looked up by their first segment, which is never *: a request that does not name one of
        // these resources costs a map lookup, as before.
        Map<String, List<Pattern>> byResource = new HashMap<>();
        owners.forEach((route, service) -> {
            if (route.contains("/")) {
                Pattern pattern = new Pattern(List.of(route.split("/")), service);
                byResource.computeIfAbsent(pattern.segments().get(0), first -> new ArrayList<>()).add(pattern);
            }
        });
        byResource.replaceAll((resource, patterns) -> patterns.stream().sorted(Pattern.MOST_SPECIFIC_FIRST).toList());
        this.patternsByResource = Map.copyOf(byResource);
    }

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
            for (String entry : config.getValues(property, String.class)) {
                String name = entry.strip();
                if (api) {
                    requireApiRoute(property, name);
                    add(owners, name, service, API);
                } else {
                    requirePublicPath(property, name);
                    add(publicOwners, name, service, "/");
                }
            }
        }
        return new RoutingTable(owners, publicOwners, services);
    }

    /** Every /api route by its text ({@code series}, <code>series/&#42;/attendance</code>) to the service that owns it. */
    Map<String, String> owners() {
        return owners;
    }

    /** The top-level paths served without a login, to their services. */
    Map<String, String> publicOwners() {
        return publicOwners;
    }

    /** Each service's base URL. */
    Map<String, URI> services() {
        return services;
    }

    /**
     * The service that owns an /api path (as the router normalised it): the most specific pattern that matches it,
     * else the owner of its first segment; null when no service owns it.
     */
    String ownerOf(String path) {
        String rest = path.startsWith(API) ? path.substring(API.length()) : "";
        int slash = rest.indexOf('/');
        String resource = slash < 0 ? rest : rest.substring(0, slash);
        List<Pattern> patterns = patternsByResource.get(resource);
        if (patterns != null && slash >= 0) {
            String[] segments = rest.split("/", -1);
            for (Pattern pattern : patterns) {
                if (pattern.matches(segments)) {
                    return pattern.service();
                }
            }
        }
        return owners.get(resource);
    }

    private static void requireApiRoute(String property, String route) {
        String[] segments = route.split("/", -1);
        String first = segments[0];
        String problem = Arrays.stream(segments).anyMatch(String::isEmpty) ? "an empty path segment"
                : Arrays.stream(segments).anyMatch(s -> s.contains(ANY) && !s.equals(ANY)) ? "'*' that is not a whole segment"
                : first.equals(ANY) ? "'*' as its first segment (it would take every resource)"
                : ServiceRoutes.GATEWAY_OWN.contains(first) ? "the gateway's own /api/" + first
                : null;
        if (problem != null) {
            throw new IllegalStateException(property + ": '" + route + "' is not a route a service may own: it has "
                    + problem);
        }
    }

    private static void requirePublicPath(String property, String name) {
        if (name.isEmpty() || name.contains("/") || GATEWAY_TOP_LEVEL.contains(name)) {
            throw new IllegalStateException(property + ": '" + name
                    + "' is not a path a service may own (one path segment, not the gateway's own)");
        }
    }

    private static void add(Map<String, String> owners, String name, String service, String under) {
        String earlier = owners.put(name, service);
        if (earlier != null && !earlier.equals(service)) {
            throw new IllegalStateException(under + name + " is routed to both " + earlier + " and " + service);
        }
    }
}
