package fi.voimala.outcomes.measurement.rest;

import static fi.voimala.outcomes.support.Measuring.MEASUREMENTS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.outcomes.support.Measuring;
import fi.voimala.outcomes.support.Network;
import fi.voimala.outcomes.support.Network.Participant;
import fi.voimala.platform.testing.SentEvents;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Measurements through the API, on outcomes' copies of the register, the schedule and the participants: the series'
 * pair enters a participant's answers by code at a time point of the plan; they are scored, flagged when outside the
 * window (and kept), and the series' outcome follows with its event; consent decides who may be measured; bad input
 * is refused naming the field and writes nothing; a second answer at the same time point is a 409, a correction
 * moves the outcome; who may enter and read.
 */
@QuarkusTest
class MeasurementResourceTest {

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    Network network;
    Measuring measuring;
    SentEvents events;

    @BeforeEach
    void aPlannedSeries() {
        network = new Network(db);
        measuring = new Measuring(network);
        events = new SentEvents(connector);
    }

    @Test
    void thePairEntersAnswersByCodeAndTheyAreScoredWithTheOutcomeFollowing() {
        Participant aino = network.measuredParticipant(measuring.series);
        // UCLA-3 answers 2 + 3 + 2 = 7 (the sum, 3-9, higher lonelier).
        String typed = aino.code().replace("-", "").toLowerCase();
        Map<String, Object> baseline = measuring.body("ucla-3", "BASELINE", aino, measuring.firstSession(),
                Map.of("companionship", 2, "left-out", 3, "isolated", 2));
        baseline.put("participantCode", typed);
        String id = measuring.artist().body(baseline).post(MEASUREMENTS).then().log().ifValidationFails().statusCode(201)
                .body("participantCode", equalTo(aino.code())).body("instrumentVersion", equalTo(1))
                .body("scores[0].key", equalTo("total")).body("scores[0].value", equalTo(7))
                .body("inWindow", equalTo(true))
                .body("windowOpens", equalTo(measuring.firstSession().minusDays(14).toString()))
                .body("windowCloses", equalTo(measuring.firstSession().toString()))
                .extract().path("id");
        SentEvents.Event recorded = events.await(e -> e.subject().equals(id), 1).get(0);
        assertEquals("fi.voimala.outcome.measurement.recorded.v1", recorded.type());
        assertEquals("PARTICIPANT", recorded.data().getString("subjectType"));
        assertEquals(7.0, recorded.data().getJsonArray("scores").getJsonObject(0).getDouble("value"));
        assertEquals(null, recorded.data().getValue("answers"), "answers stay in outcomes");

        // The end (3 + 1 + 1 = 5): a change of -2, better, past the minimal important difference of 1.
        measuring.ucla(aino, "END", 5).then().statusCode(201);
        String series = measuring.series.id().toString();
        SentEvents.Event outcome = events.await(e -> e.type().equals("fi.voimala.outcome.series-outcome.updated.v1")
                && e.subject().equals(series), 1).get(0);
        assertEquals("ucla-3", outcome.data().getString("instrumentKey"));
        var figures = outcome.data().getJsonArray("outcomes").getJsonObject(0);
        assertEquals("BASELINE_TO_END", figures.getString("comparison"));
        // One person: under five, so the public event shows it as suppressed, not as a number.
        assertEquals(true, figures.getBoolean("suppressed"));
        assertEquals(null, figures.getValue("meanChange"));
        assertEquals(1, network.count("select n from series_outcome where series_id = ? and instrument_key = 'ucla-3'",
                measuring.series.id()));
        assertEquals(-2, network.count("select sum_change from series_outcome where series_id = ?"
                + " and instrument_key = 'ucla-3'", measuring.series.id()));
    }

    @Test
    void aMeasurementOutsideItsWindowIsKeptButFlagged() {
        Participant eino = network.measuredParticipant(measuring.series);
        // The baseline window closes on the first session's day; this one was taken two days after it.
        measuring.artist().body(measuring.body("ucla-3", "BASELINE", eino, measuring.firstSession().plusDays(2),
                        Measuring.ucla(6))).post(MEASUREMENTS).then().statusCode(201)
                .body("inWindow", equalTo(false));
        network.coordinator().queryParam("seriesId", measuring.series.id().toString()).get(MEASUREMENTS).then()
                .statusCode(200).body("totalItems", equalTo(1)).body("items[0].inWindow", equalTo(false));
    }

