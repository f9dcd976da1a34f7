package fi.voimala.outcomes.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.outcomes.support.Measuring;
import fi.voimala.outcomes.support.Network;
import fi.voimala.outcomes.support.Network.Participant;
import fi.voimala.platform.testing.IncomingEvent;
import fi.voimala.platform.testing.SentEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outcomes' copies of participants and session records, built from session-events as sessions-service publishes them
 * (the data below follows docs/events.md): a participant's consent and its withdrawals (the earliest date each
 * purpose is withdrawn from), a record's participants present; and an erased participant's measurements are erased
 * here, taken out of their series' outcome (published again) with an event for each, leaving no trace of them in
 * outcomes' tables.
 */
@QuarkusTest
class SessionEventsConsumerTest {

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    Network network;
    InMemorySource<Object> sessionEvents;

    @BeforeEach
    void setUp() {
        network = new Network(db);
        sessionEvents = connector.source("session-events");
    }

    void awaitCount(long expected, String sql, Object... params) {
        await().atMost(Duration.ofSeconds(10)).until(() -> network.count(sql, params) == expected);
    }

    static String participant(UUID id, int version, UUID series, String code, String withdrawals) {
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"seriesId\":\"" + series + "\",\"code\":\"" + code
                + "\",\"yearOfBirthBand\":\"1940-1944\",\"gender\":\"FEMALE\",\"consentGivenBy\":\"LEGAL_REPRESENTATIVE\","
                + "\"consentGivenOn\":\"2027-09-07\",\"consentCovers\":[\"PARTICIPATION\",\"MEASUREMENTS\",\"RESEARCH_USE\"],"
                + "\"withdrawals\":" + withdrawals + ",\"activeConsent\":[\"PARTICIPATION\",\"MEASUREMENTS\"]}";
    }

    @Test
    void aParticipantsConsentAndItsWithdrawalsAreCopied() {
        UUID id = UUID.randomUUID();
        UUID series = UUID.randomUUID();
        sessionEvents.send(IncomingEvent.of("fi.voimala.session.participant.enrolled.v1", id.toString(),
                participant(id, 0, series, "K7M-2XP-9QR", "[]")));
        sessionEvents.send(IncomingEvent.of("fi.voimala.session.participant.consent-withdrawn.v1", id.toString(),
                participant(id, 2, series, "K7M-2XP-9QR", "[{\"withdrawnFrom\":\"2027-11-01\",\"covers\":[\"RESEARCH_USE\"]},"
                        + "{\"withdrawnFrom\":\"2027-10-12\",\"covers\":[\"RESEARCH_USE\",\"MEASUREMENTS\"]}]")));
        awaitCount(1, "select count(*) from participant_copy where id = ? and version = 2 and code = 'K7M-2XP-9QR'"
                + " and research_withdrawn_from = '2027-10-12' and measurements_withdrawn_from = '2027-10-12'"
                + " and participation_withdrawn_from is null and year_of_birth_band = '1940-1944'", id);
    }

    @Test
    void aSessionRecordsParticipantsPresentAreCopied() {
        UUID record = UUID.randomUUID();
        UUID present = UUID.randomUUID();
        String data = "{\"id\":\"" + record + "\",\"version\":%d,\"visitId\":\"" + UUID.randomUUID() + "\",\"seriesId\":\""
                + UUID.randomUUID() + "\",\"siteId\":\"" + UUID.randomUUID() + "\",\"pairId\":\"" + UUID.randomUUID()
                + "\",\"held\":%s,\"notHeldReason\":%s,\"startedAt\":%s,\"endedAt\":null,\"participantIds\":%s,"
                + "\"extraAttendees\":1,\"staffProfessionalIds\":[],\"otherStaffCount\":2,\"artForms\":[\"MUSIC\"],"
                + "\"methods\":[\"singing\"]}";
        sessionEvents.send(IncomingEvent.of("fi.voimala.session.record.recorded.v1", record.toString(),
                data.formatted(0, "true", "null", "\"2027-09-28T10:05:00Z\"", "[\"" + present + "\"]")));
        awaitCount(1, "select count(*) from session_record_copy where id = ? and held and ? = any(participant_ids)",
                record, present);
        sessionEvents.send(IncomingEvent.of("fi.voimala.session.record.corrected.v1", record.toString(),
                data.formatted(1, "false", "\"the ward was in isolation\"", "null", "[]")));
        awaitCount(1, "select count(*) from session_record_copy where id = ? and not held and version = 1"
                + " and cardinality(participant_ids) = 0", record);
    }

