package fi.voimala.scheduling.partner;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.platform.testing.IncomingEvent;
import fi.voimala.scheduling.support.Network;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduling's copy of the register, built from partner-events as partners-service publishes them (the data below
 * follows docs/events.md): a copy is replaced only by a newer version, a redelivered event changes nothing twice, and
 * a dissolved pair or a closed site ends the series resting on it, cancelling their future visits with the reason.
 */
@QuarkusTest
class PartnerEventsConsumerTest {

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    Network network;
    InMemorySource<Object> partnerEvents;

    @BeforeEach
    void setUp() {
        network = new Network(db);
        partnerEvents = connector.source("partner-events");
    }

    void send(String id, String type, UUID subject, String json) {
        partnerEvents.send(IncomingEvent.of(id, "fi.voimala.partner." + type + ".v1", subject.toString(), json));
    }

    void awaitCount(long expected, String sql, Object... params) {
        await().atMost(Duration.ofSeconds(10)).until(() -> network.count(sql, params) == expected);
    }

    static String organisation(UUID id, int version, String name, String alias, String status) {
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"name\":\"" + name + "\",\"businessId\":\"0112038-9\","
                + "\"sectors\":[\"MUNICIPALITY\"],\"memberSince\":\"2018-01-01\",\"memberUntil\":null,\"leaveReason\":null,"
                + "\"status\":\"" + status + "\",\"keycloakAlias\":\"" + alias + "\"}";
    }

    @Test
    void aCopyIsReplacedOnlyByANewerVersion() {
        UUID id = UUID.randomUUID();
        String alias = "copy-" + id.toString().substring(0, 8);
        send(UUID.randomUUID().toString(), "organisation.joined", id, organisation(id, 0, "Kuopion kaupunki", alias, "MEMBER"));
        send(UUID.randomUUID().toString(), "organisation.updated", id, organisation(id, 2, "Kuopion kaupunki (uusi)", alias, "MEMBER"));
        awaitCount(1, "select count(*) from organisation_copy where id = ? and version = 2", id);
        // An older version arriving late (a replay from the dead-letter topic) changes nothing.
        send(UUID.randomUUID().toString(), "organisation.updated", id, organisation(id, 1, "Vanha nimi", alias, "MEMBER"));
        send(UUID.randomUUID().toString(), "organisation.left", id, organisation(id, 3, "Kuopion kaupunki (uusi)", alias, "LEFT"));
        awaitCount(1, "select count(*) from organisation_copy where id = ? and version = 3 and status = 'LEFT'"
                + " and name = 'Kuopion kaupunki (uusi)'", id);
    }

    @Test
    void professionalsPairsAndSitesAreCopied() {
        UUID org = network.organisationId;
        UUID person = UUID.randomUUID();
        send(UUID.randomUUID().toString(), "professional.registered", person, "{\"id\":\"" + person + "\",\"version\":0,"
                + "\"organisationId\":\"" + org + "\",\"firstName\":\"Sanni\",\"lastName\":\"Hoitaja\",\"email\":\"s@h.fi\","
                + "\"phone\":null,\"field\":\"SOCIAL_AND_HEALTH\",\"profession\":\"NURSE\",\"methods\":[],\"languages\":[\"fi\"],"
                + "\"keycloakUserId\":\"00000000-0000-4000-8000-000000000005\"}");
        UUID site = UUID.randomUUID();
        send(UUID.randomUUID().toString(), "site.registered", site, "{\"id\":\"" + site + "\",\"version\":0,\"organisationId\":\""
                + org + "\",\"name\":\"Harjulan sairaala, osasto 1\",\"type\":\"HOSPITAL_WARD\",\"street\":\"Harjulantie 1\","
                + "\"postalCode\":\"70800\",\"city\":\"Kuopio\",\"hospitalName\":\"Harjulan sairaala\",\"wardCode\":\"HAR-1\","
                + "\"closedOn\":null,\"closeReason\":null,\"status\":\"OPEN\"}");
        awaitCount(1, "select count(*) from professional_copy where id = ? and keycloak_user_id = '00000000-0000-4000-8000-000000000005'", person);
        awaitCount(1, "select count(*) from site_copy where id = ? and ward_code = 'HAR-1' and type = 'HOSPITAL_WARD'", site);
    }

    @Test
    void aDissolvedPairsFutureVisitsAreCancelledWithTheReasonOnce() {
        UUID arts = network.artist();
        UUID care = network.nurse();
        UUID pair = network.pair(arts, care);
        String today = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(1).toString();
        Map<String, Object> body = new HashMap<>(Map.of("groupId", network.group(network.site()).toString(), "pairId", pair.toString(),
                "artForms", List.of("MUSIC"), "plannedSessions", 15, "frequency", "WEEKLY", "startTime", "13:00",
                "durationMinutes", 90, "firstDate", today));
        String series = network.coordinator().body(body).post("/api/series").then().statusCode(201).extract().path("id");

        String eventId = UUID.randomUUID().toString();
        String dissolved = "{\"id\":\"" + pair + "\",\"version\":1,\"artsProfessionalId\":\"" + arts + "\",\"careProfessionalId\":\""
                + care + "\",\"formedOn\":\"2026-08-15\",\"dissolvedOn\":\"" + LocalDate.now(ZoneId.of("Europe/Helsinki"))
                + "\",\"dissolveReason\":\"the artist moved away\",\"status\":\"DISSOLVED\"}";
        send(eventId, "pair.dissolved", pair, dissolved);
        awaitCount(1, "select count(*) from series where id = ?::uuid and status = 'CANCELLED'", series);
        assertEquals(15, network.count("select count(*) from visit where series_id = ?::uuid and status = 'CANCELLED'"
                + " and status_reason like 'pair dissolved on % the artist moved away'", series));
        long versions = network.count("select sum(version) from visit where series_id = ?::uuid", series);

        send(eventId, "pair.dissolved", pair, dissolved);   // delivered again
        send(UUID.randomUUID().toString(), "pair.dissolved", pair, dissolved);   // the same state again, new id
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(versions, network.count("select sum(version) from visit where series_id = ?::uuid", series),
                "nothing changed twice");
    }

    @Test
    void aClosedSiteEndsItsSeries() {
        UUID site = network.site();
        Map<String, Object> body = new HashMap<>(Map.of("groupId", network.group(site).toString(), "pairId", network.pair().toString(),
                "artForms", List.of("VISUAL_ARTS"), "plannedSessions", 15, "frequency", "EVERY_OTHER_WEEK", "startTime", "10:00",
                "durationMinutes", 60, "firstDate", LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(2).toString()));
        String series = network.coordinator().body(body).post("/api/series").then().statusCode(201).extract().path("id");
        send(UUID.randomUUID().toString(), "site.closed", site, "{\"id\":\"" + site + "\",\"version\":1,\"organisationId\":\""
                + network.organisationId + "\",\"name\":\"Palvelutalo\",\"type\":\"SENIOR_HOUSE\",\"street\":null,\"postalCode\":null,"
                + "\"city\":null,\"hospitalName\":null,\"wardCode\":null,\"closedOn\":\"" + LocalDate.now(ZoneId.of("Europe/Helsinki"))
                + "\",\"closeReason\":\"renovation\",\"status\":\"CLOSED\"}");
        awaitCount(1, "select count(*) from series where id = ?::uuid and status = 'CANCELLED' and status_reason like 'site closed on %renovation'", series);
        assertEquals(0, network.count("select count(*) from visit where series_id = ?::uuid and status = 'SCHEDULED'", series));
    }
}
