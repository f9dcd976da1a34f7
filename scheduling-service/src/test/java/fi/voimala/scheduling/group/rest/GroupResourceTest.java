package fi.voimala.scheduling.group.rest;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.scheduling.support.Network;
import fi.voimala.scheduling.support.SentEvents;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Activity groups through the API: a coordinator or the site's org-admin creates and changes them (optimistic
 * locking with the version read), each creation and change is an event on visit-events with the new version and
 * without the contact person, bad input is a problem naming the field and writes nothing, lists are paged,
 * filtered and limited to what the caller may see, and artists and care professionals read only the groups their
 * pairs run series for.
 */
@QuarkusTest
class GroupResourceTest {

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    Network network;
    SentEvents events;

    @BeforeEach
    void freshNetwork() {
        network = new Network(db);
        events = new SentEvents(connector);
    }

    static Map<String, Object> groupBody(UUID site, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("siteId", site.toString());
        body.put("name", name);
        body.put("targetGroup", "DAY_GROUP_CLIENTS");
        body.put("size", 12);
        body.put("needs", List.of("MOBILITY", "HEARING"));
        body.put("contactName", "Liisa Ohjaaja");
        body.put("contactPhone", "040 123 4567");
        body.put("contactEmail", "liisa.ohjaaja@example.fi");
        return body;
    }

    ValidatableResponse create(RequestSpecification as, Map<String, Object> body) {
        return as.body(body).post("/api/groups").then();
    }

    String createdId(Map<String, Object> body) {
        return create(network.coordinator(), body).statusCode(201).extract().path("id");
    }

