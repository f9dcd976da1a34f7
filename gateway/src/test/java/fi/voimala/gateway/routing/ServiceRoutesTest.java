package fi.voimala.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.gateway.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * Proves the gateway routes a service's paths to it with the caller's token, method, path, query and body,
 * keeps the session cookie to itself, never forwards a request without a valid token, answers 404 for an /api
 * path that no service owns, tells the service who called (X-Forwarded-*), keeps hop-by-hop headers to one
 * connection, and gives the client a {@code Location} at the gateway's address, not the service's; and that
 * /calendar/** goes to scheduling without a token while its /api paths still need one; and that a path pattern
 * (sessions' series/&#42;/attendance) takes its paths from the resource's owner (scheduling's series) and no others.
 * partners-service is {@link EchoService}, a real HTTP server that echoes what it received.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
@QuarkusTestResource(BrokenServices.class)
class ServiceRoutesTest {

    private static String token() {
        return TestTokens.orgAdmin();
    }

    @Test
    void forwardsTheCallWithTheCallersToken() {
        String token = token();
        given().auth().oauth2(token).cookie("other", "x").queryParam("q", "Harjula").queryParam("size", 5)
                .when().get("/api/sites")
                .then().statusCode(207)
                .body("method", equalTo("GET"))
                .body("path", equalTo("/api/sites"))
                .body("query", equalTo("q=Harjula&size=5"))
                .body("authorization", equalTo("Bearer " + token))
                .body("cookie", nullValue());
    }

    @Test
    void forwardsBodiesAndSubPaths() {
        given().auth().oauth2(token()).contentType("application/json").body("{\"reason\":\"remontti\"}")
                .when().post("/api/sites/123/close")
                .then().statusCode(207)
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/sites/123/close"))
                .body("body", equalTo("{\"reason\":\"remontti\"}"));
    }

    @Test
    void withoutAValidTokenNothingIsForwarded() {
        int before = EchoService.REQUESTS.get();
        given().redirects().follow(false).when().get("/api/organisations").then().statusCode(401);
        given().auth().oauth2(token() + "x").when().get("/api/organisations").then().statusCode(401);
        assertEquals(before, EchoService.REQUESTS.get());
    }

    @Test
    void aPathNoServiceOwnsIsANotFoundProblem() {
        given().auth().oauth2(token()).when().get("/api/no-such-thing/1")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://voimala.fi/problems/not-found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("no service owns /api/no-such-thing/1"));
        given().auth().oauth2(token()).when().delete("/api/organisationsx")
                .then().statusCode(404).body("type", equalTo("https://voimala.fi/problems/not-found"));
        // Who may not call at all learns nothing about which paths exist.
        given().when().get("/api/no-such-thing").then().statusCode(401);
    }

    @Test
    void routesComeFromConfiguration() {
        // scheduling and sessions are routed by voimala.routes.*; here they are the broken services, so their
        // answers (504, 503) show that the request was sent to them.
        given().auth().oauth2(token()).when().get("/api/visits?from=2026-01-01")
                .then().statusCode(504).body("detail", equalTo("scheduling-service did not answer within 1 s"));
        given().auth().oauth2(token()).when().get("/api/session-records/7")
                .then().statusCode(503).body("detail", equalTo("sessions-service is not reachable"));
    }

    @Test
    void aSeriesAttendanceGoesToSessionsAndTheRestOfTheSeriesToScheduling() {
        // voimala.routes.sessions has series/*/attendance, voimala.routes.scheduling has series (application.properties);
        // sessions is the refusing service here (503), scheduling the stalling one (504).
        for (String path : new String[] {"/api/series/42/attendance", "/api/series/42/attendance?size=5",
                "/api/series/42/attendance/2027-09"}) {
            given().auth().oauth2(token()).when().get(path)
                    .then().statusCode(503).body("detail", equalTo("sessions-service is not reachable"));
        }
        for (String path : new String[] {"/api/series", "/api/series/42", "/api/series/42/pause"}) {
            given().auth().oauth2(token()).when().get(path)
                    .then().statusCode(504).body("detail", equalTo("scheduling-service did not answer within 1 s"));
        }
        given().auth().oauth2(token()).when().get("/api/audit-log")
                .then().statusCode(503).body("detail", equalTo("sessions-service is not reachable"));
        // Without a valid token, sessions' pattern is as closed as any /api path.
        given().redirects().follow(false).when().get("/api/series/42/attendance").then().statusCode(401);
    }

    @Test
    void theCalendarFeedsArePublicAndGoToScheduling() {
        // voimala.public-routes.scheduling=calendar: no token needed; scheduling is the stalling service here, so its
        // 504 shows that the request was sent to it, with the same timeouts and problem answers as /api.
        given().redirects().follow(false).when().get("/calendar/x.ics")
                .then().statusCode(504).contentType("application/problem+json")
                .body("detail", equalTo("scheduling-service did not answer within 1 s"));
        // Scheduling's API still needs a token.
        given().redirects().follow(false).when().get("/api/visits").then().statusCode(401);
        given().redirects().follow(false).when().get("/api/series").then().statusCode(401);
    }

    @Test
    void tellsTheServiceWhoCalled() {
        given().auth().oauth2(token()).header("Forwarded", "for=198.51.100.1").when().get("/api/organisations")
                .then().statusCode(207)
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", equalTo("localhost:" + RestAssured.port))
                .body("headers", not(hasKey("forwarded")));
    }

    @Test
    void aTrustedProxyInFrontIsBelieved() {
        // The test client connects from 127.0.0.1, which quarkus.http.proxy.trusted-proxies trusts.
        given().auth().oauth2(token())
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "voimala.example.fi")
                .contentType("application/json").body("{}")
                .when().post("/api/organisations")
                .then().statusCode(207)
                .header("Location", "https://voimala.example.fi/api/organisations/42")
                .body("headers.x-forwarded-for", equalTo("203.0.113.7"))
                .body("headers.x-forwarded-proto", equalTo("https"))
                .body("headers.x-forwarded-host", equalTo("voimala.example.fi"));
    }

    @Test
    void theLocationOfACreatedItemIsTheGatewaysAddress() {
        given().auth().oauth2(token()).contentType("application/json").body("{\"name\":\"Harjula\"}")
                .when().post("/api/organisations")
                .then().statusCode(207)
                .header("Location", "http://localhost:" + RestAssured.port + "/api/organisations/42");
    }

    @Test
    void hopByHopHeadersStayOnTheirConnection() {
        given().auth().oauth2(token())
                .header("Connection", "X-Client-Hop").header("X-Client-Hop", "private")
                .header("Keep-Alive", "timeout=300").header("TE", "trailers")
                .header("Proxy-Authorization", "Basic Z2F0ZXdheQ==").header("X-Echo-Hop", "yes")
                .when().get("/api/pairs")
                .then().statusCode(207)
                .body("headers", not(hasKey("x-client-hop")))
                .body("headers", not(hasKey("keep-alive")))
                .body("headers", not(hasKey("te")))
                .body("headers", not(hasKey("proxy-authorization")))
                .body("headers.x-echo-hop", equalTo("yes"))
                .header("X-Service-Hop", nullValue())
                .header("Keep-Alive", nullValue())
                .header("Upgrade", nullValue());
    }

    @Test
    void aClientCannotNameAwayTheTokenTheGatewayPassesOn() {
        String token = token();
        given().auth().oauth2(token).header("Connection", "Authorization, Host")
                .when().get("/api/pairs")
                .then().statusCode(207)
                .body("authorization", equalTo("Bearer " + token));
    }
}
