package fi.voimala.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the browser's way in, as a browser does it (redirects followed, cookies kept, Keycloak's login forms
 * submitted): /login sends the user to Keycloak with a PKCE challenge, the user gives their user name and then
 * their password, and comes back with a gateway session; with that session cookie alone, /api/me shows the
 * user's roles and organisation, and the partners API answers through the gateway; a change sent with the session
 * cookie alone (as a cross-site form would) is refused as CSRF, while the web UI's scripts (X-Requested-With) pass;
 * the session cookie is HttpOnly and SameSite=Lax; /logout ends both sessions.
 */
@ExtendWith(RunningPlatform.class)
class BrowserLoginIT {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /**
     * Cookies per host:port, as a browser keeps them for these two origins. (java.net.CookieManager drops
     * Keycloak's cookies on "localhost", so this jar keeps name=value and honours deletions only.)
     */
    private final Map<String, Map<String, String>> cookies = new HashMap<>();
    /** Every Set-Cookie header the gateway sent, whole, to check the session cookie's attributes. */
    private final List<String> gatewaySetCookies = new ArrayList<>();

    @Test
    void aUserLogsInWithTheCodeFlowAndUsesTheApiWithTheSession() throws Exception {
        HttpResponse<String> toKeycloak = get(RunningPlatform.GATEWAY + "/login");
        assertEquals(302, toKeycloak.statusCode());
        String authorize = location(toKeycloak);
        assertTrue(authorize.startsWith(RunningPlatform.KEYCLOAK + "/realms/voimala/protocol/openid-connect/auth"), authorize);
        assertTrue(authorize.contains("code_challenge_method=S256"), "PKCE challenge in " + authorize);

        // With organizations enabled, Keycloak asks for the user name first, then for the password.
        HttpResponse<String> usernameForm = get(authorize);
        HttpResponse<String> passwordForm = post(formAction(usernameForm), "username=sanni");
        HttpResponse<String> back = post(formAction(passwordForm), "password=" + URLEncoder.encode("sanni-demo", StandardCharsets.UTF_8));
        assertEquals(302, back.statusCode(), back.body());
        String callback = location(back);
        assertTrue(callback.startsWith(RunningPlatform.GATEWAY + "/login?"), callback);
        followToEnd(callback);

        HttpResponse<String> me = api(RunningPlatform.GATEWAY + "/api/me");
        assertEquals(200, me.statusCode(), me.body());
        JsonNode caller = new ObjectMapper().readTree(me.body());
        assertEquals("sanni", caller.get("username").asText());
        assertEquals("care-professional", caller.get("roles").get(0).asText());
        assertEquals("kuopion-kaupunki", caller.get("organization").asText());

        // The gateway passes the session's access token on: the service sees sanni, a care professional.
        HttpResponse<String> ownProfile = api(RunningPlatform.GATEWAY + "/api/professionals");
        assertEquals(200, ownProfile.statusCode(), ownProfile.body());
        JsonNode page = new ObjectMapper().readTree(ownProfile.body());
        assertEquals(1, page.get("totalItems").asInt());
        assertEquals("Hoitaja", page.get("items").get(0).get("lastName").asText());

        // A cross-site form can send the cookie but not a custom header: a change without it is refused as CSRF.
        String organisation = "{\"name\":\"E2E CSRF\"}";
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(RunningPlatform.GATEWAY + "/api/organisations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(organisation)));
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals("https://voimala.fi/problems/csrf", new ObjectMapper().readTree(forged.body()).get("type").asText());
        // The web UI's scripts send X-Requested-With: the gateway passes the change on, and the service decides
        // (a care professional may not create organisations: the service's own 403, not the gateway's CSRF one).
        HttpResponse<String> fromOwnPage = send(HttpRequest.newBuilder(URI.create(RunningPlatform.GATEWAY + "/api/organisations"))
                .header("Content-Type", "application/json").header("X-Requested-With", "JavaScript")
                .POST(HttpRequest.BodyPublishers.ofString(organisation)));
        assertEquals(403, fromOwnPage.statusCode(), fromOwnPage.body());
        assertEquals("https://voimala.fi/problems/forbidden", new ObjectMapper().readTree(fromOwnPage.body()).get("type").asText());
        String sessionCookie = gatewaySetCookies.stream().filter(c -> c.startsWith("q_session")).findFirst().orElseThrow();
        assertTrue(sessionCookie.toLowerCase().contains("httponly"), sessionCookie);
        assertTrue(sessionCookie.toLowerCase().contains("samesite=lax"), sessionCookie);

        // Logging out ends the gateway session and Keycloak's: the API refuses, and /login asks for a password again.
        HttpResponse<String> toEndSession = get(RunningPlatform.GATEWAY + "/logout");
        assertEquals(302, toEndSession.statusCode());
        String endSession = location(toEndSession);
        assertTrue(endSession.startsWith(RunningPlatform.KEYCLOAK + "/realms/voimala/protocol/openid-connect/logout"), endSession);
        followToEnd(endSession);
        assertEquals(401, api(RunningPlatform.GATEWAY + "/api/me").statusCode());
        HttpResponse<String> loginAgain = get(location(get(RunningPlatform.GATEWAY + "/login")));
        assertEquals(200, loginAgain.statusCode(), "Keycloak shows its login form again");
        formAction(loginAgain);
    }

    private void followToEnd(String url) throws IOException, InterruptedException {
        for (int hops = 0; hops < 5; hops++) {
            HttpResponse<String> response = get(url);
            if (response.statusCode() / 100 != 3) {
                return;
            }
            url = location(response);
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
    }

    /** What the web UI's scripts do: ask for JSON, with the session cookie. */
    private HttpResponse<String> api(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET());
    }

    private HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        URI uri = request.build().uri();
        Map<String, String> jar = cookies.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), origin -> new LinkedHashMap<>());
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            if (uri.toString().startsWith(RunningPlatform.GATEWAY)) {
                gatewaySetCookies.add(setCookie);
            }
            String[] pair = setCookie.split(";", 2)[0].split("=", 2);
            boolean deleted = setCookie.toLowerCase().contains("max-age=0") || pair.length < 2 || pair[1].isEmpty();
            if (deleted) {
                jar.remove(pair[0].strip());
            } else {
                jar.put(pair[0].strip(), pair[1]);
            }
        }
        return response;
    }

    private static String formAction(HttpResponse<String> page) {
        Matcher action = FORM_ACTION.matcher(page.body());
        assertTrue(action.find(), "a login form in " + page.uri() + " (" + page.statusCode() + "): "
                + page.body().substring(0, Math.min(600, page.body().length())));
        return action.group(1).replace("&amp;", "&");
    }

    private static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("/") ? RunningPlatform.GATEWAY + location : location;
    }
}
