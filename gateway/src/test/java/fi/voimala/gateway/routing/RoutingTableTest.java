package fi.voimala.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * The routing table read from configuration (plain JUnit with SmallRye Config): each resource and each pattern to its
 * service, the most specific route winning for a path, and a refusal to start on a table that cannot be right.
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
    void theGatewaysOwnPathsCannotBeRouted() {
        for (String route : new String[] {"me", "me/*/x", "me/settings"}) {
            var error = assertThrows(IllegalStateException.class, () -> RoutingTable.from(config(Map.of(
                    "voimala.services.partners", "http://127.0.0.1:8081", "voimala.routes.partners", route))), route);
            assertTrue(error.getMessage().contains("the gateway's own /api/me"), error.getMessage());
        }
    }

    /** The gateway's own configuration (application.properties): sessions' pattern inside scheduling's series. */
    private static RoutingTable schedulingAndSessions() {
        return RoutingTable.from(config(Map.of(
                "voimala.services.scheduling", "http://127.0.0.1:8082",
                "voimala.services.sessions", "http://127.0.0.1:8083",
                "voimala.routes.scheduling", "groups,series,visits",
                "voimala.routes.sessions", "participants,session-records,session-figures,audit-log,series/*/attendance")));
    }

    @Test
    void aPatternGoesToItsOwnerAndTheRestOfItsResourceStaysWithTheResourcesOwner() {
        RoutingTable table = schedulingAndSessions();
        assertEquals("sessions", table.owners().get("series/*/attendance"));
        assertEquals("sessions", table.ownerOf("/api/series/42/attendance"));
        assertEquals("sessions", table.ownerOf("/api/series/6a1c7f0e-2b4d-4c8a-9e3f-5d7b1a2c4e6f/attendance"));
        // A pattern owns what lies below it, as a resource does.
        assertEquals("sessions", table.ownerOf("/api/series/42/attendance/"));
        assertEquals("sessions", table.ownerOf("/api/series/42/attendance/2027-09"));
        for (String path : new String[] {"/api/series", "/api/series/", "/api/series/42", "/api/series/42/pause",
                "/api/series/attendance", "/api/series/42/attendances", "/api/series/42/x/attendance",
                // * stands for one segment, never an empty one.
                "/api/series//attendance"}) {
            assertEquals("scheduling", table.ownerOf(path), path);
        }
        assertEquals("sessions", table.ownerOf("/api/audit-log"));
        assertEquals("scheduling", table.ownerOf("/api/groups/42/attendance"));
        assertNull(table.ownerOf("/api/attendance"));
        assertNull(table.ownerOf("/api/no-such-thing/42/attendance"));
        assertNull(table.ownerOf("/api"));
        assertNull(table.ownerOf("/api/"));
    }

    @Test
    void theMostSpecificPatternWins() {
        RoutingTable table = RoutingTable.from(config(Map.of(
                "voimala.services.a", "http://127.0.0.1:8081",
                "voimala.services.b", "http://127.0.0.1:8082",
                "voimala.services.c", "http://127.0.0.1:8083",
                "voimala.services.d", "http://127.0.0.1:8084",
                "voimala.routes.a", "series",
                "voimala.routes.b", "series/*/attendance",
                "voimala.routes.c", "series/42/attendance, series/*/attendance/*/detail",
                "voimala.routes.d", "series/*/*")));
        assertEquals("c", table.ownerOf("/api/series/42/attendance"), "a literal segment beats *");
        assertEquals("b", table.ownerOf("/api/series/43/attendance"), "a literal segment beats * further right");
        assertEquals("d", table.ownerOf("/api/series/43/pause"));
        assertEquals("c", table.ownerOf("/api/series/43/attendance/7/detail"), "more segments beat fewer");
        assertEquals("b", table.ownerOf("/api/series/43/attendance/7"));
        assertEquals("a", table.ownerOf("/api/series/43"));
    }

    @Test
    void aPatternRoutedTwiceStopsTheStartButTheSameOwnerMayRepeatIt() {
        var error = assertThrows(IllegalStateException.class, () -> RoutingTable.from(config(Map.of(
                "voimala.services.scheduling", "http://127.0.0.1:8082",
                "voimala.services.sessions", "http://127.0.0.1:8083",
                "voimala.routes.scheduling", "series, series/*/attendance",
                "voimala.routes.sessions", "series/*/attendance"))));
        assertTrue(error.getMessage().contains("/api/series/*/attendance is routed to both"), error.getMessage());
        RoutingTable table = RoutingTable.from(config(Map.of(
                "voimala.services.sessions", "http://127.0.0.1:8083",
                "voimala.routes.sessions", "series/*/attendance, series/*/attendance ")));
        assertEquals(Map.of("series/*/attendance", "sessions"), table.owners());
    }

    @Test
    void aPatternThatCannotBeRightStopsTheStart() {
        Map<String, String> refused = Map.of(
                "*", "'*' as its first segment",
                "*/attendance", "'*' as its first segment",
                "series//attendance", "an empty path segment",
                "series/*/", "an empty path segment",
                "/series", "an empty path segment",
                "series/4*/attendance", "'*' that is not a whole segment");
        refused.forEach((route, reason) -> {
            var error = assertThrows(IllegalStateException.class, () -> RoutingTable.from(config(Map.of(
                    "voimala.services.sessions", "http://127.0.0.1:8083", "voimala.routes.sessions", route))), route);
            assertTrue(error.getMessage().contains("'" + route + "' is not a route a service may own"), error.getMessage());
            assertTrue(error.getMessage().contains(reason), error.getMessage());
        });
    }
}
