package fi.voimala.sessions.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testing.TestTokens;
import fi.voimala.sessions.support.Network;
import fi.voimala.sessions.support.Network.Person;
import fi.voimala.sessions.support.Network.Series;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * Sessions' role × endpoint matrix (docs/conventions.md, "Who may do what"): every endpoint, called by each role on
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
    final Map<String, Series> series = new HashMap<>();
    final Map<String, Map<String, String>> items = new HashMap<>();

    synchronized void register() {
        if (ownNetwork != null) {
            return;
        }
        Network own = new Network(db);
        otherNetwork = new Network(db);
        self = own.artist();
        UUID ownSite = own.site();
        series.put("own", own.series(ownSite, own.group(ownSite, "DAY_GROUP_CLIENTS"), own.pair(self, own.nurse())));
        series.put("other", otherNetwork.series());
        ownNetwork = own;
        for (String side : List.of("own", "other")) {
            Map<String, String> item = new HashMap<>();
            item.put("series", series.get(side).id().toString());
            item.put("participant", participant(side));
            item.put("record", record(side));
            items.put(side, item);
        }
    }

    private Network network(String side) {
        return side.equals("own") ? ownNetwork : otherNetwork;
    }

    private String item(String side, String kind) {
        return items.get(side).get(kind);
    }

    private String tok(String role) {
        return TestTokens.token(role, ownNetwork.alias, self.subject());
    }

    private Map<String, Object> enrolment(String side) {
        return Map.of("seriesId", series.get(side).id().toString(), "consent", Map.of("givenBy", "PERSON",
                "givenOn", LocalDate.now(Network.HELSINKI).minusDays(30).toString(),
                "covers", List.of("PARTICIPATION", "MEASUREMENTS", "RESEARCH_USE")));
    }

    /** A participant of the side's series who consented to research use too, enrolled by the coordinator. */
    private String participant(String side) {
        return Network.as(TestTokens.coordinator()).body(enrolment(side)).post("/api/participants").then().statusCode(201)
                .extract().path("id");
    }

    /** A past visit of the side's series, not yet recorded. */
    private String visit(String side) {
        return network(side).pastVisit(series.get(side), 3).toString();
    }

    private Map<String, Object> recordBody(String side, String visit) {
        Instant start = network(side).visitStart(UUID.fromString(visit));
        Map<String, Object> body = new HashMap<>(Map.of("held", true, "startedAt", start.toString(),
                "endedAt", start.plus(80, ChronoUnit.MINUTES).toString(), "otherStaffCount", 1,
                "artForms", List.of("MUSIC"), "methods", List.of("singing")));
        body.put("visitId", visit);
        return body;
    }

    /** A held session of the side's series, recorded by the coordinator. */
    private String record(String side) {
        return Network.as(TestTokens.coordinator()).body(recordBody(side, visit(side))).post("/api/session-records")
                .then().statusCode(201).extract().path("id");
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
        Map<String, Integer> readers = statuses(200, 200, 200, 200, 403, 403, 403);
        Map<String, Integer> coordinatorOnly = statuses(200, 403, 403, 403, 403, 403, 403);
        Map<String, Integer> pairAndCoordinator = statuses(200, 403, 200, 200, 403, 403, 403);
        Map<String, Integer> pseudonymousReaders = statuses(200, 200, 200, 200, 403, 200, 403);
        Map<String, Integer> othersPseudonymous = statuses(200, 403, 403, 403, 403, 200, 403);

        // Participants: the researcher reads those who consented to research use, wherever they are.
        rows.add(new Row("GET participants", (t, f) -> Network.as(tok(t)).get("/api/participants"), pseudonymousReaders));
        both(rows, "GET participant", s -> (t, f) -> Network.as(tok(t)).get("/api/participants/" + item(s, "participant")),
                pseudonymousReaders, othersPseudonymous);
        both(rows, "POST participant", s -> (t, f) -> Network.as(tok(t)).body(enrolment(s)).post("/api/participants"),
                statuses(201, 403, 201, 201, 403, 403, 403), statuses(201, 403, 403, 403, 403, 403, 403));
        both(rows, "PUT participant", s -> (t, f) -> Network.as(tok(t))
                        .body(Map.of("version", 0, "yearOfBirthBand", "1935-1939", "gender", "FEMALE"))
                        .put("/api/participants/" + (f ? participant(s) : item(s, "participant"))),
                pairAndCoordinator, coordinatorOnly);
        both(rows, "POST participant withdrawal", s -> (t, f) -> Network.as(tok(t))
                        .body(Map.of("withdrawnFrom", LocalDate.now(Network.HELSINKI).toString(), "covers", List.of("MEASUREMENTS")))
                        .post("/api/participants/" + (f ? participant(s) : item(s, "participant")) + "/withdrawal"),
                readers, coordinatorOnly);
        both(rows, "POST participant erasure", s -> (t, f) -> Network.as(tok(t)).body(Map.of("reason", "the person asked"))
                        .post("/api/participants/" + (f ? participant(s) : item(s, "participant")) + "/erasure"),
                statuses(204, 403, 403, 403, 403, 403, 403), statuses(204, 403, 403, 403, 403, 403, 403));

        // Session records: their free text is not pseudonymous, so no researcher.
        rows.add(new Row("GET session-records", (t, f) -> Network.as(tok(t)).get("/api/session-records"), readers));
        both(rows, "GET session-record", s -> (t, f) -> Network.as(tok(t)).get("/api/session-records/" + item(s, "record")),
                readers, coordinatorOnly);
        both(rows, "GET session-record staff candidates", s -> (t, f) -> Network.as(tok(t))
                .queryParam("visitId", visit(s)).get("/api/session-records/staff-candidates"),
                pairAndCoordinator, coordinatorOnly);
        both(rows, "GET session-record history", s -> (t, f) -> Network.as(tok(t))
                .get("/api/session-records/" + item(s, "record") + "/history"), readers, coordinatorOnly);
        both(rows, "POST session-record", s -> (t, f) -> Network.as(tok(t)).body(recordBody(s, visit(s)))
                        .post("/api/session-records"),
                statuses(201, 403, 201, 201, 403, 403, 403), statuses(201, 403, 403, 403, 403, 403, 403));
        both(rows, "PUT session-record", s -> (t, f) -> {
            String id = f ? record(s) : item(s, "record");
            Map<String, Object> body = new HashMap<>(Map.of("version", 0, "held", false, "notHeldReason", "the ward closed"));
            return Network.as(tok(t)).body(body).put("/api/session-records/" + id);
        }, pairAndCoordinator, coordinatorOnly);

        // Figures.
        both(rows, "GET series attendance", s -> (t, f) -> Network.as(tok(t))
                .get("/api/series/" + item(s, "series") + "/attendance"), pseudonymousReaders, othersPseudonymous);
        rows.add(new Row("GET session-figures", (t, f) -> Network.as(tok(t)).get("/api/session-figures"),
                statuses(200, 200, 200, 200, 200, 200, 403)));
        rows.add(new Row("GET audit-log", (t, f) -> Network.as(tok(t)).get("/api/audit-log"), coordinatorOnly));
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
        for (String path : List.of("/api/participants", "/api/session-records", "/api/session-figures", "/api/audit-log",
                "/api/series/" + UUID.randomUUID() + "/attendance")) {
            RestAssured.given().get(path).then().statusCode(401);
        }
    }

    @Test
    void limitedRolesListNothingOfTheOtherOrganisation() {
        register();
        for (String role : List.of("org-admin", "artist", "care-professional")) {
            for (String[] list : new String[][] {{"/api/participants", "participant"}, {"/api/session-records", "record"}}) {
                List<String> ids = Network.as(tok(role)).queryParam("size", 100).get(list[0]).then().statusCode(200)
                        .extract().path("items.id");
                assertTrue(ids.contains(item("own", list[1])), role + " sees its own in " + list[0]);
                assertFalse(ids.contains(item("other", list[1])), role + " sees nothing of the other organisation in " + list[0]);
            }
        }
    }
}
