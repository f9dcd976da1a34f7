package fi.voimala.gateway.me;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import fi.voimala.gateway.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves how the gateway reads the caller from a signed token shaped like Keycloak's (realm roles in
 * {@code realm_access.roles}, the organisation as {@code organization: [alias]}), and that /api answers
 * 401 rather than a login redirect when the token is missing or not signed by the realm's key.
 * Only tokens whose {@code aud} names the platform ({@code voimala-api}) pass, even with a session cookie sent along.
 * Tokens are signed by the WireMock OIDC server's key (quarkus-test-oidc-server); e2e repeats this on Keycloak.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MeResourceTest {

    private static JwtClaimsBuilder keycloakLikeToken(String username, List<String> roles, List<String> organizations) {
        return TestTokens.keycloakLike(username, roles, organizations);
    }

    @Test
    void showsNamePlatformRolesAndOrganisation() {
        String token = keycloakLikeToken("olli", List.of("org-admin", "default-roles-voimala", "offline_access"),
                List.of("kuopion-kaupunki")).sign("privateKey.jwk");
        given().auth().oauth2(token)
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("olli"))
                .body("roles", contains("org-admin"))
                .body("organization", equalTo("kuopion-kaupunki"));
    }

    @Test
    void aTokenWithoutOrganisationShowsNone() {
        String token = keycloakLikeToken("kaisa", List.of("coordinator"), List.of()).sign("privateKey.jwk");
        given().auth().oauth2(token)
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", contains("coordinator"))
                .body("organization", nullValue());
    }

    @Test
    void withoutATokenApiAnswers401EvenToABrowser() {
        given().redirects().follow(false).when().get("/api/me").then().statusCode(401);
        given().redirects().follow(false).accept("text/html").when().get("/api/me").then().statusCode(401);
        given().redirects().follow(false).when().get("/api/no-such-thing").then().statusCode(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyAnswers401() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = keycloakLikeToken("kaisa", List.of("coordinator"), List.of("kuopion-konservatorio"))
                .jws().keyId("1").sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(401);
    }

    @Test
    void onlyATokenForThePlatformsAudienceIsAccepted() {
        given().auth().oauth2(keycloakLikeToken("kaisa", List.of("coordinator"), List.of()).sign("privateKey.jwk"))
                .when().get("/api/me").then().statusCode(200);
        String forAnotherClient = keycloakLikeToken("kaisa", List.of("coordinator"), List.of())
                .audience("some-other-client").sign("privateKey.jwk");
        given().auth().oauth2(forAnotherClient).when().get("/api/me").then().statusCode(401);
        String withoutAudience = Jwt.preferredUserName("kaisa").issuer(TestTokens.ISSUER)
                .claim("realm_access", Map.of("roles", List.of("coordinator"))).sign("privateKey.jwk");
        given().auth().oauth2(withoutAudience).when().get("/api/me").then().statusCode(401);
        // A session cookie sent along must not move the token to the session tenant, which has no audience check.
        given().auth().oauth2(forAnotherClient).cookie("q_session", "anything")
                .when().get("/api/me").then().statusCode(401);
    }

    @Test
    void anExpiredTokenAnswers401() {
        long anHourAgo = System.currentTimeMillis() / 1000 - 3600;
        String token = keycloakLikeToken("kaisa", List.of("coordinator"), List.of("kuopion-konservatorio"))
                .issuedAt(anHourAgo - 600).expiresAt(anHourAgo).sign("privateKey.jwk");
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(401);
    }
}
