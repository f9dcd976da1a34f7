package fi.voimala.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.gateway.TestTokens;
import fi.voimala.gateway.security.TokenCacheTest.Counts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the switch {@code voimala.security.token-cache.enabled=false}: every request's token is verified by OIDC
 * as before the cache, the cache is neither asked nor filled (its counters stay still), and the answers are the same.
 */
@QuarkusTest
@TestProfile(TokenCacheOffTest.CacheOff.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TokenCacheOffTest {

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("voimala.security.token-cache.enabled", "false");
        }
    }

    @Test
    void everyRequestIsVerifiedByOidc() {
        String token = TestTokens.orgAdmin();
        Counts before = Counts.now();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/me").then().statusCode(200)
                    .body("organization", equalTo("kuopion-kaupunki"));
        }
        String forAnotherClient = TestTokens.keycloakLike("kaisa", List.of("coordinator"), List.of())
                .audience("some-other-client").sign("privateKey.jwk");
        given().auth().oauth2(forAnotherClient).when().get("/api/me").then().statusCode(401);
        assertEquals(before, Counts.now());
    }
}
