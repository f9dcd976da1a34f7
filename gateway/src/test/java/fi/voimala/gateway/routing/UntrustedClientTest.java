package fi.voimala.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

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
 * Proves that a client that is not a trusted proxy cannot make a service believe it came from elsewhere: the
 * profile trusts only 10.9.9.9 (no traffic goes there; it only makes the test client at 127.0.0.1 untrusted),
 * the client sends spoofed {@code X-Forwarded-For/-Proto/-Host} and {@code Forwarded}, and {@link EchoService}
 * shows that it received the gateway's own view instead (127.0.0.1, http, localhost:port), and the created
 * item's {@code Location} names the gateway's real address, not the spoofed host.
 */
@QuarkusTest
@TestProfile(UntrustedClientTest.OnlyAnotherProxyIsTrusted.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
@QuarkusTestResource(BrokenServices.class)
class UntrustedClientTest {

    /** Trusts a proxy address that the test client does not have. */
    public static class OnlyAnotherProxyIsTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "10.9.9.9");
        }
    }

    @Test
    void spoofedForwardingHeadersAreReplacedByTheGatewaysOwn() {
        given().auth().oauth2(TestTokens.orgAdmin())
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example.com").header("X-Forwarded-Port", "443")
                .header("Forwarded", "for=198.51.100.1;proto=https;host=evil.example.com")
                .contentType("application/json").body("{}")
                .when().post("/api/organisations")
                .then().statusCode(207)
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", equalTo("localhost:" + RestAssured.port))
                .body("headers", not(hasKey("forwarded")))
                .body("headers", not(hasKey("x-forwarded-port")))
                .header("Location", "http://localhost:" + RestAssured.port + "/api/organisations/42");
    }
}
