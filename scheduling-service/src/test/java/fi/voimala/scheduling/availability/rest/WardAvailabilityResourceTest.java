package fi.voimala.scheduling.availability.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fi.voimala.platform.testing.IncomingEvent;
import fi.voimala.scheduling.support.Network;
import fi.voimala.platform.testing.SentEvents;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hospitals' door as a hospital's system uses it (role hospital-system, its organisation in the token): FHIR R4
 * Slots or our JSON, one statement or many, become one event each on topic ward-availability, keyed by the ward; only
 * the caller's own open wards may be named (422 on the field otherwise, the same for an unknown code and another
 * hospital's), all or nothing; bad bodies are problems naming the field; other roles cannot publish. Then the planners'
 * reads: the statements applied and a ward's open windows, each limited to the caller's hospital.
 *
 * <p>FHIR bodies follow http://hl7.org/fhir/R4/slot.html and bundle.html (see FhirSlotsTest). Finland is UTC+2 in
 * winter and UTC+3 in summer (EU summer time, 28 March to 31 October in 2027), so the UTC instants are arithmetic.
 */
@QuarkusTest
class WardAvailabilityResourceTest {

    static final String TYPE = "fi.voimala.scheduling.ward-availability.published.v1";

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    Network network;
    SentEvents events;
    UUID k5;
    UUID k6;

    @BeforeEach
    void freshHospital() {
        network = new Network(db);
        events = new SentEvents(connector);
        k5 = network.ward("K5");
        k6 = network.ward("K6");
    }

    RequestSpecification hospital() {
        return Network.as(TestTokens.token("hospital-system", network.alias));
    }

    ValidatableResponse postFhir(RequestSpecification caller, String body) {
        return caller.contentType("application/fhir+json").body(body).post("/api/ward-availability").then();
    }

    ValidatableResponse postJson(RequestSpecification caller, String body) {
        return caller.contentType("application/json").body(body).post("/api/ward-availability").then();
    }

    /** Events recorded on ward-availability about this network's wards (its organisation id starts their key). */
    long published() {
        return network.count("select count(*) from outbox_event where topic = 'ward-availability' and subject like ?",
                network.organisationId + ":%");
    }

    static String slot(String wardCode, String status, String start, String end, String comment) {
        return """
                {
                  "resourceType": "Slot",
                  "schedule": { "identifier": { "system": "https://sairaala.example/fhir/ward-code", "value": "%s" } },
                  "status": "%s",
                  "start": "%s",
                  "end": "%s"%s
                }""".formatted(wardCode, status, start, end, comment == null ? "" : ",\n  \"comment\": \"" + comment + "\"");
    }

    static String transaction(String... slots) {
        return """
                { "resourceType": "Bundle", "type": "transaction", "entry": [ %s ] }"""
                .formatted(List.of(slots).stream().map(slot -> "{ \"resource\": " + slot
                        + ", \"request\": { \"method\": \"POST\", \"url\": \"Slot\" } }").collect(Collectors.joining(", ")));
    }

    static String statement(String wardCode, String from, String to, String state, String reason) {
        return new JsonObject().put("wardCode", wardCode).put("from", from).put("to", to).put("state", state)
                .put("reason", reason).encode();
    }

    List<SentEvents.Event> sentWith(List<String> ids) {
        return events.await(e -> ids.contains(e.id()), ids.size());
    }

