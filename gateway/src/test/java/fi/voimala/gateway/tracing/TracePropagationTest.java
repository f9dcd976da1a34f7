package fi.voimala.gateway.tracing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import fi.voimala.gateway.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/**
 * Proves that a trace runs through the gateway (quarkus-opentelemetry): a request's W3C {@code traceparent}
 * reaches the service with the same trace id and the gateway's own span as the parent, and a request without one
 * reaches the service with a trace the gateway started. The service is the routing tests' EchoService.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class TracePropagationTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String CALLERS_SPAN = "b7ad6b7169203331";

    @Test
    void theCallersTraceReachesTheService() {
        given().auth().oauth2(TestTokens.orgAdmin()).header("traceparent", "00-" + TRACE_ID + "-" + CALLERS_SPAN + "-01")
                .when().get("/api/sites")
                .then().statusCode(207)
                .body("headers.traceparent", startsWith("00-" + TRACE_ID + "-"))
                // The flags follow the gateway's own sampler (ratio 0 unless export is switched on), not the caller's.
                .body("headers.traceparent", matchesPattern("00-" + TRACE_ID + "-[0-9a-f]{16}-0[01]"))
                .body("headers.traceparent", not(startsWith("00-" + TRACE_ID + "-" + CALLERS_SPAN)))
                .body("traceparentCount", equalTo(1));
    }

    @Test
    void aRequestWithoutATraceStartsOne() {
        given().auth().oauth2(TestTokens.orgAdmin()).when().get("/api/sites")
                .then().statusCode(207)
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
    }
}