    @Test
    void anErasedParticipantLeavesNoTraceAndTheOutcomeIsPublishedWithoutThem() {
        Measuring measuring = new Measuring(network);
        SentEvents events = new SentEvents(connector);
        Participant erased = network.measuredParticipant(measuring.series);
        Participant stays = network.measuredParticipant(measuring.series);
        measuring.uclaBaselineAndEnd(erased, 9, 4);
        measuring.uclaBaselineAndEnd(stays, 7, 6);
        measuring.mood(erased, measuring.visits.get(0), 2, 5);
        network.heldSession(measuring.series, measuring.visits.get(0), erased, stays);
        assertEquals(4, network.count("select count(*) from measurement where participant_id = ?", erased.id()));
        assertEquals(-6, network.count("select sum_change from series_outcome where series_id = ?"
                + " and instrument_key = 'ucla-3'", measuring.series.id()));

        sessionEvents.send(IncomingEvent.of("fi.voimala.session.participant.erased.v1", erased.id().toString(),
                "{\"id\":\"" + erased.id() + "\",\"seriesId\":\"" + measuring.series.id() + "\","
                        + "\"erasedAt\":\"2027-11-02T08:41:17.203Z\"}"));
        awaitCount(0, "select count(*) from participant_copy where id = ?", erased.id());
        String id = erased.id().toString();
        for (String table : List.of("measurement where participant_id = ?", "paired_change where subject_id = ?",
                "session_record_copy where ? = any(participant_ids)")) {
            assertEquals(0, network.count("select count(*) from " + table, erased.id()), table);
        }
        // Only the one who stays is left in the series' sums.
        assertEquals(1, network.count("select n from series_outcome where series_id = ? and instrument_key = 'ucla-3'",
                measuring.series.id()));
        assertEquals(-1, network.count("select sum_change from series_outcome where series_id = ?"
                + " and instrument_key = 'ucla-3'", measuring.series.id()));
        assertEquals(0, network.count("select n from series_outcome where series_id = ?"
                + " and instrument_key = 'session-mood'", measuring.series.id()));
        events.await(e -> e.type().equals("fi.voimala.outcome.measurement.erased.v1")
                && id.equals(e.data().getString("participantId")), 4);
        // Events that named them (their measurements') are gone from the outbox; the erasure events carry ids only.
        assertEquals(0, network.count("select count(*) from outbox_event where payload::text like ?"
                + " and type <> 'fi.voimala.outcome.measurement.erased.v1'", "%" + id + "%"));
    }

    static String record(UUID id, int version, UUID visit, UUID series, boolean held, Participant... present) {
        String ids = java.util.Arrays.stream(present).map(p -> "\"" + p.id() + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"visitId\":\"" + visit + "\",\"seriesId\":\""
                + series + "\",\"siteId\":\"" + UUID.randomUUID() + "\",\"pairId\":\"" + UUID.randomUUID()
                + "\",\"held\":" + held + ",\"notHeldReason\":" + (held ? "null" : "\"the ward was closed\"")
                + ",\"startedAt\":" + (held ? "\"2027-09-28T10:05:00Z\"" : "null") + ",\"endedAt\":null,"
                + "\"participantIds\":[" + (held ? ids : "") + "],\"extraAttendees\":0,\"staffProfessionalIds\":[],"
                + "\"otherStaffCount\":0,\"artForms\":[\"MUSIC\"],\"methods\":[]}";
    }

    @Test
    void theDoseIsKeptAsRecordsArriveAndAParticipantsOutcomeMovesBetweenBands() {
        Measuring measuring = new Measuring(network);
        UUID series = measuring.series.id();
        Participant regular = network.measuredParticipant(measuring.series);
        Participant seldom = network.measuredParticipant(measuring.series);
        measuring.uclaBaselineAndEnd(regular, 8, 5);
        measuring.uclaBaselineAndEnd(seldom, 7, 7);
        String dose = "select coalesce(sum(n), 0) from series_dose_outcome where series_id = ? and dose_band = ?";
        assertEquals(2, network.count(dose, series, "0-4"));

        // Five held sessions with the regular present (the fifth moves them to 5-9), the other at the first only.
        List<UUID> records = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID record = UUID.randomUUID();
            records.add(record);
            Participant[] present = i == 0 ? new Participant[] {regular, seldom} : new Participant[] {regular};
            sessionEvents.send(IncomingEvent.of("fi.voimala.session.record.recorded.v1", record.toString(),
                    record(record, 0, UUID.randomUUID(), series, true, present)));
        }
        awaitCount(5, "select sessions_attended from participant_copy where id = ?", regular.id());
        assertEquals(1, network.count("select sessions_attended from participant_copy where id = ?", seldom.id()));
        assertEquals(1, network.count(dose, series, "5-9"));
        assertEquals(1, network.count(dose, series, "0-4"));
        assertEquals(-3, network.count("select sum_change from series_dose_outcome where series_id = ?"
                + " and dose_band = '5-9'", series));
        assertEquals(5, network.count("select sessions_held from series_attendance where series_id = ?", series));
        assertEquals(6, network.count("select attendances from series_attendance where series_id = ?", series));

        // The last session corrected to "not held": the regular is back in 0-4, and a redelivery changes nothing.
        String corrected = UUID.randomUUID().toString();
        String data = record(records.get(4), 1, UUID.randomUUID(), series, false);
        sessionEvents.send(IncomingEvent.of(corrected, "fi.voimala.session.record.corrected.v1", records.get(4).toString(),
                data));
        sessionEvents.send(IncomingEvent.of(corrected, "fi.voimala.session.record.corrected.v1", records.get(4).toString(),
                data));
        awaitCount(4, "select sessions_attended from participant_copy where id = ?", regular.id());
        awaitCount(1, "select count(*) from processed_event where event_id = ?", UUID.fromString(corrected));
        assertEquals(2, network.count(dose, series, "0-4"));
        assertEquals(0, network.count(dose, series, "5-9"));
        assertEquals(4, network.count("select sessions_held from series_attendance where series_id = ?", series));
        assertEquals(5, network.count("select attendances from series_attendance where series_id = ?", series));
    }
}
