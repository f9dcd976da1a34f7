package fi.voimala.outcomes.export.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.outcomes.support.Measuring;
import fi.voimala.outcomes.support.Network;
import fi.voimala.outcomes.support.Network.Participant;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Research exports through the API: the wide shape has one row per research-consented participant and a column per
 * instrument, score and time point; the long shape a row per measurement and variable; the codebook names every
 * column; participants without research consent (never given, or withdrawn) and staff members are not in any file;
 * every export is in the export log, which only a coordinator reads; nobody but researchers and coordinators exports.
 */
@QuarkusTest
class ResearchExportTest {

    @Inject
    DataSource db;

    Network network;
    Measuring measuring;
    Participant aino;
    Participant eino;
    Participant notForResearch;
    Participant withdrew;
    String researcherSubject;

    @BeforeEach
    void aMeasuredSeries() {
        network = new Network(db);
        measuring = new Measuring(network);
        aino = network.measuredParticipant(measuring.series);
        eino = network.measuredParticipant(measuring.series);
        notForResearch = network.participant(measuring.series, "MEASUREMENTS");
        withdrew = network.measuredParticipant(measuring.series);
        measuring.uclaBaselineAndEnd(aino, 7, 5);
        measuring.ucla(eino, "BASELINE", 8).then().statusCode(201);
        measuring.mood(eino, measuring.visits.get(2), 3, 4);
        measuring.uclaBaselineAndEnd(notForResearch, 6, 6);
        measuring.uclaBaselineAndEnd(withdrew, 9, 7);
        network.withdraw(withdrew, "RESEARCH_USE", LocalDate.now(Network.HELSINKI));
        Map<String, Integer> engaged = new HashMap<>();
        for (int i = 1; i <= 9; i++) {
            engaged.put("q" + i, 5);
        }
        measuring.artist().body(Map.of("seriesId", measuring.series.id().toString(), "instrumentKey", "uwes-9",
                "timePoint", "BASELINE", "staffProfessionalId", measuring.series.pair().nurse().id().toString(),
                "measuredOn", measuring.firstSession().toString(), "answers", engaged))
                .post(Measuring.MEASUREMENTS).then().statusCode(201);
        researcherSubject = UUID.randomUUID().toString();
    }

    private RequestSpecification researcher() {
        return Network.as(TestTokens.token("researcher", "ita-suomen-yliopisto", researcherSubject));
    }

    private List<CSVRecord> csv(String shape) {
        String text = researcher().queryParam("seriesId", measuring.series.id().toString())
                .get("/api/exports/" + shape).then().log().ifValidationFails().statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"voimala-outcomes-"))
                .extract().asString();
        assertFalse(text.contains(measuring.series.pair().nurse().id().toString()), "no staff member's id");
        assertFalse(text.contains(notForResearch.code()), "no participant without research consent");
        assertFalse(text.contains(withdrew.code()), "no participant who withdrew research consent");
        assertFalse(text.contains(aino.id().toString()), "participants by code only");
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theWideShapeHasOneRowPerResearchConsentedParticipant() {
        List<CSVRecord> rows = csv("wide");
        assertEquals(List.of(aino.code(), eino.code()).stream().sorted().toList(),
                rows.stream().map(r -> r.get("participant_code")).sorted().toList());
        Map<String, CSVRecord> byCode = rows.stream().collect(Collectors.toMap(r -> r.get("participant_code"), r -> r));
        assertEquals("7", byCode.get(aino.code()).get("ucla_3_total_baseline"));
        assertEquals("5", byCode.get(aino.code()).get("ucla_3_total_end"));
        assertEquals("8", byCode.get(eino.code()).get("ucla_3_total_baseline"));
        assertEquals("", byCode.get(eino.code()).get("ucla_3_total_end"));
        assertEquals("3", byCode.get(eino.code()).get("session_mood_mood_s1_before"));
        assertEquals("4", byCode.get(eino.code()).get("session_mood_mood_s1_after"));
        assertEquals("SENIOR_HOUSE_RESIDENTS", byCode.get(aino.code()).get("target_group"));
        assertEquals(measuring.series.id().toString(), byCode.get(aino.code()).get("series_id"));
        List<String> header = rows.get(0).getParser().getHeaderNames();
        assertTrue(header.stream().noneMatch(h -> h.startsWith("uwes")), "staff scales are not exported: " + header);
    }

    @Test
    void theLongShapeHasARowPerMeasurementAndVariable() {
        List<CSVRecord> rows = csv("long");
        List<CSVRecord> ainos = rows.stream().filter(r -> r.get("participant_code").equals(aino.code())).toList();
        // Two UCLA-3 measurements, each a score and three items.
        assertEquals(8, ainos.size());
        CSVRecord endScore = ainos.stream().filter(r -> r.get("time_point").equals("END")
                && r.get("kind").equals("score")).findFirst().orElseThrow();
        assertEquals("total", endScore.get("variable"));
        assertEquals("5", endScore.get("value"));
        assertEquals(measuring.lastSession().toString(), endScore.get("measured_on"));
        assertEquals("true", endScore.get("in_window"));
        assertEquals(3, ainos.stream().filter(r -> r.get("time_point").equals("END") && r.get("kind").equals("item"))
                .count());
    }

    @Test
    void theCodebookNamesEveryColumnAndEveryExportIsLogged() {
        List<String> wideHeader = csv("wide").get(0).getParser().getHeaderNames();
        List<String> described = csv("codebook").stream().map(r -> r.get("variable")).toList();
        assertTrue(described.containsAll(wideHeader), "codebook " + described + " covers " + wideHeader);
        csv("long");

        network.coordinator().get("/api/exports/log").then().statusCode(200)
                .body("items.findAll { it.actor == 'user-" + researcherSubject + "' }.kind",
                        equalTo(List.of("long", "codebook", "wide")))
                .body("items.find { it.actor == 'user-" + researcherSubject + "' }.filters",
                        equalTo("seriesId=" + measuring.series.id()));
        researcher().get("/api/exports/log").then().statusCode(403);
        assertEquals(3, network.count("select count(*) from export_log where actor_subject = ?", researcherSubject));
    }

    @Test
    void nobodyButResearchersAndCoordinatorsExports() {
        for (String role : List.of("org-admin", "artist", "care-professional", "viewer", "hospital-system")) {
            Network.as(TestTokens.token(role, network.alias)).get("/api/exports/wide").then().statusCode(403);
        }
        network.coordinator().queryParam("seriesId", measuring.series.id().toString()).get("/api/exports/wide").then()
                .statusCode(200);
        researcher().queryParam("measuredFrom", "last week").get("/api/exports/long").then().statusCode(422)
                .body("violations[0].field", equalTo("measuredFrom"));
    }
}
