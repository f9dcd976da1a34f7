package fi.voimala.sessions.figures;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import fi.voimala.platform.testing.TestTokens;
import fi.voimala.sessions.participant.ParticipantCode;
import fi.voimala.sessions.support.Network;
import fi.voimala.sessions.support.Network.Series;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The figures, over session records written as the record API leaves them: a series' attendance (sessions held
 * against planned, each participant's count and rate, audited), and the network's summary (people reached per target
 * group, staff learning hours per organisation and month). The expected numbers are worked out by hand in each test
 * from the records it writes.
 */
@QuarkusTest
class FiguresTest {

    @Inject
    DataSource db;

    Network network;
    Network otherOrganisation;
    Series series;
    UUID anna;
    UUID bertta;
    UUID cecilia;
    Instant first;
    Instant second;

    @BeforeEach
    void aSeriesWithThreeRecords() {
        network = new Network(db);
        otherOrganisation = new Network(db);
        series = network.series();
        anna = participant("{PARTICIPATION,MEASUREMENTS,RESEARCH_USE}");
        bertta = participant("{PARTICIPATION}");
        cecilia = participant("{PARTICIPATION,RESEARCH_USE}");
        // Cecilia withdrew from taking part yesterday: she is no longer active.
        network.execute("insert into consent_withdrawal (id, participant_id, withdrawn_from, covers, recorded_at, recorded_by)"
                + " values (?, ?, current_date - 1, '{PARTICIPATION}', now(), 'test')", UUID.randomUUID(), cecilia);

        UUID visit1 = network.pastVisit(series, 9);
        UUID visit2 = network.pastVisit(series, 2);
        UUID visit3 = network.pastVisit(series, 16);
        network.pastVisit(series, -5); // a visit still to come: planned, not recorded
        first = start(visit1);
        second = start(visit2);
        // Held, 90 minutes: Anna and Bertta, two professionals of another organisation and three of the unit's staff.
        UUID record1 = record(visit1, true, first, Duration.ofMinutes(90), 3, 1);
        attend(record1, anna);
        attend(record1, bertta);
        staff(record1, otherOrganisation.nurse().id());
        staff(record1, otherOrganisation.nurse().id());
        // Held, 60 minutes: Anna, two of the unit's staff.
        UUID record2 = record(visit2, true, second, Duration.ofMinutes(60), 2, 0);
        attend(record2, anna);
        // Not held.
        record(visit3, false, null, null, 0, 0);
    }

    @Test
    void aSeriesAttendanceIsTheDoseOfEachParticipant() {
        network.coordinator().get("/api/series/{id}/attendance", series.id()).then().statusCode(200)
                .body("plannedSessions", equalTo(20))
                .body("visitsPlanned", equalTo(4))
                .body("sessionsRecorded", equalTo(3))
                .body("sessionsHeld", equalTo(2))
                .body("sessionsNotHeld", equalTo(1))
                .body("extraAttendees", equalTo(1))
                // (2 + 1 + 0) attendances of 2 sessions × 3 participants = 0.5
                .body("averageAttendanceRate", equalTo(0.5f))
                .body("participants.find { it.id == '" + anna + "' }.attended", equalTo(2))
                .body("participants.find { it.id == '" + anna + "' }.rate", equalTo(1.0f))
                .body("participants.find { it.id == '" + bertta + "' }.attended", equalTo(1))
                .body("participants.find { it.id == '" + bertta + "' }.rate", equalTo(0.5f))
                .body("participants.find { it.id == '" + cecilia + "' }.attended", equalTo(0))
                .body("participants.find { it.id == '" + cecilia + "' }.active", equalTo(false))
                .body("participants.find { it.id == '" + anna + "' }.active", equalTo(true))
                .body("participants.find { it.id == '" + anna + "' }.code", equalTo(codeOf(anna)));
        // Reading participants' attendance is written to the audit log, with the participants read.
        network.coordinator().get("/api/audit-log?seriesId=" + series.id()).then().statusCode(200)
                .body("items[0].action", equalTo("READ"))
                .body("items[0].endpoint", equalTo("GET /api/series/" + series.id() + "/attendance"))
                .body("items[0].participantIds", containsInAnyOrder(anna.toString(), bertta.toString(), cecilia.toString()));
    }

