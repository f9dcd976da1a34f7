package fi.voimala.sessions.participant.rest;

import static fi.voimala.sessions.participant.rest.Enrolments.PARTICIPANTS;
import static fi.voimala.sessions.participant.rest.Enrolments.PIC_1900S;
import static fi.voimala.sessions.participant.rest.Enrolments.array;
import static fi.voimala.sessions.participant.rest.Enrolments.enrol;
import static fi.voimala.sessions.participant.rest.Enrolments.withdrawal;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fi.voimala.platform.testing.TestTokens;
import fi.voimala.sessions.support.Network;
import fi.voimala.sessions.support.Network.Person;
import fi.voimala.sessions.support.Network.Series;
import fi.voimala.sessions.support.SentEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Withdrawal of consent through the API: the series' pair, a coordinator and the org-admin of the series' site (the
 * care unit often hears it first) record what the person stops and from when, also a date already past; only what is
 * named is withdrawn; a repeat is 409 {@code already-withdrawn}, a purpose the consent never covered 422; what the
 * consent covers today follows (active lists, a researcher's view); each withdrawal is an event with the new state
 * (no note) and an audit entry.
 */
@QuarkusTest
class ConsentWithdrawalTest {

    @Inject
    DataSource db;
    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    Network network;
    SentEvents events;
    Series series;
    Person nurse;
    LocalDate today;
    UUID anna;

    @BeforeEach
    void aParticipantWhoConsentedToEverything() {
        network = new Network(db);
        events = new SentEvents(connector);
        series = network.series();
        nurse = series.pair().nurse();
        today = LocalDate.now(Network.HELSINKI);
        // Enrolments.enrolment: consent given 30 days ago.
        anna = enrol(series.pair().artist().as(), series.id(), "PARTICIPATION", "MEASUREMENTS", "RESEARCH_USE");
    }

    @Test
    void theNurseRecordsThatSheStoppedTakingPartLastWeek() {
        LocalDate lastWeek = today.minusDays(7);
        nurse.as().body(withdrawal(lastWeek, "PARTICIPATION")).post(withdrawalOf(anna)).then().statusCode(200)
                .body("id", equalTo(anna.toString()))
                .body("version", equalTo(1))
                .body("consent.covers", contains("PARTICIPATION", "MEASUREMENTS", "RESEARCH_USE"))
                .body("withdrawals", hasSize(1))
                .body("withdrawals[0].withdrawnFrom", equalTo(lastWeek.toString()))
                .body("withdrawals[0].covers", contains("PARTICIPATION"))
                .body("withdrawals[0].note", equalTo("Kertoi hoitajalle, ettei halua enää osallistua."))
                .body("withdrawals[0].recordedAt", not(nullValue()))
                // Only what she named: her measurements and research use stay consented.
                .body("activeConsent", contains("MEASUREMENTS", "RESEARCH_USE"));

        SentEvents.Event withdrawn = events.await(e -> anna.toString().equals(e.subject()), 2).get(1);
        assertEquals("fi.voimala.session.participant.consent-withdrawn.v1", withdrawn.type());
        JsonObject data = withdrawn.data();
        assertEquals(1, data.getInteger("version"));
        assertEquals(List.of("PARTICIPATION", "MEASUREMENTS", "RESEARCH_USE"), data.getJsonArray("consentCovers").getList());
        assertEquals(lastWeek.toString(), data.getJsonArray("withdrawals").getJsonObject(0).getString("withdrawnFrom"));
        assertEquals(List.of("PARTICIPATION"), data.getJsonArray("withdrawals").getJsonObject(0).getJsonArray("covers").getList());
        assertEquals(List.of("MEASUREMENTS", "RESEARCH_USE"), data.getJsonArray("activeConsent").getList());
        assertFalse(data.encode().contains("hoitajalle"));
        assertEquals(1, network.count("select count(*) from audit_entry where action = 'WITHDRAW_CONSENT' and actor = ?"
                        + " and actor_organisation = ? and endpoint = ? and participant_ids = cast(? as uuid[]) and series_id = ?",
                "user-" + nurse.subject(), network.alias, "POST " + withdrawalOf(anna), array(anna), series.id()));

        String ofSeries = PARTICIPANTS + "?seriesId=" + series.id();
        nurse.as().get(ofSeries + "&active=true").then().body("totalItems", equalTo(0));
        nurse.as().get(ofSeries + "&active=false").then().body("items.id", contains(anna.toString()));

        // Later she withdraws research use too: the two withdrawals stand side by side.
        nurse.as().body(withdrawal(today, "RESEARCH_USE")).post(withdrawalOf(anna)).then().statusCode(200)
                .body("version", equalTo(2))
                .body("withdrawals.covers", contains(List.of("PARTICIPATION"), List.of("RESEARCH_USE")))
                .body("activeConsent", contains("MEASUREMENTS"));
        // A researcher no longer reads her.
        RequestSpecification researcher = Network.as(TestTokens.token("researcher", network.alias));
        researcher.get(PARTICIPANTS + "/" + anna).then().statusCode(403);
        researcher.get(ofSeries).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void theSitesOrgAdminMayRecordAWithdrawalButNobodyElseOutsideTheSeries() {
        Network other = new Network(db);
        other.orgAdmin().body(withdrawal(today, "RESEARCH_USE")).post(withdrawalOf(anna)).then().statusCode(403)
                .contentType("application/problem+json");
        network.pair().artist().as().body(withdrawal(today, "RESEARCH_USE")).post(withdrawalOf(anna)).then().statusCode(403);
        for (String role : List.of("researcher", "viewer", "hospital-system")) {
            Network.as(TestTokens.token(role, network.alias)).body(withdrawal(today, "RESEARCH_USE"))
                    .post(withdrawalOf(anna)).then().statusCode(403);
        }
        assertEquals(0, withdrawals(anna));

        network.orgAdmin().body(withdrawal(today, "RESEARCH_USE")).post(withdrawalOf(anna)).then().statusCode(200)
                .body("activeConsent", contains("PARTICIPATION", "MEASUREMENTS"));
        network.coordinator().body(withdrawal(today, "MEASUREMENTS")).post(withdrawalOf(anna)).then().statusCode(200)
                .body("activeConsent", contains("PARTICIPATION"));
        assertEquals(2, withdrawals(anna));
    }

    @Test
    void aRepeatIsAConflictAndAPurposeNotCoveredIsNamed() {
        UUID bertta = enrol(nurse.as(), series.id(), "PARTICIPATION", "RESEARCH_USE");
        nurse.as().body(withdrawal(today.minusDays(3), "RESEARCH_USE")).post(withdrawalOf(bertta)).then().statusCode(200);

        // The same again (a double tap on the tablet): already done.
        nurse.as().body(withdrawal(today, "RESEARCH_USE")).post(withdrawalOf(bertta)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("violations[0].rule", equalTo("already-withdrawn"))
                .body("detail", containsString("RESEARCH_USE was withdrawn from " + today.minusDays(3)));
        // Measurements were never consented to.
        nurse.as().body(withdrawal(today, "PARTICIPATION", "MEASUREMENTS")).post(withdrawalOf(bertta)).then()
                .statusCode(422)
                .body("violations[0].field", equalTo("covers"))
                .body("violations[0].rule", equalTo("covered-by-consent"))
                .body("violations[0].message", containsString("the consent never covered MEASUREMENTS"));
        // Research use is withdrawn already: name only what the consent still covers.
        nurse.as().body(withdrawal(today, "PARTICIPATION", "RESEARCH_USE")).post(withdrawalOf(bertta)).then()
                .statusCode(422)
                .body("violations[0].field", equalTo("covers"))
                .body("violations[0].rule", equalTo("still-covered"));
        assertEquals(1, withdrawals(bertta));
        nurse.as().get(PARTICIPANTS + "/" + bertta).then().body("version", equalTo(1))
                .body("activeConsent", contains("PARTICIPATION"));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        // Enrolments.enrolment: consent given 30 days ago.
        LocalDate consented = today.minusDays(30);
        nurse.as().body(withdrawal(consented.minusDays(1), "PARTICIPATION")).post(withdrawalOf(anna)).then()
                .statusCode(422).body("violations[0].field", equalTo("withdrawnFrom"))
                .body("violations[0].rule", equalTo("not-before-consent"))
                .body("violations[0].message", containsString(consented.toString()));
        nurse.as().body(withdrawal(today.plusDays(1), "PARTICIPATION")).post(withdrawalOf(anna)).then()
                .statusCode(422).body("violations[0].field", equalTo("withdrawnFrom"))
                .body("violations[0].rule", equalTo("not-in-future"));
        Map<String, Object> withIdentityCode = withdrawal(today, "PARTICIPATION");
        withIdentityCode.put("note", "Omainen soitti (" + PIC_1900S + ").");
        nurse.as().body(withIdentityCode).post(withdrawalOf(anna)).then().statusCode(422)
                .body("violations[0].field", equalTo("note"))
                .body("violations[0].rule", equalTo("no-personal-identity-code"));
        Map<String, Object> noDate = withdrawal(today, "PARTICIPATION");
        noDate.put("withdrawnFrom", null);
        nurse.as().body(noDate).post(withdrawalOf(anna)).then().statusCode(422)
                .body("violations.field", hasItem("withdrawnFrom")).body("violations.rule", hasItem("not-null"));
        nurse.as().body(withdrawal(today)).post(withdrawalOf(anna)).then().statusCode(422)
                .body("violations[0].field", equalTo("covers")).body("violations[0].rule", equalTo("not-empty"));
        nurse.as().body(withdrawal(today, "PHOTOS")).post(withdrawalOf(anna)).then().statusCode(422)
                .body("violations[0].field", equalTo("covers[0]")).body("violations[0].rule", equalTo("known-value"));
        Map<String, Object> misspelt = withdrawal(today, "PARTICIPATION");
        misspelt.put("reason", "ei halua");
        nurse.as().body(misspelt).post(withdrawalOf(anna)).then().statusCode(400)
                .body("violations.rule", hasItem("unknown-field"));
        nurse.as().post(withdrawalOf(anna)).then().statusCode(400).body("violations.rule", hasItem("body-required"));
        network.coordinator().body(withdrawal(today, "PARTICIPATION")).post(withdrawalOf(UUID.randomUUID())).then()
                .statusCode(404);

        assertEquals(0, withdrawals(anna));
        assertEquals(0, network.count("select count(*) from audit_entry where action = 'WITHDRAW_CONSENT'"
                + " and participant_ids = cast(? as uuid[])", array(anna)));
        assertEquals(1, network.count("select count(*) from outbox_event where subject = ?", anna.toString()));
        nurse.as().get(PARTICIPANTS + "/" + anna).then().body("version", equalTo(0));
    }

    static String withdrawalOf(UUID participant) {
        return PARTICIPANTS + "/" + participant + "/withdrawal";
    }

    long withdrawals(UUID participant) {
        return network.count("select count(*) from consent_withdrawal where participant_id = ?", participant);
    }
}
