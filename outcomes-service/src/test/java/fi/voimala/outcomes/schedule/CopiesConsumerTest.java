package fi.voimala.outcomes.schedule;

import static org.awaitility.Awaitility.await;

import fi.voimala.platform.testing.IncomingEvent;
import fi.voimala.outcomes.support.Network;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outcomes' copies of the register (partner-events) and of the schedule (visit-events), built from events as
 * partners-service and scheduling-service publish them (the data below follows docs/events.md): each copy is
 * replaced only by a newer version, and a redelivered event (same CloudEvent id) is applied once.
 */
@QuarkusTest
class CopiesConsumerTest {

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    Network network;
    InMemorySource<Object> partnerEvents;
    InMemorySource<Object> visitEvents;

    @BeforeEach
    void setUp() {
        network = new Network(db);
        partnerEvents = connector.source("partner-events");
        visitEvents = connector.source("visit-events");
    }

    void awaitCount(long expected, String sql, Object... params) {
        await().atMost(Duration.ofSeconds(10)).until(() -> network.count(sql, params) == expected);
    }

    static String series(UUID id, int version, UUID group, UUID site, UUID pair, String status) {
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"groupId\":\"" + group + "\",\"siteId\":\"" + site
                + "\",\"pairId\":\"" + pair + "\",\"artForms\":[\"MUSIC\",\"DANCE\"],\"plannedSessions\":20,"
                + "\"sessionCountReason\":null,\"frequency\":\"WEEKLY\",\"weekday\":\"TUESDAY\",\"startTime\":\"13:00:00\","
                + "\"durationMinutes\":90,\"firstDate\":\"2027-09-07\",\"plannedEnd\":\"2028-01-18\",\"status\":\"" + status
                + "\",\"statusReason\":null}";
    }

    static String visit(UUID id, int version, UUID series, UUID pair, UUID site, String startsAt, String status) {
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"seriesId\":\"" + series + "\",\"ordinal\":3,"
                + "\"pairId\":\"" + pair + "\",\"siteId\":\"" + site + "\",\"artsProfessionalId\":\"" + UUID.randomUUID()
                + "\",\"careProfessionalId\":\"" + UUID.randomUUID() + "\",\"startsAt\":\"" + startsAt
                + "\",\"endsAt\":\"2027-09-28T11:30:00Z\",\"status\":\"" + status + "\",\"sequence\":1,\"reason\":null,"
                + "\"previousStartsAt\":null,\"previousEndsAt\":null,\"sessionRecordId\":null}";
    }

    @Test
    void theRegistersAggregatesAreCopied() {
        UUID person = UUID.randomUUID();
        UUID pair = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        partnerEvents.send(IncomingEvent.of("fi.voimala.partner.professional.registered.v1", person.toString(),
                "{\"id\":\"" + person + "\",\"version\":0,\"organisationId\":\"" + network.organisationId + "\","
                        + "\"firstName\":\"Sanni\",\"lastName\":\"Hoitaja\",\"email\":\"s@h.fi\",\"phone\":null,"
                        + "\"field\":\"SOCIAL_AND_HEALTH\",\"profession\":\"NURSE\",\"methods\":[],\"languages\":[\"fi\"],"
                        + "\"keycloakUserId\":\"kc-1\"}"));
        partnerEvents.send(IncomingEvent.of("fi.voimala.partner.pair.formed.v1", pair.toString(),
                "{\"id\":\"" + pair + "\",\"version\":0,\"artsProfessionalId\":\"" + UUID.randomUUID()
                        + "\",\"careProfessionalId\":\"" + person + "\",\"formedOn\":\"2026-01-01\",\"status\":\"ACTIVE\","
                        + "\"dissolvedOn\":null,\"dissolveReason\":null}"));
        partnerEvents.send(IncomingEvent.of("fi.voimala.partner.site.registered.v1", site.toString(),
                "{\"id\":\"" + site + "\",\"version\":0,\"organisationId\":\"" + network.organisationId + "\","
                        + "\"name\":\"Harjulan osasto 2\",\"type\":\"HOSPITAL_WARD\",\"wardCode\":\"HAR-2\",\"status\":\"OPEN\"}"));
        awaitCount(1, "select count(*) from professional_copy where id = ? and keycloak_user_id = 'kc-1' and organisation_id = ?",
                person, network.organisationId);
        awaitCount(1, "select count(*) from pair_copy where id = ? and care_professional_id = ? and status = 'ACTIVE'", pair, person);
        awaitCount(1, "select count(*) from site_copy where id = ? and name = 'Harjulan osasto 2' and type = 'HOSPITAL_WARD'", site);
    }

    @Test
    void groupsSeriesAndVisitsAreKeptByVersion() {
        UUID group = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        UUID series = UUID.randomUUID();
        UUID pair = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        visitEvents.send(IncomingEvent.of("fi.voimala.scheduling.group.created.v1", group.toString(),
                "{\"id\":\"" + group + "\",\"version\":0,\"siteId\":\"" + site + "\",\"name\":\"Päiväryhmä\","
                        + "\"targetGroup\":\"DAY_GROUP_CLIENTS\",\"size\":12,\"needs\":[\"HEARING\"]}"));
        visitEvents.send(IncomingEvent.of("fi.voimala.scheduling.series.planned.v1", series.toString(),
                series(series, 0, group, site, pair, "ACTIVE")));
        visitEvents.send(IncomingEvent.of("fi.voimala.scheduling.series.cancelled.v1", series.toString(),
                series(series, 2, group, site, pair, "CANCELLED")));
        // An older state arriving late changes nothing.
        visitEvents.send(IncomingEvent.of("fi.voimala.scheduling.series.paused.v1", series.toString(),
                series(series, 1, group, site, pair, "PAUSED")));
        visitEvents.send(IncomingEvent.of("fi.voimala.scheduling.visit.scheduled.v1", visit.toString(),
                visit(visit, 0, series, pair, site, "2027-09-28T10:00:00Z", "SCHEDULED")));
        visitEvents.send(IncomingEvent.of("fi.voimala.scheduling.visit.moved.v1", visit.toString(),
                visit(visit, 1, series, pair, site, "2027-09-28T09:00:00Z", "SCHEDULED")));
        awaitCount(1, "select count(*) from group_copy where id = ? and target_group = 'DAY_GROUP_CLIENTS' and size = 12", group);
        awaitCount(1, "select count(*) from series_copy where id = ? and version = 2 and status = 'CANCELLED'"
                + " and art_forms = '{MUSIC,DANCE}' and planned_sessions = 20 and duration_minutes = 90", series);
        awaitCount(1, "select count(*) from visit_copy where id = ? and version = 1"
                + " and starts_at = '2027-09-28T09:00:00Z' and ordinal = 3", visit);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID group = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String created = "{\"id\":\"" + group + "\",\"version\":0,\"siteId\":\"" + UUID.randomUUID() + "\",\"name\":\"Ryhmä\","
                + "\"targetGroup\":\"WARD_PATIENTS\",\"size\":6,\"needs\":[]}";
        visitEvents.send(IncomingEvent.of(eventId, "fi.voimala.scheduling.group.created.v1", group.toString(), created));
        visitEvents.send(IncomingEvent.of(eventId, "fi.voimala.scheduling.group.created.v1", group.toString(), created));
        awaitCount(1, "select count(*) from processed_event where event_id = ?", UUID.fromString(eventId));
        awaitCount(1, "select count(*) from group_copy where id = ?", group);
    }
}
