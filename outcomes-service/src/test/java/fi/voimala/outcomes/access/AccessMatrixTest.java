package fi.voimala.outcomes.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.outcomes.support.Measuring;
import fi.voimala.outcomes.support.Network;
import fi.voimala.outcomes.support.Network.Person;
import fi.voimala.outcomes.support.Network.Series;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Outcomes' role × endpoint matrix (docs/conventions.md, "Who may do what"): every endpoint, called by each role on
 * its OWN side (a series at its organisation's site, run by the caller's own pair) and on ANOTHER organisation's, with
 * the status each role must get; plus 401 without a token, and lists that hold nothing of the other organisation.
 * The caller's professional profile is the copied one whose login is the token's subject: the artist of the own pair.
 * A cell expected to succeed gets fresh data (it writes); refused cells share their targets (nothing is written before
 * the refusal).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final List<String> ROLES = List.of("coordinator", "org-admin", "artist", "care-professional", "viewer",
            "researcher", "hospital-system");

    @Inject
    DataSource db;

    Network ownNetwork;
    Network otherNetwork;
    Person self;
    final Map<String, Measuring> measuring = new HashMap<>();
    final Map<String, Map<String, String>> items = new HashMap<>();

    synchronized void register() {
        if (ownNetwork != null) {
            return;
        }
        Network own = new Network(db);
        otherNetwork = new Network(db);
        self = own.artist();
        UUID ownSite = own.site();
        Series ownSeries = own.series(ownSite, own.group(ownSite, "DAY_GROUP_CLIENTS"), own.pair(self, own.nurse()));
        measuring.put("own", new Measuring(own, ownSeries));
        measuring.put("other", new Measuring(otherNetwork));
        ownNetwork = own;
        for (String side : List.of("own", "other")) {
            Map<String, String> item = new HashMap<>();
            item.put("series", measuring.get(side).series.id().toString());
            item.put("measurement", measurement(side));
            items.put(side, item);
        }
    }

    private String item(String side, String kind) {
        return items.get(side).get(kind);
    }

    private String tok(String role) {
        return TestTokens.token(role, ownNetwork.alias, self.subject());
    }

    /** The body of a baseline UCLA-3 for a new participant of the side's series (consenting to measurements). */
    private Map<String, Object> measurementBody(String side) {
        Measuring m = measuring.get(side);
        return m.body("ucla-3", "BASELINE", m.network.measuredParticipant(m.series), m.firstSession(), Measuring.ucla(6));
    }

    private String measurement(String side) {
        return Network.as(TestTokens.coordinator()).body(measurementBody(side)).post(Measuring.MEASUREMENTS).then()
                .statusCode(201).extract().path("id");
    }

    /** A series of the side's pair without a plan yet, for a fresh PUT. */
    private String unplannedSeries(String side) {
        Measuring m = measuring.get(side);
        UUID site = m.network.site();
        return m.network.series(site, m.network.group(site, "WARD_PATIENTS"), m.series.pair()).id().toString();
    }

    private static Map<String, Object> plan() {
        return Map.of("points", List.of(Measuring.point("ucla-3", "BASELINE"), Measuring.point("ucla-3", "END")));
    }

    private static Map<String, Object> instrument() {
        Map<String, Object> text = Map.of("fi", "Teksti", "sv", "Text", "en", "Text");
        return Map.of("key", "matrix-" + UUID.randomUUID().toString().substring(0, 8), "version", 1, "name", text,
                "target", "PARTICIPANT", "licence", "the network's own", "scale", Map.of("min", 1, "max", 5),
                "items", List.of(Map.of("id", "a", "text", text, "reverse", false)),
                "scores", List.of(Map.of("key", "a", "name", text, "items", List.of("a"), "method", "SUM",
                        "missing", Map.of("maxMissing", 0, "imputation", "NONE"), "range", Map.of("min", 1, "max", 5),
                        "higherIsBetter", true)));
    }

    record Row(String name, Call call, Map<String, Integer> expected) {
    }

    interface Call {
        Response call(String role, boolean fresh);
    }

    private static Map<String, Integer> statuses(int coordinator, int orgAdmin, int artist, int care, int viewer,
                                                 int researcher, int hospital) {
        return Map.of("coordinator", coordinator, "org-admin", orgAdmin, "artist", artist, "care-professional", care,
                "viewer", viewer, "researcher", researcher, "hospital-system", hospital);
    }

    private void both(List<Row> rows, String name, Function<String, Call> call, Map<String, Integer> ownStatuses,
                      Map<String, Integer> otherStatuses) {
        rows.add(new Row(name + " (own)", call.apply("own"), ownStatuses));
        rows.add(new Row(name + " (other)", call.apply("other"), otherStatuses));
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> everyoneButSystems = statuses(200, 200, 200, 200, 200, 200, 403);
        Map<String, Integer> readers = statuses(200, 200, 200, 200, 403, 403, 403);
        Map<String, Integer> coordinatorOnly = statuses(200, 403, 403, 403, 403, 403, 403);
        Map<String, Integer> pairAndCoordinator = statuses(200, 403, 200, 200, 403, 403, 403);
        Map<String, Integer> research = statuses(200, 403, 403, 403, 403, 200, 403);

        rows.add(new Row("GET instruments", (t, f) -> Network.as(tok(t)).get("/api/instruments"), everyoneButSystems));
        rows.add(new Row("POST instrument", (t, f) -> Network.as(tok(t)).body(instrument()).post("/api/instruments"),
                statuses(201, 403, 403, 403, 403, 403, 403)));

        // Plans name no one: researchers read them too.
        both(rows, "GET measurement-plan", s -> (t, f) -> Network.as(tok(t))
                        .get("/api/measurement-plans/" + item(s, "series")),
                statuses(200, 200, 200, 200, 403, 200, 403), research);
        both(rows, "PUT measurement-plan", s -> (t, f) -> Network.as(tok(t)).body(plan())
                        .put("/api/measurement-plans/" + (f ? unplannedSeries(s) : item(s, "series"))),
                pairAndCoordinator, coordinatorOnly);

        rows.add(new Row("GET measurements", (t, f) -> Network.as(tok(t)).get("/api/measurements"), readers));
        both(rows, "GET measurement", s -> (t, f) -> Network.as(tok(t)).get("/api/measurements/" + item(s, "measurement")),
                readers, coordinatorOnly);
        both(rows, "POST measurement", s -> (t, f) -> Network.as(tok(t)).body(measurementBody(s))
                        .post("/api/measurements"),
                statuses(201, 403, 201, 201, 403, 403, 403), statuses(201, 403, 403, 403, 403, 403, 403));
        both(rows, "PUT measurement", s -> (t, f) -> Network.as(tok(t))
                        .body(Map.of("version", 0, "measuredOn", measuring.get(s).firstSession().toString(),
                                "answers", Measuring.ucla(5)))
                        .put("/api/measurements/" + (f ? measurement(s) : item(s, "measurement"))),
                pairAndCoordinator, coordinatorOnly);

        rows.add(new Row("GET outcomes", (t, f) -> Network.as(tok(t)).get("/api/outcomes"), everyoneButSystems));
        rows.add(new Row("GET outcomes breakdown", (t, f) -> Network.as(tok(t)).queryParam("by", "artForm")
                .get("/api/outcomes/breakdown"), everyoneButSystems));
        for (String shape : List.of("long", "wide", "codebook")) {
            rows.add(new Row("GET exports " + shape, (t, f) -> Network.as(tok(t)).get("/api/exports/" + shape), research));
        }
        rows.add(new Row("GET exports log", (t, f) -> Network.as(tok(t)).get("/api/exports/log"), coordinatorOnly));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsItsStatusOnEveryEndpoint() {
        return rows().stream().flatMap(row -> ROLES.stream().map(role -> DynamicTest.dynamicTest(row.name() + " as " + role, () -> {
            register();
            int expected = row.expected().get(role);
            Response response = row.call().call(role, expected < 300);
            assertEquals(expected, response.statusCode(), row.name() + " as " + role + ": " + response.body().asString());
        })));
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        for (String path : List.of("/api/instruments", "/api/measurements", "/api/outcomes", "/api/exports/wide",
                "/api/exports/log", "/api/measurement-plans/" + UUID.randomUUID())) {
            RestAssured.given().get(path).then().statusCode(401);
        }
    }

    @Test
    void limitedRolesListNothingOfTheOtherOrganisation() {
        register();
        for (String role : List.of("org-admin", "artist", "care-professional")) {
            List<String> ids = Network.as(tok(role)).queryParam("size", 100).get("/api/measurements").then()
                    .statusCode(200).extract().path("items.id");
            assertTrue(ids.contains(item("own", "measurement")), role + " sees its own measurements");
            assertFalse(ids.contains(item("other", "measurement")), role + " sees nothing of the other organisation");
            int series = Network.as(tok(role)).queryParam("seriesId", item("other", "series")).get("/api/outcomes")
                    .then().statusCode(200).extract().path("series");
            assertEquals(0, series, role + " sees no outcome of the other organisation's series");
        }
    }
}
