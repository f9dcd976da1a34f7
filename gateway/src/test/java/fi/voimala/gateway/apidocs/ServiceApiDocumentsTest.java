package fi.voimala.gateway.apidocs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fi.voimala.gateway.routing.BrokenServices;
import fi.voimala.gateway.routing.EchoService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/**
 * One API document: the gateway's Swagger UI offers each service's OpenAPI, which the gateway fetches from the
 * service (here the echo service standing in for partners, and the broken ones for the rest).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
@QuarkusTestResource(BrokenServices.class)
class ServiceApiDocumentsTest {

    @Test
    void aServicesDocumentIsFetchedFromTheServiceWithoutALogin() {
        given().when().get("/openapi/partners")
                .then().statusCode(200).contentType("application/json")
                .body("path", equalTo("/q/openapi")).body("query", equalTo("format=json"))
                .body("authorization", equalTo(null));
    }

    @Test
    void aServiceThatIsDownIs503AndAnUnknownOne404() {
        given().when().get("/openapi/sessions").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("sessions-service"));
        given().when().get("/openapi/nobody").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("partners"));
    }

    @Test
    void theSwaggerUiListsEveryServicesDocument() {
        String config = given().when().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        for (String service : new String[] {"partners", "scheduling", "sessions", "outcomes"}) {
            org.hamcrest.MatcherAssert.assertThat(config, containsString("/openapi/" + service));
        }
    }
}