    @Test
    void aFhirBundleOfTheCallersWardsBecomesOneEventPerSlotKeyedByTheWard() {
        String bundle = transaction(
                slot("K5", "free", "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", null),
                // The hospital's system writes the code in lower case; the register's spelling is what goes out.
                slot("k6", "busy-unavailable", "2027-03-28T00:00:00+02:00", "2027-04-04T00:00:00+03:00",
                        "Norovirus: infection isolation"));

        List<String> ids = postFhir(hospital(), bundle).statusCode(202)
                .body("statements", equalTo(2)).body("eventIds", hasSize(2))
                .extract().path("eventIds");

        Map<String, SentEvents.Event> sent = sentWith(ids).stream().collect(Collectors.toMap(SentEvents.Event::id, e -> e));
        SentEvents.Event free = sent.get(ids.get(0));
        assertEquals("ward-availability", free.topic());
        assertEquals(TYPE, free.type());
        assertEquals(network.organisationId + ":K5", free.key());
        assertEquals(network.organisationId + ":K5", free.subject());
        assertEquals(network.organisationId.toString(), free.data().getString("hospitalOrganisationId"));
        assertEquals("K5", free.data().getString("wardCode"));
        assertEquals("2027-03-01T08:00:00Z", free.data().getString("from"));
        assertEquals("2027-03-01T10:00:00Z", free.data().getString("to"));
        assertEquals("AVAILABLE", free.data().getString("state"));
        assertNull(free.data().getString("reason"));
        assertEquals("fhir", free.data().getString("source"));

        SentEvents.Event closed = sent.get(ids.get(1));
        assertEquals(network.organisationId + ":K6", closed.key());
        assertEquals("K6", closed.data().getString("wardCode"));
        // Summer time began on 28 March 2027 at 03:00: midnight was still +02:00, 4 April is +03:00.
        assertEquals("2027-03-27T22:00:00Z", closed.data().getString("from"));
        assertEquals("2027-04-03T21:00:00Z", closed.data().getString("to"));
        assertEquals("UNAVAILABLE", closed.data().getString("state"));
        assertEquals("Norovirus: infection isolation", closed.data().getString("reason"));
        assertEquals(2, published());
    }

    @Test
    void aSingleFhirSlotIsAcceptedToo() {
        postFhir(hospital(), slot("K5", "busy", "2027-03-02T10:00:00+02:00", "2027-03-02T11:00:00+02:00", null))
                .statusCode(202).body("statements", equalTo(1));
    }

    @Test
    void ourJsonOneStatementOrAListIsAccepted() {
        List<String> one = postJson(hospital(), statement("K5", "2027-05-03T09:00:00+03:00", "2027-05-03T11:00:00+03:00",
                "AVAILABLE", "day room free")).statusCode(202)
                .body("statements", equalTo(1)).body("eventIds", hasSize(1)).extract().path("eventIds");
        SentEvents.Event event = sentWith(one).get(0);
        assertEquals("api", event.data().getString("source"));
        assertEquals("2027-05-03T06:00:00Z", event.data().getString("from"));
        assertEquals("day room free", event.data().getString("reason"));

        String list = "{\"statements\": [" + statement("K5", "2027-05-10T09:00:00+03:00", "2027-05-10T11:00:00+03:00",
                "AVAILABLE", null) + ", " + statement("K6", "2027-05-11T00:00:00+03:00", "2027-05-13T00:00:00+03:00",
                "UNAVAILABLE", "renovation") + "]}";
        List<String> two = postJson(hospital(), list).statusCode(202)
                .body("statements", equalTo(2)).body("eventIds", hasSize(2)).extract().path("eventIds");
        assertEquals(List.of("K5", "K6"), two.stream().map(id -> sentWith(two).stream().filter(e -> e.id().equals(id))
                .findFirst().orElseThrow().data().getString("wardCode")).toList());
        assertEquals(3, published());
    }

    @Test
    void anotherHospitalsWardIsNotTheCallersAndNothingIsPublished() {
        Network other = new Network(db);
        other.ward("K7");
        String list = "{\"statements\": [" + statement("K5", "2027-05-10T09:00:00+03:00", "2027-05-10T11:00:00+03:00",
                "AVAILABLE", null) + ", " + statement("K7", "2027-05-11T00:00:00+03:00", "2027-05-13T00:00:00+03:00",
                "UNAVAILABLE", null) + "]}";
        ValidatableResponse refused = postJson(hospital(), list).statusCode(422)
                .contentType("application/problem+json")
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("statements[1].wardCode"))
                .body("violations[0].rule", equalTo("own-ward"));
        String othersWard = refused.extract().path("violations[0].message");

        // An unknown code gets the same answer: the caller cannot tell which codes other hospitals use.
        String unknownWard = postJson(hospital(), statement("K99", "2027-05-11T00:00:00+03:00", "2027-05-13T00:00:00+03:00",
                "UNAVAILABLE", null)).statusCode(422)
                .body("violations[0].field", equalTo("wardCode")).body("violations[0].rule", equalTo("own-ward"))
                .extract().path("violations[0].message");
        assertEquals(othersWard.replace("K7", "K99"), unknownWard);
        assertEquals(false, othersWard.contains(other.alias) || othersWard.contains(other.organisationId.toString()));

        postFhir(hospital(), transaction(
                slot("K5", "free", "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", null),
                slot("K7", "free", "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", null)))
                .statusCode(422)
                .body("violations.field", equalTo(List.of("entry[1].resource.schedule.identifier.value")))
                .body("violations.rule", equalTo(List.of("own-ward")));
        postFhir(hospital(), slot("K7", "free", "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", null))
                .statusCode(422).body("violations.field", equalTo(List.of("schedule.identifier.value")));

