package fi.voimala.outcomes.outcome.rest;

import static fi.voimala.outcomes.support.Measuring.OUTCOMES;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import fi.voimala.outcomes.support.Measuring;
import fi.voimala.outcomes.support.Network;
import fi.voimala.outcomes.support.Network.Participant;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outcomes through the API, from measurements entered through the API: the series' figures (n, means, mean change,
 * SD, 95 % CI, paired t-test, d_z, share past the minimal important difference) agree with an independent
 * computation (Apache Commons Math 3, another implementation than the service's Commons Statistics) on the same
 * numbers; a figure about fewer than five people is suppressed for researchers and viewers but not for the
 * coordinator; filters by target group, art form and season choose the series; an org-admin sees only its own
 * organisation's series; the dose bands and each participant's change; the mean mood lift per session.
 */
@QuarkusTest
class OutcomeResourceTest {

    @Inject
    DataSource db;

    Network network;
    Measuring measuring;

    @BeforeEach
    void aPlannedSeries() {
        network = new Network(db);
        measuring = new Measuring(network);
    }

    /** Decimals read as doubles (REST Assured reads them as floats by default), to compare to many places. */
    static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private ValidatableResponse report(io.restassured.specification.RequestSpecification as) {
        return as.config(DOUBLES).queryParam("seriesId", measuring.series.id().toString()).queryParam("instrumentKey", "ucla-3")
                .get(OUTCOMES).then().log().ifValidationFails().statusCode(200);
    }

    @Test
    void theSeriesFiguresAgreeWithAnIndependentComputation() {
        // Six participants' UCLA-3 totals (3-9, higher lonelier) at baseline and at the end.
        int[] before = {7, 8, 6, 9, 5, 7};
        int[] after = {5, 7, 6, 6, 5, 4};
        for (int i = 0; i < before.length; i++) {
            measuring.uclaBaselineAndEnd(network.measuredParticipant(measuring.series), before[i], after[i]);
        }
        double[] b = new double[before.length];
        double[] a = new double[before.length];
        DescriptiveStatistics change = new DescriptiveStatistics();
        for (int i = 0; i < b.length; i++) {
            b[i] = before[i];
            a[i] = after[i];
            change.addValue(a[i] - b[i]);
        }
        // Commons Math 3: the paired t-test's two-sided p, the SD of the changes, t(0.975, 5) for the 95 % CI.
        double p = new TTest().pairedTTest(a, b);
        double sd = change.getStandardDeviation();
        double mean = change.getMean();
        double half = new TDistribution(b.length - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(b.length);
        double tolerance = 1e-9;
        report(network.coordinator())
                .body("series", equalTo(1))
                .body("outcomes", hasSize(1))
                .body("outcomes[0].comparison", equalTo("BASELINE_TO_END"))
                .body("outcomes[0].suppressed", equalTo(false))
                .body("outcomes[0].people", equalTo(6)).body("outcomes[0].n", equalTo(6))
                .body("outcomes[0].meanBefore", closeTo(42.0 / 6, tolerance))
                .body("outcomes[0].meanAfter", closeTo(33.0 / 6, tolerance))
                .body("outcomes[0].meanChange", closeTo(mean, tolerance))
                .body("outcomes[0].sdChange", closeTo(sd, tolerance))
                .body("outcomes[0].ciLow", closeTo(mean - half, tolerance))
                .body("outcomes[0].ciHigh", closeTo(mean + half, tolerance))
                .body("outcomes[0].p", closeTo(p, tolerance))
                .body("outcomes[0].effectSizeDz", closeTo(mean / sd, tolerance))
                // Lower is better here: -2, -1, -3 and -3 reach the minimal important difference of 1 point; 0 and 0 do not.
                .body("outcomes[0].shareReachingMid", closeTo(4.0 / 6, tolerance))
                .body("participants", hasSize(6));
        // By hand, as a check of the check: changes -2, -1, 0, -3, 0, -3: mean -1.5, SD sqrt(9.5/5) = 1.3784.
        report(network.coordinator()).body("outcomes[0].meanChange", closeTo(-1.5, 1e-12))
                .body("outcomes[0].sdChange", closeTo(Math.sqrt(9.5 / 5), 1e-12));
    }

    @Test
    void aFigureAboutFewerThanFivePeopleIsSuppressedForResearchersAndViewers() {
        List<Participant> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Participant p = network.measuredParticipant(measuring.series);
            measuring.uclaBaselineAndEnd(p, 7, 5);
            four.add(p);
        }
        for (String role : List.of("researcher", "viewer")) {
            report(Network.as(TestTokens.token(role, "ita-suomen-yliopisto")))
                    .body("outcomes[0].suppressed", equalTo(true))
                    .body("outcomes[0].people", nullValue()).body("outcomes[0].n", nullValue())
                    .body("outcomes[0].meanChange", nullValue()).body("outcomes[0].p", nullValue())
                    .body("attendance.suppressed", equalTo(true)).body("attendance.participants", nullValue())
                    .body("byDose[0].outcome.suppressed", equalTo(true))
                    .body("participants", empty());
        }
        report(network.coordinator()).body("outcomes[0].suppressed", equalTo(false))
                .body("outcomes[0].people", equalTo(4)).body("outcomes[0].meanChange", closeTo(-2.0, 1e-12));

        measuring.uclaBaselineAndEnd(network.measuredParticipant(measuring.series), 6, 6);
        report(Network.as(TestTokens.token("viewer", network.alias)))
                .body("outcomes[0].suppressed", equalTo(false)).body("outcomes[0].people", equalTo(5))
                .body("outcomes[0].meanChange", closeTo(-8.0 / 5, 1e-12));
    }

    @Test
    void aResearcherNeverSeesAnIndividualStaffMembersEngagement() {
        // The series' care professional answers UWES-9 at baseline and end: one person, so only the coordinator and
        // those who read the series see the figure; researchers and viewers see it suppressed, and no one sees it in
        // the per-participant list (staff are not participants).
        Map<String, Integer> before = new HashMap<>();
        Map<String, Integer> after = new HashMap<>();
        for (int i = 1; i <= 9; i++) {
            before.put("q" + i, 3);
            after.put("q" + i, 5);
        }
        String nurse = measuring.series.pair().nurse().id().toString();
        for (Object[] point : new Object[][] {{"BASELINE", measuring.firstSession(), before},
                {"END", measuring.lastSession(), after}}) {
            measuring.artist().body(Map.of("seriesId", measuring.series.id().toString(), "instrumentKey", "uwes-9",
                            "timePoint", point[0], "staffProfessionalId", nurse, "measuredOn", point[1].toString(),
                            "answers", point[2]))
                    .post(Measuring.MEASUREMENTS).then().statusCode(201);
        }
        for (String role : List.of("researcher", "viewer")) {
            Network.as(TestTokens.token(role, "ita-suomen-yliopisto")).config(DOUBLES)
                    .queryParam("seriesId", measuring.series.id().toString()).queryParam("instrumentKey", "uwes-9")
                    .get(OUTCOMES).then().statusCode(200)
                    .body("outcomes.suppressed", everyItem(equalTo(true)))
                    .body("outcomes.meanChange", everyItem(nullValue()))
                    .body("outcomes.subjectType", everyItem(equalTo("STAFF")))
                    .body("participants", empty());
        }
        network.coordinator().config(DOUBLES).queryParam("seriesId", measuring.series.id().toString())
                .queryParam("instrumentKey", "uwes-9").get(OUTCOMES).then().statusCode(200)
                .body("outcomes.find { it.scoreKey == 'total' }.meanChange", closeTo(2.0, 1e-12))
                .body("participants", empty());
    }

    @Test
    void filtersChooseTheSeriesAndAnOrgAdminSeesOnlyItsOwn() {
        for (int i = 0; i < 5; i++) {
            measuring.uclaBaselineAndEnd(network.measuredParticipant(measuring.series), 8, 6);
        }
        String series = measuring.series.id().toString();
        String season = network.seasonOf(measuring.series);
        network.coordinator().queryParam("seriesId", series).queryParam("targetGroup", "SENIOR_HOUSE_RESIDENTS")
                .queryParam("artForm", "MUSIC").queryParam("season", season).get(OUTCOMES).then().statusCode(200)
                .body("series", equalTo(1)).body("outcomes[0].people", equalTo(5));
        network.coordinator().queryParam("seriesId", series).queryParam("targetGroup", "WARD_PATIENTS")
                .get(OUTCOMES).then().statusCode(200).body("series", equalTo(0)).body("outcomes", empty());
        network.coordinator().queryParam("seriesId", series).queryParam("artForm", "DANCE")
                .get(OUTCOMES).then().statusCode(200).body("series", equalTo(0));
        network.coordinator().queryParam("organisationId", network.organisationId.toString())
                .get(OUTCOMES).then().statusCode(200).body("series", equalTo(1));
        network.coordinator().queryParam("season", "autumn 2027").get(OUTCOMES).then().statusCode(422)
                .body("violations[0].field", equalTo("season"));
        network.coordinator().queryParam("targetGroup", "CHILDREN").get(OUTCOMES).then().statusCode(422)
                .body("violations[0].field", equalTo("targetGroup"));

        network.orgAdmin().queryParam("seriesId", series).get(OUTCOMES).then().statusCode(200)
                .body("series", equalTo(1)).body("participants", hasSize(5));
        Network other = new Network(db);
        other.orgAdmin().queryParam("seriesId", series).get(OUTCOMES).then().statusCode(200)
                .body("series", equalTo(0)).body("outcomes", empty()).body("participants", empty());
        Network.as(TestTokens.token("hospital-system", network.alias)).get(OUTCOMES).then().statusCode(403);
    }

    @Test
    void aBreakdownGivesEachTargetGroupAndArtFormItsOwnOutcomeInOneAnswer() {
        // Series A (this network's first: senior-house residents, music): five people, 8 -> 6 each.
        for (int i = 0; i < 5; i++) {
            measuring.uclaBaselineAndEnd(network.measuredParticipant(measuring.series), 8, 6);
        }
        // Series B, at another site of the organisation: ward patients, music and dance; four people, 7 -> 4 each.
        UUID ward = network.site();
        Network.Series b = network.series(ward, network.group(ward, "WARD_PATIENTS"), network.pair());
        network.execute("update series_copy set art_forms = '{MUSIC,DANCE}' where id = ?", b.id());
        Measuring onWard = new Measuring(network, b);
        for (int i = 0; i < 4; i++) {
            onWard.uclaBaselineAndEnd(network.measuredParticipant(b), 7, 4);
        }
        String organisation = network.organisationId.toString();
        String change = "find { it.instrumentKey == 'ucla-3' && it.comparison == 'BASELINE_TO_END' }";

        network.coordinator().config(DOUBLES).queryParam("by", "targetGroup").queryParam("organisationId", organisation)
                .queryParam("instrumentKey", "ucla-3").get(OUTCOMES + "/breakdown").then().statusCode(200)
                .body("by", equalTo("targetGroup"))
                .body("groups.value", equalTo(List.of("SENIOR_HOUSE_RESIDENTS", "WARD_PATIENTS")))
                .body("groups[0].series", equalTo(1)).body("groups[0].outcomes." + change + ".people", equalTo(5))
                .body("groups[0].outcomes." + change + ".meanChange", closeTo(-2.0, 1e-12))
                .body("groups[1].outcomes." + change + ".people", equalTo(4))
                .body("groups[1].outcomes." + change + ".meanChange", closeTo(-3.0, 1e-12));
        // A series of two art forms counts in each: music has both series (nine people, (5 x -2 + 4 x -3) / 9).
        network.coordinator().config(DOUBLES).queryParam("by", "artForm").queryParam("organisationId", organisation)
                .queryParam("instrumentKey", "ucla-3").get(OUTCOMES + "/breakdown").then().statusCode(200)
                .body("groups.value", equalTo(List.of("DANCE", "MUSIC")))
                .body("groups[1].series", equalTo(2)).body("groups[1].outcomes." + change + ".people", equalTo(9))
                .body("groups[1].outcomes." + change + ".meanChange", closeTo(-22.0 / 9, 1e-12))
                .body("groups[0].outcomes." + change + ".people", equalTo(4));
        // Each value's figure is suppressed on its own: a viewer sees music's nine, not dance's four.
        Network.as(TestTokens.token("viewer", network.alias)).config(DOUBLES).queryParam("by", "artForm")
                .queryParam("organisationId", organisation).queryParam("instrumentKey", "ucla-3")
                .get(OUTCOMES + "/breakdown").then().statusCode(200)
                .body("groups[0].outcomes." + change + ".suppressed", equalTo(true))
                .body("groups[0].outcomes." + change + ".people", nullValue())
                .body("groups[1].outcomes." + change + ".suppressed", equalTo(false))
                .body("groups[1].outcomes." + change + ".people", equalTo(9));
        // A series whose group copy has not arrived yet counts under UNKNOWN, not as an error.
        network.series(ward, UUID.randomUUID(), network.pair());
        network.coordinator().queryParam("by", "targetGroup").queryParam("organisationId", organisation)
                .get(OUTCOMES + "/breakdown").then().statusCode(200)
                .body("groups.value", equalTo(List.of("SENIOR_HOUSE_RESIDENTS", "UNKNOWN", "WARD_PATIENTS")))
                .body("groups[1].series", equalTo(1)).body("groups[1].outcomes", empty());
        // The filters and the caller's scope apply as in the report: another organisation's org-admin sees no group.
        new Network(db).orgAdmin().queryParam("by", "targetGroup").queryParam("organisationId", organisation)
                .get(OUTCOMES + "/breakdown").then().statusCode(200).body("groups", empty());
        network.coordinator().config(DOUBLES).queryParam("by", "season").get(OUTCOMES + "/breakdown").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("by"));
    }

    @Test
    void theDoseStandsBesideTheChange() {
        // Five attend all four sessions, one attends none: bands 0-4 both (four sessions is below five).
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Participant p = network.measuredParticipant(measuring.series);
            measuring.uclaBaselineAndEnd(p, 8, i < 5 ? 5 : 8);
            people.add(p);
        }
        for (var visit : measuring.visits) {
            network.heldSession(measuring.series, visit, people.subList(0, 5).toArray(Participant[]::new));
        }
        report(network.coordinator())
                .body("attendance.sessionsPlanned", equalTo(20)).body("attendance.sessionsHeld", equalTo(4))
                .body("attendance.participants", equalTo(6))
                .body("attendance.meanSessionsAttended", closeTo(20.0 / 6, 1e-12))
                .body("byDose", hasSize(1)).body("byDose[0].doseBand", equalTo("0-4"))
                .body("byDose[0].outcome.people", equalTo(6))
                .body("participants.find { it.sessionsAttended == 0 }.change", equalTo(0))
                .body("participants.findAll { it.sessionsAttended == 4 }", hasSize(5));
    }

    @Test
    void theMoodLiftIsAveragedOverEveryPersonAndSession() {
        // Lifts: +2 and +1 for one person at two sessions; +1, 0, +1, +2 for four others at the first.
        Participant first = network.measuredParticipant(measuring.series);
        measuring.mood(first, measuring.visits.get(0), 2, 4);
        measuring.mood(first, measuring.visits.get(1), 3, 4);
        int[][] others = {{3, 4}, {4, 4}, {2, 3}, {3, 5}};
        for (int[] o : others) {
            measuring.mood(network.measuredParticipant(measuring.series), measuring.visits.get(0), o[0], o[1]);
        }
        network.coordinator().config(DOUBLES).queryParam("seriesId", measuring.series.id().toString())
                .queryParam("instrumentKey", "session-mood").get(OUTCOMES).then().statusCode(200)
                .body("outcomes[0].comparison", equalTo("SESSION"))
                .body("outcomes[0].people", equalTo(5)).body("outcomes[0].n", equalTo(6))
                .body("outcomes[0].meanChange", closeTo(7.0 / 6, 1e-12))
                .body("outcomes[0].meanBefore", closeTo(17.0 / 6, 1e-12));
    }
}
