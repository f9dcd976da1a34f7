package fi.voimala.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the gateway routes a service's paths to it with the caller's token, method, path, query and body,
 * keeps the session cookie to itself, and never forwards a request without a valid token.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
class ServiceRoutesTest {

    private static String token() {
        return Jwt.preferredUserName("olli").issuer("https://server.example.com")
                .claim("realm_access", Map.of("roles", List.of("org-admin")))
                .claim("organization", List.of("kuopion-kaupunki")).sign("privateKey.jwk");
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
}
