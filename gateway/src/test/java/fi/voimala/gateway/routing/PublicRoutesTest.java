package fi.voimala.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.gateway.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves what a public route ({@code voimala.public-routes.*}, in production /calendar/** to scheduling) passes on:
 * the request reaches the service without a login, and without the caller's credentials (neither a session cookie
 * nor a bearer token leaves the gateway on such a path), with the gateway's forwarded headers and without hop-by-hop
 * headers, while /api still needs a token. The profile makes {@code feeds} a public route of partners, which here is
 * {@link EchoService}, so that the test sees exactly what arrived; scheduling's own /calendar is
 * {@link ServiceRoutesTest#theCalendarFeedsArePublicAndGoToScheduling()}.
 */
@QuarkusTest
@TestProfile(PublicRoutesTest.FeedsArePublic.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
@QuarkusTestResource(BrokenServices.class)
class PublicRoutesTest {

    public static class FeedsArePublic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("voimala.public-routes.partners", "feeds");
        }
    }

    @Test
    void aPublicPathReachesItsServiceWithoutALogin() {
        given().redirects().follow(false).queryParam("v", "2")
                .when().get("/feeds/7f3a9c.ics")
                .then().statusCode(207)
                .body("method", equalTo("GET"))
                .body("path", equalTo("/feeds/7f3a9c.ics"))
                .body("query", equalTo("v=2"))
                .body("authorization", nullValue())
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", equalTo("localhost:" + RestAssured.port));
    }

    @Test
    void theCallersCredentialsStayAtTheGateway() {
        given().auth().oauth2(TestTokens.orgAdmin()).cookie("q_session", "x").cookie("other", "y")
                .when().get("/feeds/7f3a9c.ics")
                .then().statusCode(207)
                .body("authorization", nullValue())
                .body("cookie", nullValue());
    }

    @Test
    void hopByHopHeadersStayOnTheirConnection() {
        given().header("Connection", "X-Client-Hop").header("X-Client-Hop", "private").header("X-Echo-Hop", "yes")
                .when().get("/feeds/7f3a9c.ics")
                .then().statusCode(207)
                .body("headers", not(hasKey("x-client-hop")))
                .header("X-Service-Hop", nullValue())
                .header("Keep-Alive", nullValue());
    }

    @Test
    void onlyThePublicPathIsOpen() {
        int before = EchoService.REQUESTS.get();
        given().redirects().follow(false).when().get("/api/organisations").then().statusCode(401);
        given().redirects().follow(false).when().get("/feedsx/7f3a9c.ics").then().statusCode(404);
        assertEquals(before, EchoService.REQUESTS.get());
    }
}