    @Test
    void consentDecidesWhoMayBeMeasured() {
        Participant onlyTakesPart = network.participant(measuring.series);
        measuring.ucla(onlyTakesPart, "BASELINE", 5).then().statusCode(422)
                .body("violations[0].field", equalTo("participantCode"))
                .body("violations[0].rule", equalTo("consent-covers-measurements"));

        Participant withdrew = network.measuredParticipant(measuring.series);
        network.withdraw(withdrew, "MEASUREMENTS", measuring.lastSession());
        measuring.ucla(withdrew, "BASELINE", 5).then().statusCode(201);
        measuring.ucla(withdrew, "END", 4).then().statusCode(422)
                .body("violations[0].message", equalTo("the participant withdrew consent to measurements from "
                        + measuring.lastSession()));
        assertEquals(1, network.count("select count(*) from measurement where participant_id = ?", withdrew.id()));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        Participant p = network.measuredParticipant(measuring.series);
        Map<String, Object> body = measuring.body("ucla-3", "BASELINE", p, measuring.firstSession(),
                Map.of("companionship", 4, "loneliness", 1, "isolated", 2));
        measuring.artist().body(body).post(MEASUREMENTS).then().statusCode(422)
                .body("violations.field", hasItems("answers.companionship", "answers.loneliness"))
                .body("violations.rule", hasItems("answer-scale", "unknown-item"));

        Map<String, Object> unknownCode = measuring.body("ucla-3", "BASELINE", new Participant(UUID.randomUUID(),
                "AAA-AAA-AAA"), measuring.firstSession(), Measuring.ucla(5));
        measuring.artist().body(unknownCode).post(MEASUREMENTS).then().statusCode(422)
                .body("violations[0].field", equalTo("participantCode"))
                .body("violations[0].rule", equalTo("referenced-exists"));

        Map<String, Object> future = measuring.body("ucla-3", "BASELINE", p, LocalDate.now(Network.HELSINKI).plusDays(1),
                Measuring.ucla(5));
        measuring.artist().body(future).post(MEASUREMENTS).then().statusCode(422)
                .body("violations[0].field", equalTo("measuredOn"));

        Map<String, Object> notPlanned = measuring.body("swemwbs", "BASELINE", p, measuring.firstSession(),
                Map.of("q1", 3));
        measuring.artist().body(notPlanned).post(MEASUREMENTS).then().statusCode(422)
                .body("violations[0].field", equalTo("timePoint")).body("violations[0].rule", equalTo("in-plan"));

        Map<String, Object> noSession = measuring.body("session-mood", "BEFORE_SESSION", p, measuring.firstSession(),
                Map.of("mood", 3));
        measuring.artist().body(noSession).post(MEASUREMENTS).then().statusCode(422)
                .body("violations[0].field", equalTo("visitId")).body("violations[0].rule", equalTo("required"));

        Map<String, Object> staffScaleForAParticipant = measuring.body("uwes-9", "BASELINE", p,
                measuring.firstSession(), Map.of("q1", 3));
        measuring.artist().body(staffScaleForAParticipant).post(MEASUREMENTS).then().statusCode(422)
                .body("violations[0].field", equalTo("staffProfessionalId"));

        Map<String, Object> unknownSeries = new HashMap<>(body);
        unknownSeries.put("seriesId", UUID.randomUUID().toString());
        measuring.artist().body(unknownSeries).post(MEASUREMENTS).then().statusCode(422)
                .body("violations[0].field", equalTo("seriesId"));

        Map<String, Object> wrongType = new HashMap<>(body);
        wrongType.put("answers", Map.of("companionship", "often"));
        measuring.artist().body(wrongType).post(MEASUREMENTS).then().statusCode(400)
                .body("violations[0].field", equalTo("answers.companionship"));

        assertEquals(0, network.count("select count(*) from measurement where series_id = ?", measuring.series.id()));
        assertEquals(0, network.count("select count(*) from outbox_event where subject = ?", p.id().toString()));
    }

