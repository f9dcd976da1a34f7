package fi.voimala.partners.access;

import static fi.voimala.partners.support.Register.as;
import static io.restassured.RestAssured.given;

import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that the service is closed unless opened on purpose: an endpoint under /api without {@code @RolesAllowed}
 * (UnannotatedTestResource) is 401 without a token and 403 with any valid one
 * ({@code quarkus.security.jaxrs.deny-unannotated-endpoints} and the {@code /api/*} authenticated permission), and
 * that only tokens issued for the platform's audience (voimala-api) are accepted: the same coordinator token for
 * Keycloak's own {@code account} audience, or for none, is 401. A {@code @PermitAll} endpoint under /api
 * (PermittedTestResource) still needs a token, which only the /api/* permission enforces.
 */
@QuarkusTest
class DenyByDefaultTest {

    @Test
    void anEndpointWithoutRolesIsClosed() {
        given().get("/api/test-only/forgotten").then().statusCode(401);
        as(TestTokens.coordinator()).get("/api/test-only/forgotten").then().statusCode(403);
    }

    @Test
    void anEndpointOpenedWithPermitAllUnderApiStillNeedsAToken() {
        // deny-unannotated-endpoints does not cover this one: only the /api/* permission keeps anonymous callers out.
        given().get("/api/test-only/permitted").then().statusCode(401);
        as(TestTokens.coordinator()).get("/api/test-only/permitted").then().statusCode(200);
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        as(TestTokens.token("coordinator", "kuopion-konservatorio", "someone", TestTokens.AUDIENCE)).get("/api/organisations")
                .then().statusCode(200);
        as(TestTokens.token("coordinator", "kuopion-konservatorio", "someone", "account")).get("/api/organisations")
                .then().statusCode(401);
        String withoutAudience = Jwt.preferredUserName("user-someone").subject("someone").issuer("https://server.example.com")
                .claim("realm_access", Map.of("roles", List.of("coordinator"))).sign("privateKey.jwk");
        as(withoutAudience).get("/api/organisations").then().statusCode(401);
    }
}
