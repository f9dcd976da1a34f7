package fi.voimala.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.gateway.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proves that requests queued behind a hung service are 504 gateway-timeout, not 503 "did not accept a
 * connection": with one connection per service (the profile), a 1 s connect timeout and a 2 s request timeout,
 * two requests go at once to the stalling scheduling-service of {@link BrokenServices}. The first holds the one
 * connection until its request timeout; the second waits for it in the pool longer than the connect timeout, which
 * must not count as the service being down. Vert.x 4's per-request connect timeout also covers that pool wait,
 * so the gateway gives it the connect plus the request timeout and answers its expiry with 504.
 */
@QuarkusTest
@TestProfile(ServiceBusyTest.OneConnectionPerService.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
@QuarkusTestResource(BrokenServices.class)
class ServiceBusyTest {

    /** One pooled connection per service, and a request timeout longer than the connect timeout. */
    public static class OneConnectionPerService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("voimala.gateway.max-connections", "1", "voimala.gateway.connect-timeout", "1s",
                    "voimala.gateway.request-timeout", "2s");
        }
    }

    @Test
    void requestsWaitingForABusyConnectionAre504() {
        String token = TestTokens.orgAdmin();
        List<CompletableFuture<Response>> calls = Stream.of(1, 2)
                .map(i -> CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                        .when().get("/api/series").andReturn()))
                .toList();
        for (CompletableFuture<Response> call : calls) {
            Response response = call.join();
            assertEquals(504, response.statusCode(), response.asString());
            assertEquals("https://voimala.fi/problems/gateway-timeout", response.jsonPath().getString("type"));
        }
    }
}