    @Test
    void aSecondAnswerAtTheSameTimePointIsRefusedAndACorrectionMovesTheOutcome() {
        Participant p = network.measuredParticipant(measuring.series);
        measuring.ucla(p, "BASELINE", 8).then().statusCode(201);
        var end = measuring.ucla(p, "END", 6).then().statusCode(201).extract();
        measuring.ucla(p, "END", 3).then().statusCode(409)
                .body("violations[0].rule", equalTo("measured-already"))
                .body("detail", org.hamcrest.Matchers.containsString(end.path("id").toString()));
        assertEquals(-2, network.count("select sum_change from series_outcome where series_id = ?"
                + " and instrument_key = 'ucla-3'", measuring.series.id()));

        Map<String, Object> correction = Map.of("version", end.path("version"), "measuredOn",
                measuring.lastSession().toString(), "answers", Measuring.ucla(4));
        measuring.artist().body(correction).put(MEASUREMENTS + "/" + end.path("id")).then().statusCode(200)
                .body("scores[0].value", equalTo(4)).body("version", equalTo(1));
        // The series' sums hold the corrected change only: one person, 8 → 4.
        assertEquals(1, network.count("select n from series_outcome where series_id = ? and instrument_key = 'ucla-3'",
                measuring.series.id()));
        assertEquals(-4, network.count("select sum_change from series_outcome where series_id = ?"
                + " and instrument_key = 'ucla-3'", measuring.series.id()));
        measuring.artist().body(correction).put(MEASUREMENTS + "/" + end.path("id")).then().statusCode(409)
                .body("violations[0].rule", equalTo("stale-version"));
    }

    @Test
    void aSessionsMoodIsCheckedBeforeAndAfterItAndAStaffMembersEngagementByTheirId() {
        Participant p = network.measuredParticipant(measuring.series);
        measuring.mood(p, measuring.visits.get(0), 2, 4);
        assertEquals(2, network.count("select sum_change from series_outcome where series_id = ?"
                + " and instrument_key = 'session-mood' and comparison = 'SESSION'", measuring.series.id()));
        measuring.mood(p, measuring.visits.get(1), 3, 3);
        // One session's check, as the my-visits page reads it: the visit's before and after, not the other session's.
        measuring.artist().queryParam("seriesId", measuring.series.id().toString())
                .queryParam("visitId", measuring.visits.get(0).toString()).get(MEASUREMENTS).then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.visitId", everyItem(equalTo(measuring.visits.get(0).toString())));

        UUID nurse = measuring.series.pair().nurse().id();
        Map<String, Integer> engaged = new HashMap<>();
        for (int i = 1; i <= 9; i++) {
            engaged.put("q" + i, 4);
        }
        Map<String, Object> staff = new HashMap<>(Map.of("seriesId", measuring.series.id().toString(),
                "instrumentKey", "uwes-9", "timePoint", "BASELINE", "staffProfessionalId", nurse.toString(),
                "measuredOn", measuring.firstSession().toString(), "answers", engaged));
        measuring.artist().body(staff).post(MEASUREMENTS).then().statusCode(201)
                .body("scores.key", equalTo(List.of("total", "vigour", "dedication", "absorption")))
                .body("scores[0].value", equalTo(4.0f));
        staff.put("staffProfessionalId", UUID.randomUUID().toString());
        staff.put("timePoint", "END");
        staff.put("measuredOn", measuring.lastSession().toString());
        measuring.artist().body(staff).post(MEASUREMENTS).then().statusCode(422)
                .body("violations[0].field", equalTo("staffProfessionalId"))
                .body("violations[0].rule", equalTo("referenced-exists"));
    }

    @Test
    void onlyTheSeriesPairOrACoordinatorEntersAndThoseWhoReadTheSeriesRead() {
        Participant p = network.measuredParticipant(measuring.series);
        Map<String, Object> body = measuring.body("ucla-3", "BASELINE", p, measuring.firstSession(), Measuring.ucla(5));
        network.pair().artist().as().body(body).post(MEASUREMENTS).then().statusCode(403);
        network.orgAdmin().body(body).post(MEASUREMENTS).then().statusCode(403);
        for (String role : List.of("researcher", "viewer", "hospital-system")) {
            Network.as(TestTokens.token(role, network.alias)).body(body).post(MEASUREMENTS).then().statusCode(403);
        }
        String id = measuring.series.pair().nurse().as().body(body).post(MEASUREMENTS).then().statusCode(201)
                .extract().path("id");

        network.orgAdmin().get(MEASUREMENTS + "/" + id).then().statusCode(200);
        measuring.artist().get(MEASUREMENTS + "/" + id).then().statusCode(200);
        Network other = new Network(db);
        other.orgAdmin().get(MEASUREMENTS + "/" + id).then().statusCode(403);
        other.orgAdmin().queryParam("seriesId", measuring.series.id().toString()).get(MEASUREMENTS).then()
                .statusCode(200).body("totalItems", equalTo(0));
        network.pair().artist().as().get(MEASUREMENTS + "/" + id).then().statusCode(403);
        network.orgAdmin().queryParam("participantCode", p.code()).get(MEASUREMENTS).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));
        assertTrue(network.count("select count(*) from measurement where id = ?", UUID.fromString(id)) == 1);
    }
}
