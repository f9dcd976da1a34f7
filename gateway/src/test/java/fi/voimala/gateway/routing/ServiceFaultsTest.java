package fi.voimala.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import fi.voimala.gateway.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Proves that a service in trouble gets an answer, not a hung request or a bare 502: a service that is down
 * (nothing listens on its port) is 503 service-unavailable, one that accepts the connection and never answers
 * is 504 gateway-timeout after the request timeout (1 s in %test), and one that takes no connection is 503 after
 * the connect timeout (1 s in %test), each a problem naming the service.
 * The services are {@link BrokenServices}: real sockets, one refusing and one stalling.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
@QuarkusTestResource(BrokenServices.class)
class ServiceFaultsTest {

    @Test
    void aServiceThatIsDownIs503() {
        given().auth().oauth2(TestTokens.orgAdmin()).when().get("/api/participants")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://voimala.fi/problems/service-unavailable"))
                .body("title", equalTo("Service Unavailable"))
                .body("status", equalTo(503))
                .body("detail", equalTo("sessions-service is not reachable"))
                .time(lessThan(3L), TimeUnit.SECONDS);
    }

    @Test
    void aServiceThatHangsIs504AfterTheRequestTimeout() {
        given().auth().oauth2(TestTokens.orgAdmin()).contentType("application/json").body("{\"pairId\":\"x\"}")
                .when().post("/api/series")
                .then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("https://voimala.fi/problems/gateway-timeout"))
                .body("title", equalTo("Gateway Timeout"))
                .body("status", equalTo(504))
                .body("detail", equalTo("scheduling-service did not answer within 1 s"))
                .time(lessThan(4L), TimeUnit.SECONDS);
    }

    @Test
    void aServiceThatTakesNoConnectionIs503AfterTheConnectTimeout() {
        given().auth().oauth2(TestTokens.orgAdmin()).when().get("/api/measurements")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://voimala.fi/problems/service-unavailable"))
                .body("detail", equalTo("outcomes-service did not accept a connection within 1 s"))
                .time(lessThan(4L), TimeUnit.SECONDS);
    }

    @Test
    void aHealthyServiceIsUnaffectedByTheOthers() {
        given().auth().oauth2(TestTokens.orgAdmin()).when().get("/api/agreements").then().statusCode(207);
    }
}
