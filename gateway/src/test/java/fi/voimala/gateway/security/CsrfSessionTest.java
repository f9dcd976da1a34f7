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
import fi.voimala.gateway.routing.EchoService;
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
 * ({@code Sec-Fetch-Site: cross-site}) is refused even with the header; bearer calls are not affected. With the
 * session cookie and an {@code Authorization} header the call is a program's for both the tenant resolver and the
 * guard ({@link Callers}): a bogus or another client's token is 401 and reaches no service, a platform token needs
 * no proof; and the cookie is {@code Secure} when the login came over TLS
 * ({@code X-Forwarded-Proto: https} from a trusted proxy).
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
        Response back = logInOver(null);
        session = back.getCookies().entrySet().stream().filter(c -> c.getKey().startsWith("q_session"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertFalse(session.isEmpty(), "the callback sets the session cookie; got " + back.getCookies());
        // The flags the browser gets (Secure only over TLS, which these requests do not use).
        String attributes = sessionCookieAttributes(back);
        assertTrue(attributes.contains("httponly"), attributes);
        assertTrue(attributes.contains("samesite=lax"), attributes);
        assertFalse(attributes.contains("secure"), attributes);
    }

    /**
     * The login redirect and the callback; with {@code forwardedProto} set, both say so in X-Forwarded-Proto, as a
     * TLS-terminating proxy in front would (the test client at 127.0.0.1 is a trusted proxy).
     */
    private Response logInOver(String forwardedProto) {
        accessToken = TestTokens.keycloakLike("kaisa", List.of("coordinator"), List.of()).sign("privateKey.jwk");
        String idToken = Jwt.preferredUserName("kaisa").subject("id-of-kaisa").issuer(TestTokens.ISSUER)
                .audience("quarkus-web-app").sign("privateKey.jwk");
        keycloak.stubFor(post("/auth/realms/quarkus/token").withRequestBody(containing("authorization_code"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(new JsonObject()
                        .put("access_token", accessToken).put("id_token", idToken)
                        .put("refresh_token", "a-refresh-token").put("token_type", "Bearer").put("expires_in", 300)
                        .encode())));
        Map<String, String> proxyHeaders = forwardedProto == null ? Map.of()
                : Map.of("X-Forwarded-Proto", forwardedProto);

        Response toLogin = given().redirects().follow(false).headers(proxyHeaders).when().get("/login");
        assertEquals(302, toLogin.statusCode(), "the gateway sends the browser to the login page");
        String state = queryParameter(toLogin.header("Location"), "state");
        return given().redirects().follow(false).headers(proxyHeaders).cookies(toLogin.getCookies())
                .queryParam("state", state).queryParam("code", "a-code")
                .when().get("/login");
    }

    private static String sessionCookieAttributes(Response response) {
        return response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("q_session")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()))
                .replaceFirst("^[^;]*;", "").toLowerCase();
    }

    @Test
    void overTlsTheSessionCookieIsSecure() {
        Response back = logInOver("https");
        String attributes = sessionCookieAttributes(back);
        assertTrue(Arrays.stream(attributes.split(";")).map(String::strip).anyMatch("secure"::equals), attributes);
        assertTrue(attributes.contains("httponly"), attributes);
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

    @Test
    void withAnAuthorizationHeaderTheTokenIsJudgedNotTheSession() {
        // A program's call: the bearer-only tenant judges the token and ignores the cookie, so the CSRF guard's
        // "needs no proof" is safe. Were the two to disagree, this would pass on the cookie alone.
        int before = EchoService.REQUESTS.get();
        given().cookies(session).header("Authorization", "Bearer x").contentType("application/json").body("{}")
                .when().post("/api/organisations")
                .then().statusCode(401);
        // A real token that the realm issued to another client: only the bearer-only tenant checks the audience.
        String forAnotherClient = TestTokens.keycloakLike("kaisa", List.of("coordinator"), List.of())
                .audience("some-other-client").sign("privateKey.jwk");
        given().cookies(session).auth().oauth2(forAnotherClient).contentType("application/json").body("{}")
                .when().post("/api/organisations")
                .then().statusCode(401);
        assertEquals(before, EchoService.REQUESTS.get(), "nothing reached the service");
    }

    @Test
    void aProgramsCallNeedsNoProofEvenWithASessionCookie() {
        // The guard's half of the same rule: with an Authorization header it asks for no X-Requested-With.
        given().cookies(session).auth().oauth2(TestTokens.orgAdmin()).contentType("application/json").body("{}")
                .when().post("/api/organisations").then().statusCode(207);
    }

    private static String queryParameter(String uri, String name) {
        return Arrays.stream(URI.create(uri).getRawQuery().split("&"))
                .filter(p -> p.startsWith(name + "=")).map(p -> p.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + uri));
    }
}
