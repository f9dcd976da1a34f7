package fi.voimala.partners.access;

import static fi.voimala.partners.support.Register.as;
import static io.restassured.RestAssured.given;

import fi.voimala.partners.support.Register;
import fi.voimala.partners.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The role × endpoint matrix of the register: for each endpoint, the status each role gets when it acts on
 * its OWN organisation's data and on ANOTHER organisation's data, plus 401 without a token. Roles come from
 * the token's realm roles and the organisation from its {@code organization} claim, as from Keycloak.
 * Writes that succeed use fresh data, so each cell is independent of the others. The rows are built lazily
 * (inside the tests), since their targets are registered through the API.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final List<String> ROLES = List.of("coordinator", "org-admin", "artist", "care-professional", "viewer",
            "researcher", "hospital-system");

    String ownAlias;
    String ownOrg;
    String otherOrg;
    String subject;

    /** Registers the two organisations once; REST Assured knows the test port only inside a test. */
    synchronized void register() {
        if (ownOrg != null) {
            return;
        }
        ownAlias = Register.newAlias();
        ownOrg = Register.organisation(ownAlias);
        otherOrg = Register.organisation(Register.newAlias());
        subject = UUID.randomUUID().toString();
        // The caller's own profile, so that artist / care-professional tokens are a real person of ownOrg.
        Register.professional(ownOrg, "ARTS_AND_CULTURE", "MUSICIAN", subject);
    }

    /** One row: an endpoint called on data of the given organisation, and the expected status per role. */
    record Row(String name, Function<RequestSpecification, Response> call,
               Map<String, Integer> expected) {
    }

    private static Map<String, Integer> statuses(int coordinator, int orgAdmin, int artist, int care, int viewer,
                                                 int researcher, int hospital) {
        return Map.of("coordinator", coordinator, "org-admin", orgAdmin, "artist", artist, "care-professional", care,
                "viewer", viewer, "researcher", researcher, "hospital-system", hospital);
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (boolean own : List.of(true, false)) {
            String where = own ? "own" : "other";
            int ownOr403 = own ? 200 : 403;
            int ownWrite = own ? 201 : 403;
            rows.add(new Row("GET organisation (" + where + ")", r -> r.get("/api/organisations/" + (own ? ownOrg : otherOrg)),
                    statuses(200, ownOr403, ownOr403, ownOr403, 403, 403, 403)));
            rows.add(new Row("PUT organisation (" + where + ")", r -> r.body(orgUpdate(own)).put("/api/organisations/" + freshOrg()),
                    statuses(200, 403, 403, 403, 403, 403, 403)));
            rows.add(new Row("POST organisation leave", r -> r.body(Map.of()).post("/api/organisations/" + freshOrg() + "/leave"),
                    statuses(200, 403, 403, 403, 403, 403, 403)));
            rows.add(new Row("GET professional (" + where + ")", r -> r.get("/api/professionals/" + Register.nurse(own ? ownOrg : otherOrg)),
                    statuses(200, ownOr403, 403, 403, 403, 403, 403)));
            rows.add(new Row("POST professional (" + where + ")",
                    r -> r.body(Register.professionalBody(own ? ownOrg : otherOrg, "EDUCATION", "TEACHER")).post("/api/professionals"),
                    statuses(201, ownWrite, 403, 403, 403, 403, 403)));
            rows.add(new Row("GET site (" + where + ")", r -> r.get("/api/sites/" + Register.site(own ? ownOrg : otherOrg)),
                    statuses(200, ownOr403, ownOr403, ownOr403, 403, 403, 403)));
            rows.add(new Row("POST site (" + where + ")",
                    r -> r.body(Register.siteBody(own ? ownOrg : otherOrg, "DAY_CENTRE")).post("/api/sites"),
                    statuses(201, ownWrite, 403, 403, 403, 403, 403)));
            rows.add(new Row("POST site close (" + where + ")",
                    r -> r.body(Map.of()).post("/api/sites/" + Register.site(own ? ownOrg : otherOrg) + "/close"),
                    statuses(200, ownOr403, 403, 403, 403, 403, 403)));
            rows.add(new Row("POST pair (" + where + ")",
                    r -> r.body(Map.of("artsProfessionalId", Register.artist(own ? ownOrg : otherOrg),
                            "careProfessionalId", Register.nurse(own ? ownOrg : otherOrg))).post("/api/pairs"),
                    statuses(201, 403, 403, 403, 403, 403, 403)));
            rows.add(new Row("GET agreements (" + where + ")",
                    r -> r.queryParam("organisationId", own ? ownOrg : otherOrg).get("/api/agreements"),
                    statuses(200, 200, 403, 403, 403, 403, 403)));
        }
        rows.add(new Row("GET organisations", r -> r.get("/api/organisations"),
                statuses(200, 200, 200, 200, 200, 403, 403)));
        rows.add(new Row("POST organisation", r -> r.body(Register.organisationBody(Register.newAlias())).post("/api/organisations"),
                statuses(201, 403, 403, 403, 403, 403, 403)));
        rows.add(new Row("GET professionals", r -> r.get("/api/professionals"),
                statuses(200, 200, 200, 200, 403, 403, 403)));
        rows.add(new Row("GET pairs", r -> r.get("/api/pairs"),
                statuses(200, 200, 200, 200, 403, 403, 403)));
        rows.add(new Row("GET sites", r -> r.get("/api/sites"),
                statuses(200, 200, 200, 200, 403, 403, 403)));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> eachRoleGetsTheExpectedStatusOnEachEndpoint() {
        return rows().stream().flatMap(row -> ROLES.stream().map(role -> DynamicTest.dynamicTest(
                row.name() + " as " + role, () -> {
                    register();
                    String token = Tokens.token(role, ownAlias, subject);
                    row.call().apply(as(token)).then().statusCode(row.expected().get(role));
                })));
    }

    @TestFactory
    Stream<DynamicTest> withoutATokenEveryEndpointIs401() {
        return Stream.of("/api/organisations", "/api/professionals", "/api/pairs", "/api/sites", "/api/agreements")
                .map(path -> DynamicTest.dynamicTest("GET " + path, () -> given().get(path).then().statusCode(401)));
    }

    @TestFactory
    Stream<DynamicTest> listsNeverContainAnotherOrganisationsPeopleOrSites() {
        return Stream.of("org-admin", "artist", "care-professional").map(role -> DynamicTest.dynamicTest(role, () -> {
            register();
            String token = Tokens.token(role, ownAlias, subject);
            as(token).queryParam("size", 100).get("/api/professionals").then().statusCode(200)
                    .body("items.organisationId", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(ownOrg)));
            as(token).queryParam("size", 100).get("/api/sites").then().statusCode(200)
                    .body("items.organisationId", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(ownOrg)));
            as(token).queryParam("size", 100).get("/api/organisations").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(ownOrg)));
        }));
    }

    private String freshOrg() {
        return Register.organisation(Register.newAlias());
    }

    private static Map<String, Object> orgUpdate(boolean own) {
        Map<String, Object> body = new HashMap<>(Register.organisationBody(Register.newAlias()));
        body.put("version", 0);
        return body;
    }
}
