package fi.voimala.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.gateway.TestTokens;
import fi.voimala.gateway.routing.EchoService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves the cache of verified bearer tokens (platform-commons' CachingBearerMechanism) as a client and an operator
 * see it: a second request with the same token is answered from the cache ({@code voimala_token_cache_hits_total} on
 * /q/metrics) with that token's user, roles and organisation, and the service gets that same token; a cached token
 * is 401 once its {@code exp} has passed; a token for another audience or with a bad signature is 401 every time and
 * never becomes a hit; two users' tokens, used in turn, each keep their own identity. Browser sessions are
 * {@link CsrfSessionTest}'s, unchanged. Tokens are signed by the WireMock OIDC server's key.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
class TokenCacheTest {

    @Test
    void aSecondRequestWithTheSameTokenIsAnsweredFromTheCache() {
        String token = TestTokens.keycloakLike("olli", List.of("org-admin"), List.of("kuopion-kaupunki"))
                .sign("privateKey.jwk");
        Counts before = Counts.now();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().get("/api/me").then().statusCode(200)
                    .body("username", equalTo("olli"))
                    .body("roles", contains("org-admin"))
                    .body("organization", equalTo("kuopion-kaupunki"));
        }
        // The cached identity still carries the caller's token on to the service.
        given().auth().oauth2(token).when().get("/api/organisations").then().statusCode(207)
                .body("authorization", equalTo("Bearer " + token));
        Counts after = Counts.now();
        assertEquals(1, after.misses - before.misses, "verified once");
        assertEquals(2, after.hits - before.hits, "then answered from the cache");
    }

    @Test
    void aCachedTokenIs401OnceItHasExpired() throws InterruptedException {
        long now = System.currentTimeMillis() / 1000;
        long expiresAt = now + 3;
        String token = TestTokens.keycloakLike("kaisa", List.of("coordinator"), List.of("kuopion-konservatorio"))
                .issuedAt(now).expiresAt(expiresAt).sign("privateKey.jwk");
        Counts before = Counts.now();
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200);
        assertEquals(1, Counts.now().hits - before.hits, "the second request was answered from the cache");

        Thread.sleep(Math.max(0, expiresAt * 1000 - System.currentTimeMillis() + 100));
        int forwarded = EchoService.REQUESTS.get();
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(token).when().get("/api/organisations").then().statusCode(401);
        assertEquals(forwarded, EchoService.REQUESTS.get(), "nothing reached the service");
        assertEquals(1, Counts.now().hits - before.hits, "an expired token is never a hit");
    }

    @Test
    void aTokenForAnotherAudienceIs401EveryTime() {
        String forAnotherClient = TestTokens.keycloakLike("kaisa", List.of("coordinator"), List.of())
                .audience("some-other-client").sign("privateKey.jwk");
        Counts before = Counts.now();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(forAnotherClient).when().get("/api/me").then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"));
        }
        Counts after = Counts.now();
        assertEquals(0, after.hits - before.hits);
        assertEquals(3, after.misses - before.misses, "judged by OIDC each time");
    }

    @Test
    void aTokenWithABadSignatureIs401EveryTime() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = TestTokens.keycloakLike("olli", List.of("coordinator"), List.of("kuopion-kaupunki"))
                .jws().keyId("1").sign(generator.generateKeyPair().getPrivate());
        Counts before = Counts.now();
        int forwarded = EchoService.REQUESTS.get();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(forged).when().get("/api/me").then().statusCode(401);
            given().auth().oauth2(forged).when().get("/api/organisations").then().statusCode(401);
        }
        assertEquals(forwarded, EchoService.REQUESTS.get(), "nothing reached the service");
        assertEquals(0, Counts.now().hits - before.hits);
    }

    @Test
    void twoUsersTokensNeverGetEachOthersIdentity() {
        String olli = TestTokens.keycloakLike("olli", List.of("org-admin"), List.of("kuopion-kaupunki"))
                .sign("privateKey.jwk");
        String kaisa = TestTokens.keycloakLike("kaisa", List.of("coordinator"), List.of("kuopion-konservatorio"))
                .sign("privateKey.jwk");
        Counts before = Counts.now();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(olli).when().get("/api/me").then().statusCode(200)
                    .body("username", equalTo("olli")).body("roles", contains("org-admin"))
                    .body("organization", equalTo("kuopion-kaupunki"));
            given().auth().oauth2(kaisa).when().get("/api/me").then().statusCode(200)
                    .body("username", equalTo("kaisa")).body("roles", contains("coordinator"))
                    .body("organization", equalTo("kuopion-konservatorio"));
            given().auth().oauth2(olli).when().get("/api/sites").then().statusCode(207)
                    .body("authorization", equalTo("Bearer " + olli));
            given().auth().oauth2(kaisa).when().get("/api/sites").then().statusCode(207)
                    .body("authorization", equalTo("Bearer " + kaisa));
        }
        assertEquals(10, Counts.now().hits - before.hits, "each token verified once, then taken from the cache");
    }

    /** The cache's counters as an operator reads them on /q/metrics. */
    record Counts(long hits, long misses) {

        static Counts now() {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            return new Counts(read(metrics, "voimala_token_cache_hits_total"),
                    read(metrics, "voimala_token_cache_misses_total"));
        }

        private static long read(String metrics, String name) {
            return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                    .map(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " is not on /q/metrics"));
        }
    }
}
