package fi.voimala.gateway.routing;

import io.vertx.core.MultiMap;
import java.util.List;

/**
 * Removes the headers that describe one connection rather than the message (RFC 9110, section 7.6.1), so that
 * neither the client's connection details reach a service nor a service's reach the client: the fixed list and
 * every header that {@code Connection} names. vertx-http-proxy drops the fixed list from requests only, and
 * neither the named headers nor anything from responses (apart from Transfer-Encoding).
 */
final class HopByHopHeaders {

    /** RFC 9110's hop-by-hop fields, plus the old Proxy-Connection that some clients still send. */
    static final List<String> FIXED = List.of("Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate",
            "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade");

    private HopByHopHeaders() {
    }

    static void strip(MultiMap headers) {
        for (String connection : headers.getAll("Connection")) {
            for (String named : connection.split(",")) {
                String name = named.strip();
                // A client may not name away what the gateway itself sets or the message needs.
                if (!name.isEmpty() && !isProtected(name)) {
                    headers.remove(name);
                }
            }
        }
        FIXED.forEach(headers::remove);
    }

    private static boolean isProtected(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("authorization") || lower.equals("host") || lower.startsWith("content-");
    }
}
