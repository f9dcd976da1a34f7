package fi.voimala.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * Tells a service where a request really came from, and turns a service's own address in a {@code Location}
 * back into the address the client called.
 *
 * <p>The gateway replaces whatever forwarding headers arrived with its own view of the request: the client's
 * address, scheme and host as Quarkus saw them. Quarkus already takes X-Forwarded-* into account when they come
 * from a trusted proxy in front of the gateway ({@code quarkus.http.proxy.*}), and a client that is not such a
 * proxy cannot make a service believe it came from elsewhere.
 */
final class ForwardedHeaders {

    private static final List<String> INCOMING = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server", "X-Real-IP");

    private ForwardedHeaders() {
    }

    static void replace(MultiMap headers, HttpServerRequest incoming) {
        INCOMING.forEach(headers::remove);
        SocketAddress client = incoming.remoteAddress();
        if (client != null && client.host() != null) {
            headers.set("X-Forwarded-For", client.host());
        }
        headers.set("X-Forwarded-Proto", incoming.scheme());
        String host = host(incoming);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
    }

    /** The origin the client called, e.g. {@code https://voimala.example.fi} or {@code http://localhost:8080}. */
    static String origin(HttpServerRequest incoming) {
        String host = host(incoming);
        return host == null ? null : incoming.scheme() + "://" + host;
    }

    /**
     * {@code http://127.0.0.1:8081/api/organisations/42} (the service's address) becomes
     * {@code <origin>/api/organisations/42}; any other value is kept as it is.
     */
    static String rewrite(String location, URI service, String origin) {
        if (location == null || origin == null) {
            return location;
        }
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException notAUri) {
            return location;
        }
        if (!uri.isAbsolute() || uri.getHost() == null || !uri.getHost().equalsIgnoreCase(service.getHost())
                || port(uri) != port(service)) {
            return location;
        }
        String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            rest += "?" + uri.getRawQuery();
        }
        if (uri.getRawFragment() != null) {
            rest += "#" + uri.getRawFragment();
        }
        return origin + rest;
    }

    /** host[:port] as the client wrote it, without the scheme's default port. */
    private static String host(HttpServerRequest incoming) {
        HostAndPort authority = incoming.authority();
        if (authority == null || authority.host() == null || authority.host().isEmpty()) {
            return null;
        }
        int port = authority.port();
        boolean defaultPort = port < 0 || port == defaultPort(incoming.scheme());
        String host = authority.host().contains(":") && !authority.host().startsWith("[")
                ? "[" + authority.host() + "]" : authority.host();
        return defaultPort ? host : host + ":" + port;
    }

    /** The URI's port, or its scheme's default when it names none. */
    static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme());
    }

    /** 443 for https, 80 for http: the one rule for the port a URL or Host header leaves out. */
    static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
