package fi.voimala.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import fi.voimala.gateway.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the CSRF rule with a real browser session: the test logs in through the gateway's authorization code
 * flow against the WireMock OIDC server (the login redirect, then the callback with a code that the stubbed token
 * endpoint exchanges for Keycloak-like tokens), and keeps the q_session cookie the gateway sets. With that cookie
 * a state change without {@code X-Requested-With: JavaScript} is 403 csrf and reaches no service; with it, it
 * passes with the session's access token; a GET needs no proof; a request from another site
 * ({@code Sec-Fetch-Site: cross-site}) is refused even with the header; bearer calls are not affected.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CsrfSessionTest {

    @OidcWireMock
    WireMockServer keycloak;

    private String accessToken;
    private Map<String, String> session;

    @BeforeEach
    void logIn() {
        accessToken = TestTokens.keycloakLike("kaisa", List.of("coordinator"), List.of()).sign("privateKey.jwk");
        String idToken = Jwt.preferredUserName("kaisa").subject("id-of-kaisa").issuer(TestTokens.ISSUER)
                .audience("quarkus-web-app").sign("privateKey.jwk");
        keycloak.stubFor(post("/auth/realms/quarkus/token").withRequestBody(containing("authorization_code"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(new JsonObject()
                        .put("access_token", accessToken).put("id_token", idToken)
                        .put("refresh_token", "a-refresh-token").put("token_type", "Bearer").put("expires_in", 300)
                        .encode())));

        Response toLogin = given().redirects().follow(false).when().get("/login");
        assertEquals(302, toLogin.statusCode(), "the gateway sends the browser to the login page");
        String state = queryParameter(toLogin.header("Location"), "state");
        Response back = given().redirects().follow(false).cookies(toLogin.getCookies())
                .queryParam("state", state).queryParam("code", "a-code")
                .when().get("/login");
        session = back.getCookies().entrySet().stream().filter(c -> c.getKey().startsWith("q_session"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertFalse(session.isEmpty(), "the callback sets the session cookie; got " + back.getCookies());
        // The flags the browser gets (Secure only over TLS, which these tests do not use).
        String attributes = back.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("q_session")).findFirst().orElseThrow()
                .replaceFirst("^[^;]*;", "").toLowerCase();
        assertTrue(attributes.contains("httponly"), attributes);
        assertTrue(attributes.contains("samesite=lax"), attributes);
        assertFalse(attributes.contains("secure"), attributes);
    }

    @Test
    void aStateChangeWithTheSessionAloneIsRefused() {
        given().cookies(session).contentType("application/json").body("{}")
                .when().post("/api/organisations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://voimala.fi/problems/csrf"))
                .body("detail", startsWith("a change made with the session cookie needs the header X-Requested-With"));
        given().cookies(session).when().delete("/api/sites/1").then().statusCode(403);
        given().cookies(session).contentType("application/json").body("{}").when().put("/api/sites/1")
                .then().statusCode(403);
        given().cookies(session).contentType("application/json").body("{}").when().patch("/api/sites/1")
                .then().statusCode(403);
    }

    @Test
    void theWebUisHeaderLetsItPass() {
        given().cookies(session).header("X-Requested-With", "JavaScript").header("Sec-Fetch-Site", "same-origin")
                .contentType("application/json").body("{}")
                .when().post("/api/organisations")
                .then().statusCode(207)
                .body("authorization", equalTo("Bearer " + accessToken));
    }

    @Test
    void anotherSitesRequestIsRefusedEvenWithTheHeader() {
        given().cookies(session).header("X-Requested-With", "JavaScript").header("Sec-Fetch-Site", "cross-site")
                .contentType("application/json").body("{}")
                .when().post("/api/organisations")
                .then().statusCode(403).body("type", equalTo("https://voimala.fi/problems/csrf"));
    }

    @Test
    void readingNeedsNoProof() {
        given().cookies(session).when().get("/api/organisations").then().statusCode(207);
        given().cookies(session).when().get("/api/me").then().statusCode(200).body("username", equalTo("kaisa"));
    }

    @Test
    void bearerCallsNeedNoProof() {
        given().auth().oauth2(TestTokens.orgAdmin()).contentType("application/json").body("{}")
                .when().post("/api/organisations").then().statusCode(207);
    }

    private static String queryParameter(String uri, String name) {
        return Arrays.stream(URI.create(uri).getRawQuery().split("&"))
                .filter(p -> p.startsWith(name + "=")).map(p -> p.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + uri));
    }
}
