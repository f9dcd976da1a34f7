package fi.voimala.gateway.security;

import static io.restassured.RestAssured.given;

import fi.voimala.gateway.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/**
 * Proves deny by default (quarkus.security.jaxrs.deny-unannotated-endpoints): {@link UnannotatedProbeResource},
 * an endpoint without any security annotation outside /api, is 403 for a known caller and sends an anonymous one to
 * log in, where it would otherwise be open to both.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DenyUnannotatedTest {

    @Test
    void anEndpointWithoutAnnotationIsClosed() {
        // Outside /api an anonymous browser is sent to log in instead of being served.
        given().redirects().follow(false).when().get("/probe/unannotated").then().statusCode(302);
        given().auth().oauth2(TestTokens.orgAdmin()).when().get("/probe/unannotated").then().statusCode(403);
    }
}
