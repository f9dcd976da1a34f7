package fi.voimala.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads the demo network through the gateway's API as the demo coordinator, so that everything in it passes
 * the same rules and leaves the same events as a user's changes would. Each thing is matched by its natural
 * key (organisation alias, agreement title, e-mail, site name, the pair's two people) and created only when
 * missing: loading twice changes nothing.
 *
 * <p>Usage: {@code DemoNetworkLoader [gateway URL] [Keycloak URL]}, defaults http://localhost:8080 and
 * http://localhost:8180.
 */
public final class DemoNetworkLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "size=100";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String token;
    /** What was there and what was created, per kind, in load order. */
    private final Map<String, int[]> counts = new LinkedHashMap<>();

    private DemoNetworkLoader(String gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        String keycloak = args.length > 1 ? args[1] : "http://localhost:8180";
        Map<String, int[]> counts = load(gateway, keycloak);
        StringBuilder line = new StringBuilder("demo network:");
        counts.forEach((kind, c) -> line.append(' ').append(c[0] + c[1]).append(' ').append(kind)
                .append(" (").append(c[1]).append(" new)"));
        System.out.println(line);
    }

    /** Loads what is missing; returns, per kind, {already there, created now}. */
    public static Map<String, int[]> load(String gateway, String keycloak) throws IOException, InterruptedException {
        JsonNode demo;
        try (InputStream in = DemoNetworkLoader.class.getResourceAsStream("/demo-network.json")) {
            demo = JSON.readTree(in);
        }
        DemoNetworkLoader loader = new DemoNetworkLoader(gateway, coordinatorToken(keycloak));
        loader.loadAll(demo);
        return loader.counts;
    }

    private void loadAll(JsonNode demo) throws IOException, InterruptedException {
        Map<String, String> organisations = ensure("organisations", "/api/organisations", demo.get("organisations"),
                o -> o.get("keycloakAlias").asText(), o -> o);
        ensure("agreements", "/api/agreements", demo.get("agreements"),
                a -> key(a.get("organisationId").asText(), a.get("title").asText()),
                a -> withId(a, "organisation", "organisationId", organisations));
        // Only the demo organisations' professionals: others (e.g. the thousands bench/run registers in its own
        // organisation) need not be read at every start.
        Map<String, String> professionals = ensure("professionals", "/api/professionals", demo.get("professionals"),
                p -> p.get("email").asText().toLowerCase(Locale.ROOT),
                p -> withId(p, "organisation", "organisationId", organisations),
                demoOrganisationFilters(demo, organisations));
        ensure("sites", "/api/sites", demo.get("sites"),
                s -> key(s.get("organisationId").asText(), s.get("name").asText()),
                s -> withId(s, "organisation", "organisationId", organisations));
        ensure("pairs", "/api/pairs", demo.get("pairs"),
                p -> p.get("dissolvedOn") != null && !p.get("dissolvedOn").isNull() ? null
                        : key(p.get("artsProfessionalId").asText(), p.get("careProfessionalId").asText()),
                p -> withId(withId(p, "arts", "artsProfessionalId", professionals), "care", "careProfessionalId", professionals));
    }

    /**
     * Creates each wanted item whose key the API does not list yet.
     *
     * @param keyOf   the natural key of an item as the API shows it (null: not a match for anything)
     * @param request the API request for a wanted item (references resolved to ids)
     * @return key -> id of every item of the kind
     */
    private Map<String, String> ensure(String kind, String path, JsonNode wanted, Function<JsonNode, String> keyOf,
                                       Function<JsonNode, JsonNode> request) throws IOException, InterruptedException {
        return ensure(kind, path, wanted, keyOf, request, List.of(""));
    }

    /** As above, reading the existing items through each of {@code filters} (query parameters) in turn. */
    private Map<String, String> ensure(String kind, String path, JsonNode wanted, Function<JsonNode, String> keyOf,
                                       Function<JsonNode, JsonNode> request, List<String> filters)
            throws IOException, InterruptedException {
        Map<String, String> ids = new HashMap<>();
        for (String filter : filters) {
            for (JsonNode existing : listAll(filter.isEmpty() ? path + "?" : path + "?" + filter + "&")) {
                String key = keyOf.apply(existing);
                if (key != null) {
                    ids.put(key, existing.get("id").asText());
                }
            }
        }
        int[] count = counts.computeIfAbsent(kind, k -> new int[2]);
        for (JsonNode item : wanted) {
            JsonNode body = request.apply(item);
            String key = keyOf.apply(body);
            if (ids.containsKey(key)) {
                count[0]++;
                continue;
            }
            JsonNode created = send("POST", path, body, 201);
            ids.put(key, created.get("id").asText());
            count[1]++;
        }
        return ids;
    }

    /** "organisationId=<id>" for each organisation of the demo network (not the others the register may hold). */
    private static List<String> demoOrganisationFilters(JsonNode demo, Map<String, String> organisations) {
        List<String> filters = new ArrayList<>();
        for (JsonNode organisation : demo.get("organisations")) {
            filters.add("organisationId=" + organisations.get(organisation.get("keycloakAlias").asText()));
        }
        return filters;
    }

    /** Every item behind {@code query} (a path ending in "?" or "&"), page by page. */
    private List<JsonNode> listAll(String query) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode result = send("GET", query + PAGE + "&page=" + page, null, 200);
            result.get("items").forEach(items::add);
            if (page + 1 >= result.get("totalPages").asInt()) {
                return items;
            }
        }
    }

    private JsonNode send(String method, String path, JsonNode body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Replaces a reference by name ({@code organisation: alias}) with the id the API knows it by. */
    private static JsonNode withId(JsonNode item, String reference, String idField, Map<String, String> ids) {
        ObjectNode copy = item.deepCopy();
        JsonNode name = copy.remove(reference);
        if (name != null) {
            String id = ids.get(name.asText().toLowerCase(Locale.ROOT));
            if (id == null) {
                id = ids.get(name.asText());
            }
            if (id == null) {
                throw new IllegalStateException("demo-network.json refers to unknown " + reference + " " + name);
            }
            copy.put(idField, id);
        }
        return copy;
    }

    private static String key(String... parts) {
        return String.join("|", parts).toLowerCase(Locale.ROOT);
    }

    /** The demo coordinator (kaisa) logs in through the demo realm's script client. */
    private static String coordinatorToken(String keycloak) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=voimala-cli&username=kaisa&password="
                + URLEncoder.encode("kaisa-demo", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(keycloak + "/realms/voimala/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the demo coordinator could not log in: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }
}
