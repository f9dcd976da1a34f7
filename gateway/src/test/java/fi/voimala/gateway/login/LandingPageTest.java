package fi.voimala.gateway.login;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;

import fi.voimala.gateway.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** After the login each role lands on the page it works in. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class LandingPageTest {

    @Test
    void eachRoleLandsOnThePageItWorksIn() {
        Map<String, String> landing = Map.of("coordinator", "/dashboard.html", "org-admin", "/dashboard.html",
                "artist", "/visits.html", "care-professional", "/visits.html", "researcher", "/research.html",
                "viewer", "/dashboard.html", "hospital-system", "/");
        landing.forEach((role, page) -> given().auth().oauth2(TestTokens.keycloakLike("someone", List.of(role),
                        List.of("kuopion-kaupunki")).sign("privateKey.jwk")).redirects().follow(false)
                .when().get("/login")
                .then().statusCode(303).header("Location", endsWith(page)));
        // Of several roles, the pair's work comes after the coordinator's.
        given().auth().oauth2(TestTokens.keycloakLike("both", List.of("artist", "coordinator"), List.of()).sign("privateKey.jwk"))
                .redirects().follow(false).when().get("/login").then().statusCode(303).header("Location", endsWith("/dashboard.html"));
    }
}
