package fi.voimala.sessions.participant.rest;

import static fi.voimala.sessions.participant.rest.Enrolments.PARTICIPANTS;
import static fi.voimala.sessions.participant.rest.Enrolments.PIC_1900S;
import static fi.voimala.sessions.participant.rest.Enrolments.array;
import static fi.voimala.sessions.participant.rest.Enrolments.codeOf;
import static fi.voimala.sessions.participant.rest.Enrolments.enrol;
import static fi.voimala.sessions.participant.rest.Enrolments.withdrawal;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.sessions.support.Network;
import fi.voimala.sessions.support.Network.Person;
import fi.voimala.sessions.support.Network.Series;
import fi.voimala.sessions.support.SentEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure of a participant through the API (coordinator only, with a reason): afterwards no table of this service
 * mentions their id or their code (also where the pair typed the code into a session's text), checked generically over
 * every table, except the audit entry of the erasure and the erased event in the outbox; the session records they
 * attended stay with the others present, earlier audit entries stay without their id, a session-record event not yet
 * relayed stays without their id; the erased event is sent; a second erasure finds nobody. The audit log's trigger
 * lets erasure take an id out of an entry's participants and endpoint, and nothing else.
 */
@QuarkusTest
class ErasureTest {

    static final String RECORDS = "/api/session-records";
    static final String REASON = "Omaisen pyyntö 2.3.: tiedot poistetaan.";

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    Network network;
    SentEvents events;
    Series series;
    Person artist;
    Person nurse;

    @BeforeEach
    void aSeriesOfAPair() {
        network = new Network(db);
        events = new SentEvents(connector);
        series = network.series();
        artist = series.pair().artist();
        nurse = series.pair().nurse();
    }

    @Test
    void erasureLeavesNoTraceButItsAuditEntryAndItsEvent() throws SQLException {
        UUID anna = enrol(artist.as(), series.id(), "PARTICIPATION", "RESEARCH_USE");
        UUID bertta = enrol(artist.as(), series.id(), "PARTICIPATION");
        String code = codeOf(nurse.as(), anna);
        String bare = code.replace("-", "");
        nurse.as().body(withdrawal(LocalDate.now(Network.HELSINKI), "RESEARCH_USE")).post(PARTICIPANTS + "/" + anna
                + "/withdrawal").then().statusCode(200);
        nurse.as().get(PARTICIPANTS + "?seriesId=" + series.id()).then().statusCode(200);

        // A session both came to, where the pair wrote Anna's code into the text; then corrected: Bertta alone came.
        LocalDate date = LocalDate.now(Network.HELSINKI).minusDays(3);
        UUID visit = network.visit(series, at(date, 10, 0), "SCHEDULED");
        Map<String, Object> session = held(visit, date, code, codeOf(nurse.as(), bertta));
        session.put("observations", code + " lauloi mukana.");
        session.put("methods", List.of("muistelu (" + bare.toLowerCase() + ")"));
        String record = artist.as().body(session).post(RECORDS).then().statusCode(201).extract().path("id");
        Map<String, Object> correction = new HashMap<>(session);
        correction.remove("visitId");
        correction.put("version", 0);
        correction.put("participantCodes", List.of(codeOf(nurse.as(), bertta)));
        correction.put("observations", "Bertta lauloi mukana, " + code.toLowerCase().replace('-', ' ') + " ei tullut.");
        artist.as().body(correction).put(RECORDS + "/" + record).then().statusCode(200);
        events.await(e -> record.equals(e.subject()), 2);
        // A session-record event the relay has not sent yet (it waits for a retry), naming both.
        UUID unsent = UUID.randomUUID();
        network.execute("insert into outbox_event (id, topic, type, subject, occurred_at, payload, retry_at)"
                        + " values (?, 'session-events', 'fi.voimala.session.record.corrected.v1', ?, now(), cast(? as jsonb),"
                        + " now() + interval '1 hour')", unsent, record,
                new JsonObject().put("id", record).put("participantIds", List.of(anna.toString(), bertta.toString()))
                        .put("methods", List.of("muistelu (" + code + ")")).encode());
        long seriesEntries = network.count("select count(*) from audit_entry where series_id = ?", series.id());
        try {
            network.coordinator().body(Map.of("reason", REASON)).post(erasureOf(anna)).then().statusCode(204);

            // What stays of Anna: the erasure's audit entry, and its event until the outbox prunes it.
            Map<String, Long> mentions = tablesMentioning(anna.toString(), bare, code);
            assertEquals(Map.of("audit_entry", 1L, "outbox_event", 1L), mentions);
            assertEquals(1, network.count("select count(*) from audit_entry where action = 'ERASE' and actor like 'user-%'"
                            + " and actor_roles = '{coordinator}' and endpoint = ? and participant_ids = cast(? as uuid[])"
                            + " and series_id = ? and detail = ?", "POST " + erasureOf(anna), array(anna), series.id(),
                    REASON));
            assertEquals(seriesEntries + 1, network.count("select count(*) from audit_entry where series_id = ?", series.id()));
            assertEquals(1, network.count("select count(*) from outbox_event where subject = ? and type = ?",
                    anna.toString(), "fi.voimala.session.participant.erased.v1"));
            SentEvents.Event erased = events.await(e -> anna.toString().equals(e.subject())
                    && e.type().equals("fi.voimala.session.participant.erased.v1"), 1).get(0);
            assertEquals(anna.toString(), erased.data().getString("id"));
            assertEquals(series.id().toString(), erased.data().getString("seriesId"));
            assertTrue(Instant.parse(erased.data().getString("erasedAt")).isBefore(Instant.now()));
            assertEquals(3, erased.data().size());

            // Bertta is untouched: her record, her earlier audit entries (now naming her alone), her events.
            network.coordinator().get(RECORDS + "/" + record).then().statusCode(200)
                    .body("participants.id", contains(bertta.toString()))
                    .body("observations", equalTo("Bertta lauloi mukana, [erased] ei tullut."))
                    .body("methods", contains("muistelu ([erased])"));
            network.coordinator().get(RECORDS + "/" + record + "/history").then().statusCode(200)
                    // Bertta was there before and after: without Anna the participants did not change.
                    .body("[0]", hasKey("changes"))
                    .body("[0].changes", not(hasKey("participants")))
                    .body("[0].changes.observations.from", equalTo("[erased] lauloi mukana."));
            assertTrue(network.count("select count(*) from audit_entry where series_id = ? and action = 'READ'"
                    + " and detail = 'participants' and participant_ids = cast(? as uuid[])", series.id(), array(bertta)) >= 1);
            // The entries of reads and changes through Anna's own paths stay, naming her no more.
            assertEquals(1, network.count("select count(*) from audit_entry where series_id = ? and action = 'WITHDRAW_CONSENT'"
                    + " and endpoint = ? and participant_ids = '{}'", series.id(), "POST " + PARTICIPANTS + "/[erased]/withdrawal"));
            assertTrue(network.count("select count(*) from audit_entry where series_id = ? and action = 'READ'"
                    + " and endpoint = ? and participant_ids = '{}'", series.id(), "GET " + PARTICIPANTS + "/[erased]") >= 1);
            JsonObject stillToSend = new JsonObject(text("select payload::text from outbox_event where id = ?", unsent));
            assertEquals(List.of(bertta.toString()), stillToSend.getJsonArray("participantIds").getList());
            assertEquals(List.of("muistelu ([erased])"), stillToSend.getJsonArray("methods").getList());
            nurse.as().get(PARTICIPANTS + "/" + bertta).then().statusCode(200);

            network.coordinator().get(PARTICIPANTS + "/" + anna).then().statusCode(404);
            network.coordinator().body(Map.of("reason", REASON)).post(erasureOf(anna)).then().statusCode(404);
        } finally {
            network.execute("delete from outbox_event where id = ?", unsent);
        }
    }

    @Test
    void onlyACoordinatorErasesAndOnlyWithAReason() {
        UUID anna = enrol(artist.as(), series.id(), "PARTICIPATION");
        artist.as().body(Map.of("reason", REASON)).post(erasureOf(anna)).then().statusCode(403)
                .contentType("application/problem+json");
        network.orgAdmin().body(Map.of("reason", REASON)).post(erasureOf(anna)).then().statusCode(403);
        network.coordinator().body(Map.of("reason", " ")).post(erasureOf(anna)).then().statusCode(422)
                .body("violations[0].field", equalTo("reason")).body("violations[0].rule", equalTo("not-blank"));
        network.coordinator().body(Map.of()).post(erasureOf(anna)).then().statusCode(422)
                .body("violations.field", hasItem("reason"));
        network.coordinator().body(Map.of("reason", "Pyysi poistoa, hetu " + PIC_1900S)).post(erasureOf(anna)).then()
                .statusCode(422)
                .body("violations[0].field", equalTo("reason"))
                .body("violations[0].rule", equalTo("no-personal-identity-code"))
                .body("detail", containsString("reason"));
        network.coordinator().post(erasureOf(anna)).then().statusCode(400);
        network.coordinator().body(Map.of("reason", REASON)).post(erasureOf(UUID.randomUUID())).then().statusCode(404);

        nurse.as().get(PARTICIPANTS + "/" + anna).then().statusCode(200);
        assertEquals(0, network.count("select count(*) from audit_entry where action = 'ERASE' and series_id = ?",
                series.id()));
        assertFalse(events.all().stream().anyMatch(e -> anna.toString().equals(e.subject())
                && e.type().endsWith("erased.v1")));
    }

    @Test
    void theAuditLogLetsErasureTakeAnIdOutOfTheEndpointAndNothingElse() {
        UUID erased = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        network.execute("insert into audit_entry (id, at, actor, actor_roles, action, endpoint, participant_ids, series_id)"
                + " values (?, now(), 'aino.artisti', '{artist}', 'READ', ?, cast(? as uuid[]), ?)", entry,
                "GET " + PARTICIPANTS + "/" + erased, array(erased, other), series.id());
        // The endpoint alone, or the id alone while the endpoint still names it: refused.
        assertThrows(IllegalStateException.class, () -> network.execute(
                "update audit_entry set endpoint = 'GET /api/participants' where id = ?", entry));
        assertThrows(IllegalStateException.class, () -> network.execute(
                "update audit_entry set participant_ids = array_remove(participant_ids, ?) where id = ?", erased, entry));
        assertThrows(IllegalStateException.class, () -> network.execute("update audit_entry set participant_ids ="
                + " array_remove(participant_ids, ?), endpoint = 'GET /api/participants/someone' where id = ?", erased, entry));
        network.execute("update audit_entry set participant_ids = array_remove(participant_ids, ?),"
                + " endpoint = replace(endpoint, ?, '[erased]') where id = ?", erased, erased.toString(), entry);
        assertEquals(1, network.count("select count(*) from audit_entry where id = ? and endpoint = ?"
                + " and participant_ids = cast(? as uuid[])", entry, "GET " + PARTICIPANTS + "/[erased]", array(other)));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Every table of the service's schema with the number of its rows whose text mentions any of {@code needles}
     * (case-insensitive); tables without such rows are left out.
     */
    Map<String, Long> tablesMentioning(String... needles) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = db.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("select table_name from information_schema.tables"
                     + " where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertTrue(tables.containsAll(List.of("participant", "consent_withdrawal", "session_record", "session_attendance",
                "session_record_change", "audit_entry", "outbox_event")), tables.toString());
        Map<String, Long> found = new LinkedHashMap<>();
        for (String table : tables) {
            List<String> any = new ArrayList<>();
            for (int i = 0; i < needles.length; i++) {
                any.add("t::text ilike ?");
            }
            Object[] patterns = List.of(needles).stream().map(n -> "%" + n + "%").toArray();
            long count = network.count("select count(*) from \"" + table + "\" t where " + String.join(" or ", any), patterns);
            if (count > 0) {
                found.put(table, count);
            }
        }
        return found;
    }

    String text(String sql, Object param) throws SQLException {
        try (Connection connection = db.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, param);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    static String erasureOf(UUID participant) {
        return PARTICIPANTS + "/" + participant + "/erasure";
    }

    static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(Network.HELSINKI).toInstant();
    }

    /** A held session of a visit at 10:00 on {@code date}, 10:05–11:30, with these participants' codes. */
    static Map<String, Object> held(UUID visit, LocalDate date, String... codes) {
        Map<String, Object> body = new HashMap<>();
        body.put("visitId", visit.toString());
        body.put("held", true);
        body.put("startedAt", at(date, 10, 5).toString());
        body.put("endedAt", at(date, 11, 30).toString());
        body.put("participantCodes", List.of(codes));
        body.put("artForms", List.of("MUSIC"));
        return body;
    }
}
