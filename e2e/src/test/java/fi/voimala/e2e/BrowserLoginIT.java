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
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * user's roles and organisation, and the partners API answers through the gateway; /logout ends both sessions.
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
