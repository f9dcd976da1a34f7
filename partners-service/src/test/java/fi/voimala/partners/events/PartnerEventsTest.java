package fi.voimala.partners.events;

import static fi.voimala.partners.support.Register.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.partners.support.Register;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import fi.voimala.partners.support.Db;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * Proves that every change of the register leaves one CloudEvent of the documented type (docs/events.md),
 * keyed by the aggregate's id and carrying its new state, and that a rejected change leaves none. The relay
 * sends to the in-memory channel here; PartnerEventsKafkaTest proves the same through a real broker.
 */
@QuarkusTest
class PartnerEventsTest {

    @Inject
    @org.eclipse.microprofile.reactive.messaging.spi.Connector("smallrye-in-memory")
    InMemoryConnector connector;
    @Inject
    DataSource db;

    record Event(String type, String subject, String topic, Object key, JsonObject data) {
    }

    private List<Event> eventsAbout(String subject) {
        return connector.sink("outbox").received().stream().map(PartnerEventsTest::event)
                .filter(e -> subject.equals(e.subject())).toList();
    }

    private static Event event(Message<?> message) {
        OutgoingCloudEventMetadata<?> ce = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        OutgoingKafkaRecordMetadata<?> kafka = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        return new Event(ce.getType(), ce.getSubject().orElse(null), kafka.getTopic(), kafka.getKey(),
                new JsonObject((String) message.getPayload()));
    }

    private List<Event> awaitEvents(String subject, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> eventsAbout(subject).size() >= count);
        List<Event> events = eventsAbout(subject);
        assertEquals(count, events.size(), "events about " + subject + ": " + events);
        return events;
    }

    @Test
    void anOrganisationJoinsChangesAndLeaves() {
        Map<String, Object> body = Register.organisationBody(Register.newAlias());
        String id = as(TestTokens.coordinator()).body(body).post("/api/organisations").then().statusCode(201).extract().path("id");
        body.put("name", "Muutettu nimi");
        body.put("version", 0);
        as(TestTokens.coordinator()).body(body).put("/api/organisations/" + id).then().statusCode(200);
        as(TestTokens.coordinator()).body(Map.of("reason", "loppui")).post("/api/organisations/" + id + "/leave").then().statusCode(200);

        List<Event> events = awaitEvents(id, 3);
        assertEquals(List.of("fi.voimala.partner.organisation.joined.v1", "fi.voimala.partner.organisation.updated.v1",
                "fi.voimala.partner.organisation.left.v1"), events.stream().map(Event::type).toList());
        events.forEach(e -> {
            assertEquals("partner-events", e.topic());
            assertEquals(id, e.key());
        });
        assertEquals(body.get("businessId"), events.get(0).data().getString("businessId"));
        assertEquals("Muutettu nimi", events.get(1).data().getString("name"));
        assertEquals(1, events.get(1).data().getInteger("version"));
        assertEquals("LEFT", events.get(2).data().getString("status"));
    }

    @Test
    void professionalsPairsAndSitesReportEachChange() {
        String organisationId = Register.organisation(Register.newAlias());
        Map<String, Object> nurseBody = Register.professionalBody(organisationId, "SOCIAL_AND_HEALTH", "NURSE");
        String nurse = as(TestTokens.coordinator()).body(nurseBody).post("/api/professionals").then().statusCode(201).extract().path("id");
        nurseBody.put("version", 0);
        nurseBody.put("phone", "044 765 4321");
        as(TestTokens.coordinator()).body(nurseBody).put("/api/professionals/" + nurse).then().statusCode(200);
        String artist = Register.artist(organisationId);
        String pair = Register.pair(artist, nurse);
        as(TestTokens.coordinator()).body(Map.of()).post("/api/pairs/" + pair + "/dissolve").then().statusCode(200);
        Map<String, Object> ward = Register.wardBody(organisationId, "Harjulan sairaala", "E3");
        String site = as(TestTokens.coordinator()).body(ward).post("/api/sites").then().statusCode(201).extract().path("id");
        ward.put("version", 0);
        ward.put("name", "Osasto E3, kuntoutus");
        as(TestTokens.coordinator()).body(ward).put("/api/sites/" + site).then().statusCode(200);
        as(TestTokens.coordinator()).body(Map.of()).post("/api/sites/" + site + "/close").then().statusCode(200);

        assertEquals(List.of("fi.voimala.partner.professional.registered.v1", "fi.voimala.partner.professional.updated.v1"),
                awaitEvents(nurse, 2).stream().map(Event::type).toList());
        List<Event> pairEvents = awaitEvents(pair, 2);
        assertEquals(List.of("fi.voimala.partner.pair.formed.v1", "fi.voimala.partner.pair.dissolved.v1"),
                pairEvents.stream().map(Event::type).toList());
        assertEquals(artist, pairEvents.get(0).data().getString("artsProfessionalId"));
        List<Event> siteEvents = awaitEvents(site, 3);
        assertEquals(List.of("fi.voimala.partner.site.registered.v1", "fi.voimala.partner.site.updated.v1",
                "fi.voimala.partner.site.closed.v1"), siteEvents.stream().map(Event::type).toList());
        assertEquals("E3", siteEvents.get(0).data().getString("wardCode"));
    }

    /**
     * A deferred constraint trigger (test-only, created here) that refuses, at commit, any outbox row whose data
     * carries the marker: the organisation row and its outbox row are both written and flushed by then, and the
     * transaction still fails as a whole.
     */
    private void installFailureAtCommit() {
        Db.execute(db, """
                create or replace function test_fail_at_commit() returns trigger language plpgsql as $$
                begin
                    raise exception 'refused at commit (test)' using errcode = 'check_violation',
                        constraint = 'test_fails_at_commit';
                end $$""");
        Db.execute(db, "drop trigger if exists test_fail_at_commit on outbox_event");
        Db.execute(db, """
                create constraint trigger test_fail_at_commit after insert on outbox_event
                deferrable initially deferred for each row
                when (new.payload::text like '%fail-at-commit%') execute function test_fail_at_commit()""");
    }

    @Test
    void aChangeThatFailsAfterItsWritesLeavesNoEvent() {
        installFailureAtCommit();
        String alias = "fail-at-commit-" + Register.newAlias();
        Map<String, Object> body = Register.organisationBody(alias);
        as(TestTokens.coordinator()).body(body).post("/api/organisations").then().statusCode(422)
                .body("violations[0].rule", org.hamcrest.Matchers.equalTo("test_fails_at_commit"));

        assertEquals(0, Db.count(db, "select count(*) from organisation where keycloak_alias = ?", alias));
        assertEquals(0, Db.count(db, "select count(*) from outbox_event where payload::text like ?", "%" + alias + "%"));
        String later = Register.organisation(Register.newAlias());
        awaitEvents(later, 1);
        assertTrue(connector.sink("outbox").received().stream().map(PartnerEventsTest::event)
                .noneMatch(e -> alias.equals(e.data().getString("keycloakAlias"))));
    }

    @Test
    void aRejectedChangeLeavesNoEvent() {
        String alias = Register.newAlias();
        Map<String, Object> body = Register.organisationBody(alias);
        body.put("businessId", "0112038-8");
        as(TestTokens.coordinator()).body(body).post("/api/organisations").then().statusCode(422);
        // A valid change made after it is relayed: once it is seen, the rejected one had its chance too.
        String later = Register.organisation(Register.newAlias());
        awaitEvents(later, 1);
        assertTrue(connector.sink("outbox").received().stream().map(PartnerEventsTest::event)
                .noneMatch(e -> alias.equals(e.data().getString("keycloakAlias"))));
    }
}