    @Test
    void whoReadsASeriesAttendance() {
        String path = "/api/series/" + series.id() + "/attendance";
        series.pair().artist().as().get(path).then().statusCode(200).body("participants", hasSize(3));
        network.orgAdmin().get(path).then().statusCode(200);
        otherOrganisation.orgAdmin().get(path).then().statusCode(403);
        otherOrganisation.artist().as().get(path).then().statusCode(403);
        Network.as(TestTokens.token("viewer", network.alias)).get(path).then().statusCode(403);
        // A researcher sees only those who consented to research use (Anna, Cecilia), and the series' totals.
        Network.as(TestTokens.token("researcher", otherOrganisation.alias)).get(path).then().statusCode(200)
                .body("participants.id", containsInAnyOrder(anna.toString(), cecilia.toString()))
                .body("sessionsHeld", equalTo(2));
        network.coordinator().get("/api/series/{id}/attendance", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theNetworkFiguresCountPeopleReachedAndStaffLearning() {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("yyyy-MM").withZone(Network.HELSINKI);
        var figures = Network.as(TestTokens.token("viewer", network.alias))
                .get("/api/session-figures?organisationId=" + network.organisationId).then().statusCode(200)
                .body("sessionsPlanned", equalTo(4))
                .body("sessionsHeld", equalTo(2))
                .body("sessionsNotHeld", equalTo(1))
                .body("seriesWithSessions", equalTo(1))
                .body("peopleReached", equalTo(2))
                .body("extraAttendees", equalTo(1))
                .body("byTargetGroup.targetGroup", contains("SENIOR_HOUSE_RESIDENTS"))
                .body("byTargetGroup[0].peopleReached", equalTo(2))
                .body("byTargetGroup[0].sessionsHeld", equalTo(2))
                // 2 professionals × 1.5 h + 3 others × 1.5 h + 2 others × 1 h = 3 + 4.5 + 2
                .body("staffLearningHours", equalTo(9.5f));
        if (month.format(first).equals(month.format(second))) {
            figures.body("staffLearning.find { it.organisationId == '" + otherOrganisation.organisationId + "' }.hours",
                            equalTo(3.0f))
                    .body("staffLearning.find { it.organisationId == '" + network.organisationId + "' }.hours", equalTo(6.5f))
                    .body("staffLearning.find { it.organisationId == '" + network.organisationId + "' }.staffPresences",
                            equalTo(5));
        } else {
            figures.body("staffLearning", hasSize(3));
        }
        // A period that holds only the second session.
        String day = second.atZone(Network.HELSINKI).toLocalDate().toString();
        Network.as(TestTokens.coordinator()).get("/api/session-figures?organisationId=" + network.organisationId
                        + "&from=" + day + "&to=" + day).then().statusCode(200)
                .body("sessionsHeld", equalTo(1))
                .body("peopleReached", equalTo(1))
                .body("staffLearningHours", equalTo(2.0f))
                .body("staffLearning[0].month", equalTo(month.format(second)));
    }

    @Test
    void figuresAreForEveryRoleButTheHospitalSystemAndCheckTheirPeriod() {
        Network.as(TestTokens.token("hospital-system", network.alias)).get("/api/session-figures").then().statusCode(403);
        network.coordinator().get("/api/session-figures?from=2026-05-01&to=2026-04-01").then().statusCode(422)
                .body("violations[0].field", equalTo("to"));
        network.coordinator().get("/api/session-figures?from=1.5.2026").then().statusCode(422)
                .body("violations[0].field", equalTo("from"));
        network.coordinator().get("/api/session-figures?organisationId=" + UUID.randomUUID()).then().statusCode(200)
                .body("sessionsHeld", equalTo(0)).body("staffLearning", hasSize(0)).body("from", nullValue());
    }

    UUID participant(String covers) {
        UUID id = UUID.randomUUID();
        network.execute("insert into participant (id, version, series_id, code, consent_given_by, consent_given_on,"
                + " consent_covers, enrolled_at, enrolled_by, updated_at) values (?, 0, ?, ?, 'PERSON', current_date - 30,"
                + " cast(? as varchar[]), now(), 'test', now())", id, series.id(), ParticipantCode.generate().value(), covers);
        return id;
    }

    String codeOf(UUID participant) {
        try (var connection = db.getConnection(); var statement = connection.prepareStatement("select code from participant where id = ?")) {
            statement.setObject(1, participant);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new ParticipantCode(rows.getString(1)).toString();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Instant start(UUID visit) {
        return network.visitStart(visit);
    }

    UUID record(UUID visit, boolean held, Instant startedAt, Duration length, int otherStaff, int extra) {
        UUID id = UUID.randomUUID();
        network.execute("insert into session_record (id, version, visit_id, series_id, site_id, pair_id, held, not_held_reason,"
                        + " started_at, ended_at, extra_attendees, other_staff_count, recorded_at, recorded_by, correctable_until,"
                        + " updated_at) values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), 'test', now() + interval '14 days', now())",
                id, visit, series.id(), series.siteId(), series.pair().id(), held, held ? null : "the ward was closed",
                startedAt == null ? null : Timestamp.from(startedAt),
                startedAt == null ? null : Timestamp.from(startedAt.plus(length)), extra, otherStaff);
        return id;
    }

    void attend(UUID record, UUID participant) {
        network.execute("insert into session_attendance (session_record_id, participant_id) values (?, ?)", record, participant);
    }

    void staff(UUID record, UUID professional) {
        network.execute("insert into session_staff (session_record_id, professional_id) values (?, ?)", record, professional);
    }
}
