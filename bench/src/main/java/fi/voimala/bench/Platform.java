package fi.voimala.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

/** The running platform as the bench sees it: its addresses, a user's token, the bench's own organisation. */
public final class Platform {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The bench's organisation; its name starts with BENCH so that it is easy to tell apart in a demo. */
    static final String ORGANISATION_NAME = "BENCH Kuormitustesti Oy";

    final String gateway;
    final String partners;
    final String sessions;
    final String keycloak;
    final String kafka;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Platform(String gateway, String partners, String sessions, String keycloak, String kafka) {
        this.gateway = gateway;
        this.partners = partners;
        this.sessions = sessions;
        this.keycloak = keycloak;
        this.kafka = kafka;
    }

    HttpClient http() {
        return http;
    }

    /**
     * An access token of the demo coordinator (kaisa), from the command-line client's password grant: the platform's
     * own audience, roles to read and write every register. Fetched anew per benchmark (tokens live 15 minutes).
     */
    String token() throws IOException, InterruptedException {
        return token("kaisa", "kaisa-demo");
    }

    /** An access token of a demo user (README, "Demo logins"), from the command-line client's password grant. */
    String token(String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=voimala-cli&username=" + user + "&password=" + password;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/voimala/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak gave " + user + " no token (" + response.statusCode() + "): "
                    + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** The id of the bench's organisation, created on first use. */
    String benchOrganisation(String token) throws IOException, InterruptedException {
        String query = "/api/organisations?q=" + URLEncoder.encode(ORGANISATION_NAME, StandardCharsets.UTF_8);
        JsonNode found = JSON.readTree(send(token, "GET", query, null).body()).get("items");
        for (JsonNode organisation : found) {
            if (ORGANISATION_NAME.equals(organisation.get("name").asText())) {
                return organisation.get("id").asText();
            }
        }
        String body = JSON.createObjectNode()
                .put("name", ORGANISATION_NAME)
                .put("businessId", BusinessIds.benchId())
                .put("memberSince", LocalDate.now().toString())
                .put("keycloakAlias", "bench-kuormitustesti")
                .set("sectors", JSON.createArrayNode().add("TECHNOLOGY")).toString();
        HttpResponse<String> created = send(token, "POST", "/api/organisations", body);
        if (created.statusCode() != 201) {
            throw new IOException("could not create the bench organisation (" + created.statusCode() + "): "
                    + created.body());
        }
        return JSON.readTree(created.body()).get("id").asText();
    }

    /** A request through the gateway. */
    HttpResponse<String> send(String token, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A gauge from an app's Prometheus page, e.g. voimala_outbox_unpublished; NaN if it is not there. */
    double metric(String appUrl, String name) throws IOException, InterruptedException {
        String page = http.send(HttpRequest.newBuilder(URI.create(appUrl + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String line : page.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }
}
