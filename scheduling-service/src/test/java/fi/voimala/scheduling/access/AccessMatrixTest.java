package fi.voimala.scheduling.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.scheduling.support.Network;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Scheduling's role × endpoint matrix (docs/conventions.md, "Who may do what"): every endpoint, called by each role on
 * its OWN organisation's item (at its site, of its people, the caller's own visits and absences) and on ANOTHER
 * organisation's item, with the status each role must get; plus 401 without a token, and lists that hold nothing of
 * the other organisation. Roles and organisation come from the token as from Keycloak; the caller's professional
 * profile is the copied one whose login is the token's subject. A cell expected to succeed gets fresh data (it writes);
 * refused cells share their targets (nothing is written before the refusal).
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
    String subject;
    UUID self;
    final Map<String, Map<String, String>> items = new HashMap<>();
    final AtomicInteger fresh = new AtomicInteger();

    /** One side's items: a site, a group there, a pair, a series of it, its first visit, an absence and a feed. */
    private Map<String, String> side(Network network, UUID arts) {
        Map<String, String> side = new HashMap<>();
        UUID site = network.site();
        UUID pair = network.pair(arts, network.nurse());
        side.put("site", site.toString());
        side.put("group", network.group(site).toString());
        side.put("series", series(network, UUID.fromString(side.get("group")), pair));
        side.put("visit", network.coordinator().queryParam("seriesId", side.get("series")).get("/api/visits").then()
                .statusCode(200).extract().path("items[0].id"));
        side.put("person", arts.toString());
        side.put("absence", absence(arts));
        String wardCode = "M" + UUID.randomUUID().toString().substring(0, 6);
        side.put("wardCode", wardCode);
        side.put("ward", network.ward(wardCode).toString());
        side.put("feed", network.coordinator().body(Map.of("professionalId", arts.toString())).post("/api/calendar-feeds")
                .then().statusCode(201).extract().path("id"));
        return side;
    }

    synchronized void register() {
        if (ownNetwork != null) {
            return;
        }
        Network own = new Network(db);
        otherNetwork = new Network(db);
        subject = UUID.randomUUID().toString();
        self = own.professional("ARTS_AND_CULTURE", subject);
        items.put("own", side(own, self));
        items.put("other", side(otherNetwork, otherNetwork.artist()));
        ownNetwork = own;
    }

    private String series(Network network, UUID group, UUID pair) {
        Map<String, Object> body = new HashMap<>(Map.of("groupId", group.toString(), "pairId", pair.toString(),
                "artForms", List.of("MUSIC"), "plannedSessions", 15, "frequency", "WEEKLY", "startTime", "13:00",
                "durationMinutes", 90, "firstDate", LocalDate.now().plusDays(1).toString()));
        return network.coordinator().body(body).post("/api/series").then().statusCode(201).extract().path("id");
    }

    /** An absence far from every visit, at a time no other absence of the test uses. */
    private String absence(UUID person) {
        return Network.as(TestTokens.coordinator()).body(absenceBody(person)).post("/api/absences").then().statusCode(201)
                .extract().path("id");
    }

    private Map<String, Object> absenceBody(UUID person) {
        LocalDate day = LocalDate.of(2035, 1, 1).plusDays(fresh.incrementAndGet());
        return Map.of("professionalId", person.toString(), "startsAt", day + "T08:00:00+02:00",
                "endsAt", day + "T16:00:00+02:00", "reason", "koulutus");
    }

    private String tok(String role) {
        return TestTokens.token(role, ownNetwork.alias, subject);
    }

    private Network network(String side) {
        return side.equals("own") ? ownNetwork : otherNetwork;
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

    private String item(String side, String kind) {
        return items.get(side).get(kind);
    }

    /** A fresh series at the side's site, run by a fresh pair of that side (so that it clashes with nothing). */
    private String freshSeries(String side) {
        Network network = network(side);
        return series(network, network.group(UUID.fromString(item(side, "site"))), network.pair());
    }

    private String firstVisit(String series) {
        return ownNetwork.coordinator().queryParam("seriesId", series).get("/api/visits").then().statusCode(200)
                .extract().path("items[0].id");
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> readers = statuses(200, 200, 200, 200, 403, 403, 403);
        Map<String, Integer> coordinatorOnly = statuses(200, 403, 403, 403, 403, 403, 403);
        Map<String, Integer> admins = statuses(200, 200, 403, 403, 403, 403, 403);
        Map<String, Integer> adminsCreate = statuses(201, 201, 403, 403, 403, 403, 403);
        Map<String, Integer> coordinatorCreates = statuses(201, 403, 403, 403, 403, 403, 403);

        // Groups
        rows.add(new Row("GET groups", (t, f) -> Network.as(tok(t)).get("/api/groups"), readers));
        both(rows, "GET group", s -> (t, f) -> Network.as(tok(t)).get("/api/groups/" + item(s, "group")), readers, coordinatorOnly);
        both(rows, "POST group", s -> (t, f) -> Network.as(tok(t)).body(Map.of("siteId", item(s, "site"), "name",
                "Ryhmä " + UUID.randomUUID(), "targetGroup", "DAY_GROUP_CLIENTS", "size", 8)).post("/api/groups"),
                adminsCreate, coordinatorCreates);
        both(rows, "PUT group", s -> (t, f) -> {
            String id = f ? network(s).group(UUID.fromString(item(s, "site"))).toString() : item(s, "group");
            Map<String, Object> current = Network.as(TestTokens.coordinator()).get("/api/groups/" + id).then().extract().path("");
            Map<String, Object> body = new HashMap<>(current);
            body.keySet().removeAll(List.of("id", "siteName", "organisationId"));
            return Network.as(tok(t)).body(body).put("/api/groups/" + id);
        }, admins, coordinatorOnly);

        // Series
        rows.add(new Row("GET series list", (t, f) -> Network.as(tok(t)).get("/api/series"), readers));
        both(rows, "GET series", s -> (t, f) -> Network.as(tok(t)).get("/api/series/" + item(s, "series")), readers, coordinatorOnly);
        both(rows, "POST series", s -> (t, f) -> {
            Network network = network(s);
            Map<String, Object> body = new HashMap<>(Map.of("groupId", f ? network.group(UUID.fromString(item(s, "site"))).toString()
                    : item(s, "group"), "pairId", network.pair().toString(), "artForms", List.of("DANCE"), "plannedSessions", 15,
                    "frequency", "WEEKLY", "startTime", "10:00", "durationMinutes", 60, "firstDate", "2029-01-08"));
            return Network.as(tok(t)).body(body).post("/api/series");
        }, adminsCreate, coordinatorCreates);
        both(rows, "POST series preview", s -> (t, f) -> {
            Network network = network(s);
            Map<String, Object> body = new HashMap<>(Map.of("groupId", item(s, "group"), "pairId", network.pair().toString(),
                    "artForms", List.of("DANCE"), "plannedSessions", 15, "frequency", "WEEKLY", "startTime", "10:00",
                    "durationMinutes", 60, "firstDate", "2029-01-08"));
            return Network.as(tok(t)).body(body).post("/api/series/preview");
        }, admins, coordinatorOnly);
        both(rows, "PUT series", s -> (t, f) -> {
            String id = f ? freshSeries(s) : item(s, "series");
            long version = Network.as(TestTokens.coordinator()).get("/api/series/" + id).then().extract().<Integer>path("version");
            return Network.as(tok(t)).body(Map.of("artForms", List.of("MUSIC", "DANCE"), "version", version)).put("/api/series/" + id);
        }, admins, coordinatorOnly);
        both(rows, "POST series pause", s -> (t, f) -> Network.as(tok(t)).body(Map.of("reason", "tauko"))
                .post("/api/series/" + (f ? freshSeries(s) : item(s, "series")) + "/pause"), admins, coordinatorOnly);
        both(rows, "POST series resume", s -> (t, f) -> {
            String id = f ? freshSeries(s) : item(s, "series");
            if (f) {
                Network.as(TestTokens.coordinator()).body(Map.of("reason", "tauko")).post("/api/series/" + id + "/pause").then().statusCode(200);
            }
            return Network.as(tok(t)).body(Map.of()).post("/api/series/" + id + "/resume");
        }, admins, coordinatorOnly);
        both(rows, "POST series shorten", s -> (t, f) -> Network.as(tok(t)).body(Map.of("plannedSessions", 14, "reason", "lyhyempi"))
                .post("/api/series/" + (f ? freshSeries(s) : item(s, "series")) + "/shorten"), admins, coordinatorOnly);
        both(rows, "POST series cancel", s -> (t, f) -> Network.as(tok(t)).body(Map.of("reason", "loppui"))
                .post("/api/series/" + (f ? freshSeries(s) : item(s, "series")) + "/cancel"), admins, coordinatorOnly);

        // Visits: the own visit is the caller's own (their pair's).
        rows.add(new Row("GET visits", (t, f) -> Network.as(tok(t)).get("/api/visits"), readers));
        both(rows, "GET visit", s -> (t, f) -> Network.as(tok(t)).get("/api/visits/" + item(s, "visit")), readers, coordinatorOnly);
        both(rows, "POST visit", s -> (t, f) -> Network.as(tok(t)).body(Map.of("seriesId", f ? freshSeries(s) : item(s, "series"),
                "startsAt", "2029-03-07T08:00:00+02:00")).post("/api/visits"), adminsCreate, coordinatorCreates);
        both(rows, "POST visit move", s -> (t, f) -> Network.as(tok(t)).body(Map.of("startsAt", "2029-03-08T08:00:00+02:00",
                "reason", "siirto")).post("/api/visits/" + (f ? firstVisit(freshSeries(s)) : item(s, "visit")) + "/move"),
                admins, coordinatorOnly);
        both(rows, "POST visit cancel", s -> (t, f) -> Network.as(tok(t)).body(Map.of("reason", "peruttu"))
                .post("/api/visits/" + (f ? firstVisit(freshSeries(s)) : item(s, "visit")) + "/cancel"), admins, coordinatorOnly);

        // Absences: the own one is the caller's own.
        rows.add(new Row("GET absences", (t, f) -> Network.as(tok(t)).get("/api/absences"), readers));
        both(rows, "GET absence", s -> (t, f) -> Network.as(tok(t)).get("/api/absences/" + item(s, "absence")), readers, coordinatorOnly);
        both(rows, "POST absence", s -> (t, f) -> Network.as(tok(t)).body(absenceBody(UUID.fromString(item(s, "person"))))
                .post("/api/absences"), statuses(201, 201, 201, 201, 403, 403, 403), coordinatorCreates);
        both(rows, "DELETE absence", s -> (t, f) -> Network.as(tok(t))
                .delete("/api/absences/" + (f ? absence(UUID.fromString(item(s, "person"))) : item(s, "absence"))),
                statuses(204, 204, 204, 204, 403, 403, 403), statuses(204, 403, 403, 403, 403, 403, 403));

        // Calendar feeds: the own one is the caller's own.
        rows.add(new Row("GET calendar-feeds", (t, f) -> Network.as(tok(t)).get("/api/calendar-feeds"), readers));
        both(rows, "POST calendar-feed", s -> (t, f) -> Network.as(tok(t)).body(Map.of("professionalId", item(s, "person")))
                .post("/api/calendar-feeds"), statuses(201, 201, 201, 201, 403, 403, 403), coordinatorCreates);
        both(rows, "DELETE calendar-feed", s -> (t, f) -> {
            String id = f ? Network.as(TestTokens.coordinator()).body(Map.of("professionalId", item(s, "person")))
                    .post("/api/calendar-feeds").then().statusCode(201).extract().path("id") : item(s, "feed");
            return Network.as(tok(t)).delete("/api/calendar-feeds/" + id);
        }, statuses(204, 204, 204, 204, 403, 403, 403), statuses(204, 403, 403, 403, 403, 403, 403));

        // Ward availability: only a hospital system publishes, and only for its own organisation's wards (another's is
        // a 422 naming the ward code, revealing nothing of whose it is).
        both(rows, "POST ward-availability", s -> (t, f) -> Network.as(tok(t)).body(Map.of("wardCode", item(s, "wardCode"),
                        "from", "2030-01-07T08:00:00+02:00", "to", "2030-01-07T16:00:00+02:00", "state", "AVAILABLE"))
                .post("/api/ward-availability"), statuses(403, 403, 403, 403, 403, 403, 202), statuses(403, 403, 403, 403, 403, 403, 422));
        both(rows, "GET ward-availability", s -> (t, f) -> Network.as(tok(t)).queryParam("siteId", item(s, "ward"))
                .get("/api/ward-availability"), statuses(200, 200, 403, 403, 403, 403, 200), coordinatorOnly);
        both(rows, "GET ward-availability windows", s -> (t, f) -> Network.as(tok(t)).queryParam("siteId", item(s, "ward"))
                .get("/api/ward-availability/windows"), statuses(200, 200, 403, 403, 403, 403, 200), coordinatorOnly);
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
        for (String path : List.of("/api/groups", "/api/series", "/api/visits", "/api/absences", "/api/calendar-feeds",
                "/api/ward-availability")) {
            RestAssured.given().get(path).then().statusCode(401);
        }
    }

    @Test
    void limitedRolesListNothingOfTheOtherOrganisation() {
        register();
        for (String role : List.of("org-admin", "artist", "care-professional")) {
            for (String[] list : new String[][] {{"/api/groups", "group"}, {"/api/series", "series"}, {"/api/visits", "visit"},
                    {"/api/absences", "absence"}}) {
                List<String> ids = Network.as(tok(role)).queryParam("size", 100).get(list[0]).then().statusCode(200)
                        .extract().path("items.id");
                assertTrue(ids.contains(item("own", list[1])), role + " sees its own in " + list[0]);
                assertTrue(!ids.contains(item("other", list[1])), role + " sees nothing of the other organisation in " + list[0]);
            }
        }
    }
}