    @Test
    void aGroupIsCreatedReadAndChangedWithItsVersion() {
        UUID site = network.site();
        String name = "Päiväryhmä " + UUID.randomUUID().toString().substring(0, 6);
        String id = create(network.orgAdmin(), groupBody(site, name)).statusCode(201)
                .header("Location", containsString("/api/groups/"))
                .body("siteId", equalTo(site.toString()))
                .body("siteName", containsString("Palvelutalo"))
                .body("organisationId", equalTo(network.organisationId.toString()))
                .body("name", equalTo(name))
                .body("targetGroup", equalTo("DAY_GROUP_CLIENTS"))
                .body("size", equalTo(12))
                .body("needs", containsInAnyOrder("MOBILITY", "HEARING"))
                .body("contactEmail", equalTo("liisa.ohjaaja@example.fi"))
                .body("version", equalTo(0))
                .extract().path("id");

        network.coordinator().get("/api/groups/" + id).then().statusCode(200).body("name", equalTo(name));

        Map<String, Object> change = groupBody(site, name + " (iltapäivä)");
        change.put("size", 9);
        change.put("needs", List.of());
        change.put("contactEmail", null);
        change.put("version", 0);
        network.orgAdmin().body(change).put("/api/groups/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("size", equalTo(9)).body("needs.size()", equalTo(0))
                .body("contactEmail", nullValue());

        // Someone who read version 0 cannot overwrite the change; nor can a change without the version.
        change.put("size", 30);
        network.orgAdmin().body(change).put("/api/groups/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("violations.rule", hasItem("stale-version"));
        change.remove("version");
        network.orgAdmin().body(change).put("/api/groups/" + id).then().statusCode(422)
                .body("violations.field", hasItem("version"));
        network.coordinator().get("/api/groups/" + id).then().body("size", equalTo(9));
        network.coordinator().get("/api/groups/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void creatingAndEachChangeRecordAnEventWithTheNewVersionAndWithoutTheContactPerson() {
        UUID site = network.site();
        Map<String, Object> body = groupBody(site, "Muisteluryhmä " + UUID.randomUUID().toString().substring(0, 6));
        body.put("needs", List.of("MOBILITY", "HEARING", "MEMORY"));
        String id = createdId(body);
        body.put("size", 9);
        body.put("version", 0);
        network.orgAdmin().body(body).put("/api/groups/" + id).then().statusCode(200).body("version", equalTo(1));
        // A refused change records nothing; a change of the contact person alone is still a change.
        network.orgAdmin().body(body).put("/api/groups/" + id).then().statusCode(409);
        body.put("contactPhone", "040 765 4321");
        body.put("version", 1);
        network.orgAdmin().body(body).put("/api/groups/" + id).then().statusCode(200).body("version", equalTo(2));

        List<SentEvents.Event> sent = events.await(e -> id.equals(e.subject()), 3);
        assertEquals(List.of("fi.voimala.scheduling.group.created.v1", "fi.voimala.scheduling.group.changed.v1",
                "fi.voimala.scheduling.group.changed.v1"), sent.stream().map(SentEvents.Event::type).toList());
        assertEquals(List.of(0, 1, 2), sent.stream().map(e -> e.data().getInteger("version")).toList());
        assertEquals(List.of(12, 9, 9), sent.stream().map(e -> e.data().getInteger("size")).toList());
        for (SentEvents.Event event : sent) {
            assertEquals("visit-events", event.topic());
            assertEquals(id, event.key(), "one group's events stay in order on one partition");
            assertEquals(id, event.data().getString("id"));
            assertEquals(site.toString(), event.data().getString("siteId"));
            assertEquals(body.get("name"), event.data().getString("name"));
            assertEquals("DAY_GROUP_CLIENTS", event.data().getString("targetGroup"));
            assertEquals(List.of("HEARING", "MEMORY", "MOBILITY"), event.data().getJsonArray("needs").getList());
            // The contact person is personal data no other service needs: never in an event.
            assertEquals(Set.of("id", "version", "siteId", "name", "targetGroup", "size", "needs"),
                    event.data().fieldNames());
        }
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        UUID site = network.site();
        String name = "Hylätty " + UUID.randomUUID();
        Map<String, Map<String, Object>> cases = new HashMap<>();
        Map<String, Object> blank = groupBody(site, " ");
        cases.put("name", blank);
        Map<String, Object> tooLong = groupBody(site, "x".repeat(201));
        cases.put("name ", tooLong);
        Map<String, Object> empty = groupBody(site, name);
        empty.put("size", 0);
        cases.put("size", empty);
        Map<String, Object> big = groupBody(site, name);
        big.put("size", 201);
        cases.put("size ", big);
        Map<String, Object> email = groupBody(site, name);
        email.put("contactEmail", "liisa(at)example.fi");
        cases.put("contactEmail", email);
        Map<String, Object> phone = groupBody(site, name);
        phone.put("contactPhone", "call me");
        cases.put("contactPhone", phone);
        Map<String, Object> noTarget = groupBody(site, name);
        noTarget.remove("targetGroup");
        cases.put("targetGroup", noTarget);
        cases.forEach((field, body) -> create(network.coordinator(), body).statusCode(422)
                .contentType("application/problem+json").body("violations.field", hasItem(field.strip())));

        Map<String, Object> unknownTarget = groupBody(site, name);
        unknownTarget.put("targetGroup", "CHILDREN");
        create(network.coordinator(), unknownTarget).statusCode(422)
                .body("violations.field", hasItem("targetGroup")).body("violations.rule", hasItem("known-value"));
        Map<String, Object> unknownNeed = groupBody(site, name);
        unknownNeed.put("needs", List.of("SPEECH"));
        create(network.coordinator(), unknownNeed).statusCode(422).body("violations.rule", hasItem("known-value"));

        create(network.coordinator(), groupBody(UUID.randomUUID(), name)).statusCode(422)
                .body("violations.field", hasItem("siteId")).body("violations.rule", hasItem("referenced-exists"));
        UUID closed = network.site();
        network.execute("update site_copy set status = 'CLOSED', closed_on = date '2026-01-31' where id = ?", closed);
        create(network.coordinator(), groupBody(closed, name)).statusCode(422)
                .body("violations.field", hasItem("siteId")).body("violations.rule", hasItem("site-open"));

        Map<String, Object> misspelt = groupBody(site, name);
        misspelt.put("sizee", 3);
        create(network.coordinator(), misspelt).statusCode(400).body("violations.rule", hasItem("unknown-field"));
        Map<String, Object> text = groupBody(site, name);
        text.put("size", "twelve");
        create(network.coordinator(), text).statusCode(400).body("violations.field", hasItem("size"));
        network.coordinator().post("/api/groups").then().statusCode(400).body("violations.rule", hasItem("body-required"));

        assertEquals(0, network.count("select count(*) from activity_group where name = ?", name));
    }

    @Test
    void listsArePagedFilteredAndLimitedToTheOrganisation() {
        UUID house = network.site();
        UUID ward = network.ward("K" + UUID.randomUUID().toString().substring(0, 5));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> body = groupBody(house, "Lauluryhmä " + tag + " " + i);
            body.put("size", i * 5);
            createdId(body);
        }
        Map<String, Object> patients = groupBody(ward, "Osastoryhmä " + tag);
        patients.put("targetGroup", "WARD_PATIENTS");
        String patientsId = createdId(patients);
        Network other = new Network(db);
        createdId(groupBody(other.site(), "Naapurin ryhmä " + tag));

        // The org-admin sees its own organisation's four groups, not the other organisation's, counts included.
        network.orgAdmin().queryParam("q", tag).queryParam("size", 2).queryParam("sort", "-size").get("/api/groups").then()
                .statusCode(200).body("totalItems", equalTo(4)).body("totalPages", equalTo(2))
                .body("items.size", equalTo(List.of(15, 12)));
        network.orgAdmin().queryParam("q", tag).queryParam("page", 1).queryParam("size", 2).queryParam("sort", "-size")
                .get("/api/groups").then().body("items.size", equalTo(List.of(10, 5)));
        network.orgAdmin().queryParam("q", "NAAPURIN " + tag).get("/api/groups").then().body("totalItems", equalTo(0));
        network.coordinator().queryParam("q", tag).get("/api/groups").then().body("totalItems", equalTo(5));

        network.coordinator().queryParam("q", tag).queryParam("targetGroup", "WARD_PATIENTS").get("/api/groups").then()
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(patientsId));
        network.coordinator().queryParam("siteId", house.toString()).get("/api/groups").then()
                .body("totalItems", equalTo(3)).body("items.siteId", everyItem(equalTo(house.toString())));
        network.coordinator().queryParam("organisationId", other.organisationId.toString()).get("/api/groups").then()
                .body("totalItems", equalTo(1)).body("items[0].organisationId", equalTo(other.organisationId.toString()));

        network.coordinator().queryParam("targetGroup", "CHILDREN").get("/api/groups").then().statusCode(422)
                .body("violations.field", hasItem("targetGroup"));
        network.coordinator().queryParam("siteId", "house").get("/api/groups").then().statusCode(422)
                .body("violations.field", hasItem("siteId"));
        network.coordinator().queryParam("sort", "contactName").get("/api/groups").then().statusCode(422)
                .body("violations.field", hasItem("sort"));
    }

    @Test
    void anOrgAdminOfAnotherOrganisationCanNeitherSeeNorChangeTheGroups() {
        UUID site = network.site();
        Map<String, Object> body = groupBody(site, "Kuoro " + UUID.randomUUID());
        String id = createdId(body);
        Network other = new Network(db);

        other.orgAdmin().get("/api/groups/" + id).then().statusCode(403).contentType("application/problem+json");
        body.put("version", 0);
        other.orgAdmin().body(body).put("/api/groups/" + id).then().statusCode(403);
        // Nor by naming its own site: the group is not its to move.
        body.put("siteId", other.site().toString());
        other.orgAdmin().body(body).put("/api/groups/" + id).then().statusCode(403);
        create(other.orgAdmin(), groupBody(site, "Vieras ryhmä")).statusCode(403);
        network.coordinator().get("/api/groups/" + id).then().body("version", equalTo(0)).body("siteId", equalTo(site.toString()));
    }

    @Test
    void aGroupWithSeriesStaysAtItsSite() {
        UUID site = network.site();
        Map<String, Object> body = groupBody(site, "Tanssiryhmä " + UUID.randomUUID());
        String id = createdId(body);
        UUID elsewhere = network.site();
        body.put("siteId", elsewhere.toString());
        body.put("version", 0);
        network.coordinator().body(body).put("/api/groups/" + id).then().statusCode(200)
                .body("siteId", equalTo(elsewhere.toString()));

        planSeries(network.coordinator(), UUID.fromString(id), network.pair());
        body.put("siteId", site.toString());
        body.put("version", 1);
        network.coordinator().body(body).put("/api/groups/" + id).then().statusCode(422)
                .body("violations.field", hasItem("siteId")).body("violations.rule", hasItem("unchanged-with-series"));
    }

    @Test
    void professionalsReadOnlyTheGroupsTheirPairsRun() {
        String login = UUID.randomUUID().toString();
        UUID artist = network.professional("ARTS_AND_CULTURE", login);
        UUID site = network.site();
        Map<String, Object> mineBody = groupBody(site, "Oma ryhmä " + UUID.randomUUID());
        String mine = createdId(mineBody);
        String others = createdId(groupBody(site, "Muiden ryhmä " + UUID.randomUUID()));
        planSeries(network.coordinator(), UUID.fromString(mine), network.pair(artist, network.nurse()));
        planSeries(network.coordinator(), UUID.fromString(others), network.pair());
        RequestSpecification asArtist = Network.as(TestTokens.token("artist", network.alias, login));

        asArtist.get("/api/groups/" + mine).then().statusCode(200).body("name", equalTo(mineBody.get("name")));
        asArtist.get("/api/groups/" + others).then().statusCode(403);
        asArtist.queryParam("size", 100).get("/api/groups").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(mine));
        mineBody.put("version", 0);
        asArtist.body(mineBody).put("/api/groups/" + mine).then().statusCode(403);
        create(asArtist, groupBody(site, "Taiteilijan ryhmä")).statusCode(403);

        // A care professional without any series sees none; the roles without a part in groups get nothing at all.
        Network.as(TestTokens.token("care-professional", network.alias, network.nurse().toString())).get("/api/groups")
                .then().statusCode(200).body("totalItems", equalTo(0));
        for (String role : List.of("viewer", "researcher", "hospital-system")) {
            Network.as(TestTokens.token(role, network.alias)).get("/api/groups").then().statusCode(403);
            Network.as(TestTokens.token(role, network.alias)).get("/api/groups/" + mine).then().statusCode(403);
            create(Network.as(TestTokens.token(role, network.alias)), groupBody(site, "Ei")).statusCode(403);
        }
        io.restassured.RestAssured.given().get("/api/groups").then().statusCode(401);
    }

    static void planSeries(RequestSpecification as, UUID group, UUID pair) {
        Map<String, Object> body = new HashMap<>();
        body.put("groupId", group.toString());
        body.put("pairId", pair.toString());
        body.put("artForms", List.of("DANCE"));
        body.put("plannedSessions", 15);
        body.put("frequency", "WEEKLY");
        body.put("startTime", "10:00");
        body.put("durationMinutes", 60);
        body.put("firstDate", "2027-09-06");
        as.body(body).post("/api/series").then().statusCode(201);
    }
}