        assertEquals(0, published(), "all or nothing: not even K5's statements went out");
        assertEquals(0, network.count("select count(*) from outbox_event where topic = 'ward-availability' and subject like ?",
                other.organisationId + ":%"));
    }

    @Test
    void aTokenWithoutAnOrganisationKnownHereMayNotPublish() {
        String body = statement("K5", "2027-05-10T09:00:00+03:00", "2027-05-10T11:00:00+03:00", "AVAILABLE", null);
        postJson(Network.as(TestTokens.token("hospital-system", null)), body).statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://voimala.fi/problems/forbidden"));
        postJson(Network.as(TestTokens.token("hospital-system", "no-such-hospital-" + UUID.randomUUID())), body).statusCode(403);
        assertEquals(0, published());
    }

    @Test
    void unreadableBodiesAre400AndBrokenStatements422NamingTheField() {
        postFhir(hospital(), "{ \"resourceType\": \"Slot\", ").statusCode(400)
                .contentType("application/problem+json").body("violations.rule", hasItem("json-syntax"));
        postFhir(hospital(), slot("K5", "free", "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", null)
                .replace("\"status\"", "\"colour\": \"blue\", \"status\"")).statusCode(400)
                .body("violations.rule", hasItem("unknown-field"));
        postFhir(hospital(), slot("K5", "free", "2027-03-01T12:00:00+02:00", "2027-03-01T10:00:00+02:00", null))
                .statusCode(422).body("violations.field", equalTo(List.of("end"))).body("violations.rule", hasItem("after-from"));

        postJson(hospital(), "{ \"wardCode\": \"K5\", ").statusCode(400).body("violations.rule", hasItem("json-syntax"));
        postJson(hospital(), "").statusCode(400).body("violations.rule", hasItem("body-required"));
        postJson(hospital(), "{\"ward\": \"K5\"}").statusCode(400)
                .body("violations.field", hasItem("ward")).body("violations.rule", hasItem("unknown-field"));
        postJson(hospital(), statement("K5", "2027-05-10T11:00:00+03:00", "2027-05-10T09:00:00+03:00", "AVAILABLE", null))
                .statusCode(422).body("violations.field", equalTo(List.of("to"))).body("violations.rule", hasItem("after-from"));
        postJson(hospital(), statement("K5", "2027-05-10T09:00:00+03:00", "2027-05-10T11:00:00+03:00", "CLOSED", null))
                .statusCode(422).body("violations.field", hasItem("state")).body("violations.rule", hasItem("known-value"));
        postJson(hospital(), statement("K5", "2027-05-10T09:00:00", "2027-05-10T11:00:00+03:00", "AVAILABLE", null))
                .statusCode(400).body("violations.field", hasItem("from"));
        // Every broken rule of a list at once, each by its path.
        postJson(hospital(), "{\"statements\": [" + statement("K5", "2027-05-10T09:00:00+03:00", "2027-05-10T11:00:00+03:00",
                "AVAILABLE", null) + ", " + statement("", "2027-05-10T11:00:00+03:00", "2027-05-10T09:00:00+03:00",
                "AVAILABLE", null) + "]}").statusCode(422)
                .body("violations.field", equalTo(List.of("statements[1].wardCode", "statements[1].to")));
        postJson(hospital(), "{\"statements\": []}").statusCode(422).body("violations.field", equalTo(List.of("statements")));

        hospital().contentType("text/plain").body("K5 free").post("/api/ward-availability").then().statusCode(415)
                .contentType("application/problem+json");
        assertEquals(0, published());
    }

    @Test
    void onlyHospitalSystemsPublish() {
        String body = statement("K5", "2027-05-10T09:00:00+03:00", "2027-05-10T11:00:00+03:00", "AVAILABLE", null);
        for (String role : List.of("coordinator", "org-admin", "artist", "care-professional", "viewer", "researcher")) {
            postJson(Network.as(TestTokens.token(role, network.alias)), body).statusCode(403);
            postFhir(Network.as(TestTokens.token(role, network.alias)),
                    slot("K5", "free", "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", null)).statusCode(403);
        }
        given().contentType("application/json").body(body).post("/api/ward-availability").then().statusCode(401);
        assertEquals(0, published());
    }

    @Test
    void plannersReadTheAppliedStatementsAndTheOpenWindowsOfTheirOwnWards() {
        // June 2027 is summer time (+03:00). The hospital opens K5 for June and closes it 10-12 June.
        List<String> ids = postJson(hospital(), "{\"statements\": ["
                + statement("K5", "2027-06-01T00:00:00+03:00", "2027-07-01T00:00:00+03:00", "AVAILABLE", "day room")
                + ", " + statement("K5", "2027-06-10T00:00:00+03:00", "2027-06-12T00:00:00+03:00", "UNAVAILABLE", "painting")
                + "]}").statusCode(202).extract().path("eventIds");
        // Kafka would now deliver them to the consumer, in order (one key): here the in-memory channel does.
        for (String id : ids) {
            SentEvents.Event event = sentWith(List.of(id)).get(0);
            connector.source("ward-availability").send(IncomingEvent.of(event.id(), event.type(), event.subject(),
                    event.data().encode()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> network.count("select count(*) from ward_statement where site_id = ?", k5) == 2);

        hospital().queryParam("siteId", k5.toString()).get("/api/ward-availability").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", equalTo(List.of(ids.get(1), ids.get(0))))   // newest first
                .body("items[0].state", equalTo("UNAVAILABLE")).body("items[0].reason", equalTo("painting"))
                .body("items[0].from", equalTo("2027-06-09T21:00:00Z")).body("items[0].wardCode", equalTo("K5"));
        hospital().queryParam("siteId", k5.toString()).queryParam("sort", "from").get("/api/ward-availability").then()
                .statusCode(200).body("items.id", equalTo(ids));
        hospital().queryParam("siteId", k5.toString()).queryParam("from", "2027-06-13").get("/api/ward-availability").then()
                .statusCode(200).body("items.id", equalTo(List.of(ids.get(0))));
        hospital().get("/api/ward-availability").then().statusCode(200).body("totalItems", equalTo(2));

        hospital().queryParam("siteId", k5.toString()).queryParam("from", "2027-06-01").queryParam("to", "2027-06-30")
                .get("/api/ward-availability/windows").then().statusCode(200)
                .body("siteId", equalTo(k5.toString()))
                .body("windows.from", equalTo(List.of("2027-05-31T21:00:00Z", "2027-06-11T21:00:00Z")))
                .body("windows.to", equalTo(List.of("2027-06-09T21:00:00Z", "2027-06-30T21:00:00Z")));
        hospital().queryParam("siteId", k6.toString()).queryParam("from", "2027-06-01")
                .get("/api/ward-availability/windows").then().statusCode(200).body("windows", hasSize(0));

        // The hospital's org-admin and the coordinator read them too; another organisation's admin does not.
        network.orgAdmin().queryParam("siteId", k5.toString()).get("/api/ward-availability").then().statusCode(200)
                .body("totalItems", equalTo(2));
        network.coordinator().queryParam("siteId", k5.toString()).queryParam("from", "2027-06-01")
                .get("/api/ward-availability/windows").then().statusCode(200).body("windows", hasSize(2));
        Network other = new Network(db);
        other.orgAdmin().queryParam("siteId", k5.toString()).get("/api/ward-availability").then().statusCode(403);
        other.orgAdmin().queryParam("siteId", k5.toString()).get("/api/ward-availability/windows").then().statusCode(403);
        other.orgAdmin().get("/api/ward-availability").then().statusCode(200)
                .body("items.id", not(hasItem(ids.get(0))));
        Network.as(TestTokens.token("artist", network.alias)).queryParam("siteId", k5.toString())
                .get("/api/ward-availability/windows").then().statusCode(403);

        hospital().get("/api/ward-availability/windows").then().statusCode(422).body("violations.field", hasItem("siteId"));
        hospital().queryParam("siteId", network.site().toString()).get("/api/ward-availability/windows").then()
                .statusCode(422).body("violations.rule", hasItem("hospital-ward"));
        hospital().queryParam("siteId", UUID.randomUUID().toString()).get("/api/ward-availability/windows").then()
                .statusCode(404);
        hospital().queryParam("siteId", k5.toString()).queryParam("from", "2027-06-30").queryParam("to", "2027-06-01")
                .get("/api/ward-availability/windows").then().statusCode(422).body("violations.field", hasItem("to"));
        hospital().queryParam("sort", "ward").get("/api/ward-availability").then().statusCode(422)
                .body("detail", containsString("sort"));
    }
}
