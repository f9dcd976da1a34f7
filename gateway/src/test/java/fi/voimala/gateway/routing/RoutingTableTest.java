package fi.voimala.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * The routing table read from configuration (plain JUnit with SmallRye Config): each resource to its service, and
 * a refusal to start on a table that cannot be right.
 */
class RoutingTableTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void eachResourceGoesToItsService() {
        RoutingTable table = RoutingTable.from(config(Map.of(
                "voimala.services.partners", "http://127.0.0.1:8081",
                "voimala.services.scheduling", "http://127.0.0.1:8082",
                "voimala.routes.partners", "organisations, pairs",
                "voimala.routes.scheduling", "visits")));
        assertEquals(Map.of("organisations", "partners", "pairs", "partners", "visits", "scheduling"), table.owners());
        assertEquals(URI.create("http://127.0.0.1:8082"), table.services().get("scheduling"));
    }

    @Test
    void aResourceRoutedTwiceStopsTheStart() {
        var error = assertThrows(IllegalStateException.class, () -> RoutingTable.from(config(Map.of(
                "voimala.services.partners", "http://127.0.0.1:8081",
                "voimala.services.scheduling", "http://127.0.0.1:8082",
                "voimala.routes.partners", "sites",
                "voimala.routes.scheduling", "sites"))));
        assertTrue(error.getMessage().contains("/api/sites is routed to both"), error.getMessage());
    }

    @Test
    void aPublicPathGoesToItsService() {
        RoutingTable table = RoutingTable.from(config(Map.of(
                "voimala.services.scheduling", "http://127.0.0.1:8082",
                "voimala.routes.scheduling", "visits",
                "voimala.public-routes.scheduling", "calendar")));
        assertEquals(Map.of("calendar", "scheduling"), table.publicOwners());
        assertEquals(Map.of("visits", "scheduling"), table.owners());
    }

    @Test
    void aPublicPathCannotOpenTheGatewaysOwnOrBeRoutedTwice() {
        for (String reserved : new String[] {"api", "q", "login", "logout", "a/b"}) {
            assertThrows(IllegalStateException.class, () -> RoutingTable.from(config(Map.of(
                    "voimala.services.scheduling", "http://127.0.0.1:8082",
                    "voimala.public-routes.scheduling", reserved))), reserved);
        }
        var error = assertThrows(IllegalStateException.class, () -> RoutingTable.from(config(Map.of(
                "voimala.services.partners", "http://127.0.0.1:8081",
                "voimala.services.scheduling", "http://127.0.0.1:8082",
                "voimala.public-routes.partners", "calendar",
                "voimala.public-routes.scheduling", "calendar"))));
        assertTrue(error.getMessage().contains("/calendar is routed to both"), error.getMessage());
        var noAddress = assertThrows(IllegalStateException.class,
                () -> RoutingTable.from(config(Map.of("voimala.public-routes.scheduling", "calendar"))));
        assertTrue(noAddress.getMessage().contains("set voimala.services.scheduling"), noAddress.getMessage());
    }

    @Test
    void aRouteWithoutAnAddressStopsTheStart() {
        var error = assertThrows(IllegalStateException.class,
                () -> RoutingTable.from(config(Map.of("voimala.routes.outcomes", "measurements"))));
        assertTrue(error.getMessage().contains("set voimala.services.outcomes"), error.getMessage());
    }

    @Test
    void theGatewaysOwnPathsAndNestedPathsCannotBeRouted() {
        assertThrows(IllegalStateException.class, () -> RoutingTable.from(config(Map.of(
                "voimala.services.partners", "http://127.0.0.1:8081", "voimala.routes.partners", "me"))));
        assertThrows(IllegalStateException.class, () -> RoutingTable.from(config(Map.of(
                "voimala.services.partners", "http://127.0.0.1:8081", "voimala.routes.partners", "a/b"))));
    }
}
