package fi.voimala.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Which {@code Location} values the gateway rewrites (plain JUnit): only those naming the service's own address,
 * with path, query and fragment kept; anything else, relative or elsewhere, passes unchanged; and the one
 * default-port rule (80/443) that the Location rewrite, the forwarded host and the service address share.
 */
class ForwardedHeadersTest {

    private static final URI SERVICE = URI.create("http://127.0.0.1:8081");
    private static final String GATEWAY = "https://voimala.example.fi";

    @Test
    void theServicesOwnAddressBecomesTheGateways() {
        assertEquals("https://voimala.example.fi/api/organisations/42?x=1#top",
                ForwardedHeaders.rewrite("http://127.0.0.1:8081/api/organisations/42?x=1#top", SERVICE, GATEWAY));
    }

    @Test
    void otherAddressesAreKept() {
        assertEquals("/api/organisations/42", ForwardedHeaders.rewrite("/api/organisations/42", SERVICE, GATEWAY));
        assertEquals("http://127.0.0.1:8082/api/visits/1",
                ForwardedHeaders.rewrite("http://127.0.0.1:8082/api/visits/1", SERVICE, GATEWAY));
        assertEquals("http://localhost:8180/realms/voimala",
                ForwardedHeaders.rewrite("http://localhost:8180/realms/voimala", SERVICE, GATEWAY));
        assertEquals("not a uri at all", ForwardedHeaders.rewrite("not a uri at all", SERVICE, GATEWAY));
    }

    @Test
    void defaultPortsCount() {
        URI onDefaultPort = URI.create("http://partners");
        assertEquals(GATEWAY + "/api/pairs/1",
                ForwardedHeaders.rewrite("http://partners:80/api/pairs/1", onDefaultPort, GATEWAY));
    }

    @Test
    void theDefaultPortRuleIsOneForUrlsAndHosts() {
        assertEquals(443, ForwardedHeaders.port(URI.create("https://voimala.example.fi/api")));
        assertEquals(80, ForwardedHeaders.port(URI.create("http://partners/api")));
        assertEquals(8081, ForwardedHeaders.port(URI.create("http://127.0.0.1:8081")));
        assertEquals(443, ForwardedHeaders.defaultPort("HTTPS"));
        assertEquals(80, ForwardedHeaders.defaultPort("http"));
    }
}
