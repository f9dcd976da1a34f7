package fi.voimala.outcomes.plan.rest;

import static fi.voimala.outcomes.support.Measuring.PLANS;
import static fi.voimala.outcomes.support.Measuring.point;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import fi.voimala.outcomes.support.Network;
import fi.voimala.outcomes.support.Network.Series;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Measurement plans through the API: the series' pair writes one; its windows' dates are reckoned from the series'
 * first and last sessions as scheduling last said (moved when a visit moves), with each time point's default window
 * or the plan's own; a follow-up names its weeks; an instrument is planned once per time point, a session's check both
 * before and after, a staff instrument never per session; a stale version is a 409; an unknown series 404.
 */
@QuarkusTest
class MeasurementPlanResourceTest {

    @Inject
    DataSource db;

    Network network;
    Series series;

    @BeforeEach
    void aSeriesWithVisits() {
        network = new Network(db);
        series = network.series();
    }

    private static LocalDate daysAgo(int days) {
        return LocalDate.now(Network.HELSINKI).minusDays(days);
    }

    @Test
    void thePairWritesAPlanWhoseWindowsFollowTheSessions() {
        network.pastVisit(series, 21);
        UUID last = network.pastVisit(series, 7);
        Map<String, Object> followUp = new HashMap<>(point("ucla-3", "FOLLOW_UP"));
        followUp.put("followUpWeeks", 12);
        Map<String, Object> wideBaseline = new HashMap<>(point("ucla-3", "BASELINE"));
        wideBaseline.put("daysBefore", 30);
        wideBaseline.put("daysAfter", 3);
        series.pair().nurse().as().body(Map.of("points", List.of(wideBaseline, point("ucla-3", "END"), followUp,
                        point("session-mood", "BEFORE_SESSION"), point("session-mood", "AFTER_SESSION"))))
                .put(PLANS + series.id()).then().log().ifValidationFails().statusCode(200)
                .body("version", equalTo(0))
                .body("firstSession", equalTo(daysAgo(21).toString()))
                .body("lastSession", equalTo(daysAgo(7).toString()))
                .body("points.find { it.timePoint == 'BASELINE' }.windowOpens", equalTo(daysAgo(51).toString()))
                .body("points.find { it.timePoint == 'BASELINE' }.windowCloses", equalTo(daysAgo(18).toString()))
                .body("points.find { it.timePoint == 'END' }.windowOpens", equalTo(daysAgo(7).toString()))
                .body("points.find { it.timePoint == 'END' }.windowCloses", equalTo(daysAgo(-7).toString()))
                .body("points.find { it.timePoint == 'FOLLOW_UP' }.windowOpens",
                        equalTo(daysAgo(7).plusWeeks(12).minusDays(14).toString()))
                .body("points.find { it.timePoint == 'BEFORE_SESSION' }.windowOpens", nullValue())
                .body("points.find { it.timePoint == 'END' }.instrumentVersion", equalTo(1));

        // Scheduling moves the last session a week later: the end window follows.
        network.execute("update visit_copy set starts_at = starts_at + interval '7 days', version = 1 where id = ?", last);
        network.orgAdmin().get(PLANS + series.id()).then().statusCode(200)
                .body("lastSession", equalTo(daysAgo(0).toString()))
                .body("points.find { it.timePoint == 'END' }.windowOpens", equalTo(daysAgo(0).toString()));

        // A new version replaces the plan; the old version is stale.
        series.pair().artist().as().body(Map.of("version", 0, "points", List.of(point("ucla-3", "BASELINE"))))
                .put(PLANS + series.id()).then().statusCode(200).body("version", equalTo(1))
                .body("points.size()", equalTo(1));
        series.pair().artist().as().body(Map.of("version", 0, "points", List.of(point("ucla-3", "END"))))
                .put(PLANS + series.id()).then().statusCode(409).body("violations[0].rule", equalTo("stale-version"));
        series.pair().artist().as().body(Map.of("points", List.of(point("ucla-3", "END"))))
                .put(PLANS + series.id()).then().statusCode(422).body("violations[0].field", equalTo("version"));
    }

    @Test
    void aSeriesWithoutVisitsYetTakesItsPlannedDates() {
        series.pair().artist().as().body(Map.of("points", List.of(point("ucla-3", "BASELINE"))))
                .put(PLANS + series.id()).then().statusCode(200)
                .body("firstSession", equalTo(daysAgo(28).toString()))
                .body("lastSession", equalTo(daysAgo(28).plusWeeks(19).toString()));
    }

    @Test
    void thePlansOwnRulesNameThePointAtFault() {
        Map<String, Object> badFollowUp = point("ucla-3", "FOLLOW_UP");
        Map<String, Object> weeksOnEnd = new HashMap<>(point("ucla-3", "END"));
        weeksOnEnd.put("followUpWeeks", 4);
        series.pair().artist().as().body(Map.of("points", List.of(point("ucla-3", "BASELINE"), point("ucla-3", "BASELINE"),
                        point("no-such-scale", "END"), point("session-mood", "BEFORE_SESSION"),
                        point("uwes-9", "BEFORE_SESSION"), point("uwes-9", "AFTER_SESSION"), badFollowUp, weeksOnEnd)))
                .put(PLANS + series.id()).then().log().ifValidationFails().statusCode(422)
                .body("violations.field", hasItems("points[1].timePoint", "points[2].instrumentKey",
                        "points[3].timePoint", "points[4].timePoint", "points[6].followUpWeeks",
                        "points[7].followUpWeeks"))
                .body("violations.rule", hasItems("unique", "referenced-exists", "before-and-after",
                        "staff-not-per-session", "follow-up-weeks"));
        Map<String, Object> tooWide = new HashMap<>(point("ucla-3", "BASELINE"));
        tooWide.put("daysBefore", 365);
        series.pair().artist().as().body(Map.of("points", List.of(tooWide))).put(PLANS + series.id()).then()
                .statusCode(422).body("violations[0].field", equalTo("points[0].daysBefore"));
        series.pair().artist().as().body(Map.of("points", List.of())).put(PLANS + series.id()).then()
                .statusCode(422).body("violations[0].field", equalTo("points"));
        series.pair().artist().as().body(Map.of("points", List.of(point("ucla-3", "SOMETIME")))).put(PLANS + series.id())
                .then().log().ifValidationFails().statusCode(422).body("violations[0].field", equalTo("points[0].timePoint"));
        network.coordinator().get(PLANS + series.id()).then().statusCode(404);
        network.coordinator().body(Map.of("points", List.of(point("ucla-3", "END")))).put(PLANS + UUID.randomUUID())
                .then().statusCode(404);
        org.junit.jupiter.api.Assertions.assertEquals(0,
                network.count("select count(*) from measurement_plan where series_id = ?", series.id()));
    }
}
