package fi.voimala.partners.access;

import static fi.voimala.partners.support.Register.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.partners.support.Register;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The role × endpoint matrix of the register: every endpoint, called by each role on its OWN organisation's item
 * and on ANOTHER organisation's item (a different organisation's row, not the same row twice), with the status
 * each role must get; plus 401 without a token, and lists that contain the caller's own items and nothing of the
 * other organisation (for pairs: every listed pair has a professional of the caller's organisation for an org-admin,
 * the caller themselves for an artist or care professional). Roles come from the token's realm roles and the
 * organisation from its {@code organization} claim, as from Keycloak. A cell expected to succeed gets fresh data (it changes it); cells expected to be refused
 * share their targets (nothing is written before the refusal), which keeps the matrix quick.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final List<String> ROLES = List.of("coordinator", "org-admin", "artist", "care-professional", "viewer",
            "researcher", "hospital-system");

    /** The caller's organisation and the other one, with an item of each kind in each. */
    String ownAlias;
    String subject;
    final Map<String, String> own = new HashMap<>();
    final Map<String, String> other = new HashMap<>();

    /** Registers the data once; REST Assured knows the test port only inside a test. */
    synchronized void register() {
        if (ownAlias != null) {
            return;
        }
        String alias = Register.newAlias();
        subject = UUID.randomUUID().toString();
        own.put("organisation", Register.organisation(alias));
        other.put("organisation", Register.organisation(Register.newAlias()));
        // The caller's own profile, so that artist / care-professional tokens are a real person of the own organisation.
        String self = Register.professional(own.get("organisation"), "ARTS_AND_CULTURE", "MUSICIAN", subject);
        for (Map<String, String> side : List.of(own, other)) {
            String organisation = side.get("organisation");
            side.put("professional", Register.nurse(organisation));
            side.put("artist", Register.artist(organisation));
            side.put("site", Register.site(organisation));
            side.put("agreement", agreement(organisation));
        }
        own.put("self", self);
        own.put("pair", Register.pair(self, own.get("professional")));
        other.put("pair", Register.pair(other.get("artist"), other.get("professional")));
        // Across the two organisations: an org-admin of either sees it; the caller's own profile is not in it.
        own.put("crossPair", Register.pair(own.get("artist"), other.get("professional")));
        // Within the own organisation, without the caller: its org-admin sees it, the caller as artist does not.
        own.put("colleaguesPair", Register.pair(own.get("artist"), own.get("professional")));
        ownAlias = alias;
    }

    /** One row: how to call the endpoint with a token on the own or other organisation's item, and the statuses. */
    record Row(String name, Call call, Map<String, Integer> expected) {
    }

    /** Calls an endpoint as the given role; {@code fresh} when the cell is expected to succeed (and so to write). */
    interface Call {
        Response call(String role, boolean fresh);
    }

    /** The role's token: a person of the own organisation (the caller's profile's login). */
    private String tok(String role) {
        return TestTokens.token(role, ownAlias, subject);
    }

    private static Map<String, Integer> statuses(int coordinator, int orgAdmin, int artist, int care, int viewer,
                                                 int researcher, int hospital) {
        return Map.of("coordinator", coordinator, "org-admin", orgAdmin, "artist", artist, "care-professional", care,
                "viewer", viewer, "researcher", researcher, "hospital-system", hospital);
    }

    /** A row for the own organisation's item and one for the other's, from one definition. */
    private void both(List<Row> rows, String name, Function<Map<String, String>, Call> call,
                      Map<String, Integer> ownStatuses, Map<String, Integer> otherStatuses) {
        rows.add(new Row(name + " (own)", (token, fresh) -> call.apply(own).call(token, fresh), ownStatuses));
        rows.add(new Row(name + " (other)", (token, fresh) -> call.apply(other).call(token, fresh), otherStatuses));
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> coordinatorOnly = statuses(200, 403, 403, 403, 403, 403, 403);
        Map<String, Integer> coordinatorCreates = statuses(201, 403, 403, 403, 403, 403, 403);
        Map<String, Integer> admins = statuses(200, 200, 403, 403, 403, 403, 403);

        // Organisations
        rows.add(new Row("GET organisations", (t, f) -> as(tok(t)).get("/api/organisations"), statuses(200, 200, 200, 200, 200, 403, 403)));
        both(rows, "GET organisation", side -> (t, fresh) -> as(tok(t)).get("/api/organisations/" + side.get("organisation")),
                statuses(200, 200, 200, 200, 403, 403, 403), coordinatorOnly);
        rows.add(new Row("POST organisation", (t, f) -> as(tok(t)).body(Register.organisationBody(Register.newAlias())).post("/api/organisations"),
                coordinatorCreates));
        both(rows, "PUT organisation", side -> (t, fresh) -> as(tok(t)).body(current("/api/organisations/" + side.get("organisation")))
                .put("/api/organisations/" + side.get("organisation")), coordinatorOnly, coordinatorOnly);
        // Leaving is for good: the own organisation is a fresh one that the token names, the other one a fresh one it does not.
        rows.add(new Row("POST organisation leave (own)", (t, fresh) -> leave(t, true), coordinatorOnly));
        rows.add(new Row("POST organisation leave (other)", (t, fresh) -> leave(t, false), coordinatorOnly));

        // Professionals
        rows.add(new Row("GET professionals", (t, f) -> as(tok(t)).get("/api/professionals"), statuses(200, 200, 200, 200, 403, 403, 403)));
        both(rows, "GET professional", side -> (t, fresh) -> as(tok(t)).get("/api/professionals/" + side.get("professional")),
                admins, coordinatorOnly);
        both(rows, "POST professional", side -> (t, fresh) -> as(tok(t))
                        .body(Register.professionalBody(side.get("organisation"), "EDUCATION", "TEACHER")).post("/api/professionals"),
                statuses(201, 201, 403, 403, 403, 403, 403), coordinatorCreates);
        both(rows, "PUT professional", side -> (t, fresh) -> {
            String id = fresh ? Register.nurse(side.get("organisation")) : side.get("professional");
            return as(tok(t)).body(current("/api/professionals/" + id)).put("/api/professionals/" + id);
        }, admins, coordinatorOnly);

        // Pairs: the own pair is the caller's own (their profile with a nurse of their organisation).
        rows.add(new Row("GET pairs", (t, f) -> as(tok(t)).get("/api/pairs"), statuses(200, 200, 200, 200, 403, 403, 403)));
        both(rows, "GET pair", side -> (t, fresh) -> as(tok(t)).get("/api/pairs/" + side.get("pair")),
                statuses(200, 200, 200, 200, 403, 403, 403), coordinatorOnly);
        both(rows, "POST pair", side -> (t, fresh) -> as(tok(t)).body(Map.of(
                        "artsProfessionalId", fresh ? Register.artist(side.get("organisation")) : side.get("artist"),
                        "careProfessionalId", fresh ? Register.nurse(side.get("organisation")) : side.get("professional")))
                .post("/api/pairs"), coordinatorCreates, coordinatorCreates);
        both(rows, "POST pair dissolve", side -> (t, fresh) -> {
            String pair = fresh ? Register.pair(Register.artist(side.get("organisation")), Register.nurse(side.get("organisation")))
                    : side.get("pair");
            return as(tok(t)).body(Map.of()).post("/api/pairs/" + pair + "/dissolve");
        }, coordinatorOnly, coordinatorOnly);

        // Sites
        rows.add(new Row("GET sites", (t, f) -> as(tok(t)).get("/api/sites"), statuses(200, 200, 200, 200, 403, 403, 403)));
        both(rows, "GET site", side -> (t, fresh) -> as(tok(t)).get("/api/sites/" + side.get("site")),
                statuses(200, 200, 200, 200, 403, 403, 403), coordinatorOnly);
        both(rows, "POST site", side -> (t, fresh) -> as(tok(t)).body(Register.siteBody(side.get("organisation"), "DAY_CENTRE"))
                .post("/api/sites"), statuses(201, 201, 403, 403, 403, 403, 403), coordinatorCreates);
        both(rows, "PUT site", side -> (t, fresh) -> {
            String id = fresh ? Register.site(side.get("organisation")) : side.get("site");
            return as(tok(t)).body(current("/api/sites/" + id)).put("/api/sites/" + id);
        }, admins, coordinatorOnly);
        both(rows, "POST site close", side -> (t, fresh) -> as(tok(t)).body(Map.of())
                .post("/api/sites/" + (fresh ? Register.site(side.get("organisation")) : side.get("site")) + "/close"),
                admins, coordinatorOnly);

        // Agreements
        rows.add(new Row("GET agreements", (t, f) -> as(tok(t)).get("/api/agreements"), admins));
        both(rows, "GET agreement", side -> (t, fresh) -> as(tok(t)).get("/api/agreements/" + side.get("agreement")),
                admins, coordinatorOnly);
        both(rows, "POST agreement", side -> (t, fresh) -> as(tok(t)).body(agreementBody(side.get("organisation")))
                .post("/api/agreements"), coordinatorCreates, coordinatorCreates);
        both(rows, "PUT agreement", side -> (t, fresh) -> {
            String id = fresh ? agreement(side.get("organisation")) : side.get("agreement");
            return as(tok(t)).body(current("/api/agreements/" + id)).put("/api/agreements/" + id);
        }, coordinatorOnly, coordinatorOnly);
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> eachRoleGetsTheExpectedStatusOnEachEndpoint() {
        List<Row> rows = rows();
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(row -> {
            if (!names.add(row.name())) {
                throw new IllegalStateException("duplicate row " + row.name());
            }
        });
        return rows.stream().flatMap(row -> ROLES.stream().map(role -> DynamicTest.dynamicTest(
                row.name() + " as " + role, () -> {
                    register();
                    int expected = row.expected().get(role);
                    row.call().call(role, expected < 300).then().statusCode(expected);
                })));
    }

    @TestFactory
    Stream<DynamicTest> withoutATokenEveryEndpointIs401() {
        String id = UUID.randomUUID().toString();
        return Stream.of("/api/organisations", "/api/professionals", "/api/pairs", "/api/sites", "/api/agreements")
                .flatMap(path -> Stream.of(
                        DynamicTest.dynamicTest("GET " + path, () -> given().get(path).then().statusCode(401)),
                        DynamicTest.dynamicTest("GET " + path + "/{id}", () -> given().get(path + "/" + id).then().statusCode(401)),
                        DynamicTest.dynamicTest("POST " + path, () -> given().contentType("application/json").body("{}")
                                .post(path).then().statusCode(401))));
    }

    /**
     * Each limited role's lists hold its own organisation's items (not empty) and nothing of the other organisation;
     * its pairs list holds exactly the pairs PartnerAccess lets it see.
     */
    @TestFactory
    Stream<DynamicTest> listsHoldOwnItemsAndNothingOfAnotherOrganisation() {
        return Stream.of("org-admin", "artist", "care-professional").map(role -> DynamicTest.dynamicTest(role, () -> {
            register();
            String token = TestTokens.token(role, ownAlias, subject);
            String ownOrg = own.get("organisation");
            String otherOrg = other.get("organisation");
            as(token).queryParam("size", 100).get("/api/organisations").then().statusCode(200)
                    .body("items", not(empty()))
                    .body("items.id", everyItem(equalTo(ownOrg)));
            as(token).queryParam("size", 100).get("/api/professionals").then().statusCode(200)
                    .body("items", not(empty()))
                    .body("items.organisationId", everyItem(equalTo(ownOrg)))
                    .body("items.id", not(hasItem(other.get("professional"))));
            as(token).queryParam("size", 100).get("/api/sites").then().statusCode(200)
                    .body("items", not(empty()))
                    .body("items.organisationId", everyItem(equalTo(ownOrg)))
                    .body("items.id", hasItem(own.get("site")));
            List<Map<String, String>> pairs = as(token).queryParam("size", 100).get("/api/pairs").then().statusCode(200)
                    .body("items", not(empty()))
                    .body("items.id", hasItem(own.get("pair")))
                    .body("items.id", not(hasItem(other.get("pair"))))
                    .extract().jsonPath().getList("items");
            assertPairsScoped(role, pairs);
            if (role.equals("org-admin")) {
                as(token).queryParam("size", 100).get("/api/agreements").then().statusCode(200)
                        .body("items", not(empty()))
                        .body("items.organisationId", everyItem(equalTo(ownOrg)));
                as(token).queryParam("organisationId", otherOrg).get("/api/agreements").then().statusCode(200)
                        .body("items", empty());
            }
        }));
    }

    /**
     * PartnerAccess's rule for pairs, on every listed pair: an org-admin sees the pairs with at least one professional
     * of its organisation (so the pair across the organisations too); an artist or care professional only the pairs
     * they are in themselves. Each pair's professionals are looked up as a coordinator.
     */
    private void assertPairsScoped(String role, List<Map<String, String>> pairs) {
        Map<String, String> organisationOf = new HashMap<>();
        Function<String, String> organisation = professional -> organisationOf.computeIfAbsent(professional,
                id -> as(TestTokens.coordinator()).get("/api/professionals/" + id).then().statusCode(200).extract().path("organisationId"));
        List<String> ids = pairs.stream().map(pair -> pair.get("id")).toList();
        for (Map<String, String> pair : pairs) {
            String arts = pair.get("artsProfessionalId");
            String care = pair.get("careProfessionalId");
            if (role.equals("org-admin")) {
                assertTrue(organisation.apply(arts).equals(own.get("organisation")) || organisation.apply(care).equals(own.get("organisation")),
                        role + " sees pair " + pair.get("id") + " of only other organisations' professionals ("
                                + organisation.apply(arts) + ", " + organisation.apply(care) + ")");
            } else {
                assertTrue(arts.equals(own.get("self")) || care.equals(own.get("self")),
                        role + " sees pair " + pair.get("id") + " that they are not in");
            }
        }
        if (role.equals("org-admin")) {
            assertTrue(ids.contains(own.get("crossPair")), "org-admin does not see the pair with its own artist and another organisation's nurse");
            assertTrue(ids.contains(own.get("colleaguesPair")), "org-admin does not see a pair of its own organisation");
        } else {
            assertFalse(ids.contains(own.get("crossPair")) || ids.contains(own.get("colleaguesPair")),
                    role + " sees a pair of their organisation that they are not in");
        }
    }

    /** The body a client would send back to change nothing: what it read, with the version it read. */
    private static Map<String, Object> current(String path) {
        Map<String, Object> body = new HashMap<>(as(TestTokens.coordinator()).get(path).then().statusCode(200).extract().jsonPath().getMap(""));
        body.keySet().removeAll(Set.of("id", "status", "memberUntil", "leaveReason", "closedOn", "closeReason"));
        return body;
    }

    /** An organisation leaves: fresh each time, named by the token ({@code own}) or not. */
    private Response leave(String role, boolean own) {
        String alias = Register.newAlias();
        String organisation = Register.organisation(alias);
        String token = own ? TestTokens.token(role, alias, subject) : tok(role);
        return as(token).body(Map.of()).post("/api/organisations/" + organisation + "/leave");
    }

    private static Map<String, Object> agreementBody(String organisationId) {
        return Map.of("organisationId", organisationId, "type", "COOPERATION", "title", "Yhteistyösopimus",
                "validFrom", "2025-01-01");
    }

    private static String agreement(String organisationId) {
        return as(TestTokens.coordinator()).body(agreementBody(organisationId)).post("/api/agreements")
                .then().statusCode(201).extract().path("id");
    }
}
