package fi.voimala.scheduling.availability.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.problem.Problem;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.scheduling.availability.Availability;
import fi.voimala.scheduling.availability.UnreadableBodyMapper;
import fi.voimala.scheduling.availability.WardStatement;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FHIR R4 Slots as a hospital's system sends them (plain JUnit). The JSON is written by hand after the R4 Slot and
 * Bundle pages (http://hl7.org/fhir/R4/slot.html, http://hl7.org/fhir/R4/bundle.html): Slot.schedule, status, start
 * and end are required (1..1), start and end are instants with a time zone, status is one of busy, free,
 * busy-unavailable, busy-tentative, entered-in-error. Finland is UTC+2 in winter and UTC+3 in summer (EU summer time,
 * 28 March to 31 October in 2027); the offsets are written out, so the UTC instants expected are plain arithmetic.
 * The hospital and its code systems (sairaala.example) are made up.
 */
class FhirSlotsTest {

    private static final String FREE_SLOT = """
            {
              "resourceType": "Slot",
              "id": "k5-20270301-1",
              "identifier": [
                { "system": "https://sairaala.example/fhir/slot-id", "value": "K5-20270301-1" }
              ],
              "serviceType": [ { "text": "Group activity in the day room" } ],
              "schedule": {
                "identifier": { "system": "https://sairaala.example/fhir/ward-code", "value": "K5" },
                "display": "Ward K5, internal medicine"
              },
              "status": "free",
              "start": "2027-03-01T10:00:00+02:00",
              "end": "2027-03-01T12:30:00+02:00",
              "comment": "Day room free; at most 8 patients"
            }
            """;

    /** A Slot of ward {@code wardCode} as a Bundle entry's resource; {@code schedule} is the whole schedule element. */
    private static String slot(String schedule, String status, String start, String end, String comment) {
        return """
                {
                  "resourceType": "Slot",
                  %s
                  "status": "%s",
                  "start": "%s",
                  "end": "%s"%s
                }""".formatted(schedule == null ? "" : "\"schedule\": " + schedule + ",", status, start, end,
                comment == null ? "" : ",\n  \"comment\": \"" + comment + "\"");
    }

    private static String ward(String wardCode) {
        return "{ \"identifier\": { \"system\": \"https://sairaala.example/fhir/ward-code\", \"value\": \"" + wardCode + "\" } }";
    }

    /** A transaction Bundle creating each Slot, as a hospital's integration engine posts it. */
    private static String transaction(String... slots) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < slots.length; i++) {
            entries.append(i == 0 ? "" : ",\n").append("""
                    {
                      "fullUrl": "urn:uuid:5b1a2c3d-0000-4000-8000-00000000000%d",
                      "resource": %s,
                      "request": { "method": "POST", "url": "Slot" }
                    }""".formatted(i, slots[i]));
        }
        return """
                {
                  "resourceType": "Bundle",
                  "type": "transaction",
                  "entry": [
                %s
                  ]
                }""".formatted(entries);
    }

    @Test
    void aFreeSlotMakesTheWardAvailable() {
        List<WardStatement> statements = FhirSlots.parse(FREE_SLOT);

        assertEquals(List.of(new WardStatement("K5", Instant.parse("2027-03-01T08:00:00Z"),
                Instant.parse("2027-03-01T10:30:00Z"), Availability.AVAILABLE, "Day room free; at most 8 patients")),
                statements);
    }

    @Test
    void aTransactionBundleOfThreeSlotsGivesThreeStatementsInOrder() {
        String bundle = transaction(
                slot(ward("K5"), "free", "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", null),
                slot(ward("K6"), "busy-unavailable", "2027-03-28T00:00:00+02:00", "2027-04-04T00:00:00+03:00",
                        "Norovirus: infection isolation"),
                slot(ward("OYS 3A"), "free", "2027-06-15T13:00:00+03:00", "2027-06-15T15:00:00+03:00", null));

        List<WardStatement> statements = FhirSlots.parse(bundle);

        assertEquals(List.of(
                new WardStatement("K5", Instant.parse("2027-03-01T08:00:00Z"), Instant.parse("2027-03-01T10:00:00Z"),
                        Availability.AVAILABLE, null),
                // Summer time began on 28 March 2027 at 03:00 local time: midnight was still +02:00, 4 April is +03:00.
                new WardStatement("K6", Instant.parse("2027-03-27T22:00:00Z"), Instant.parse("2027-04-03T21:00:00Z"),
                        Availability.UNAVAILABLE, "Norovirus: infection isolation"),
                new WardStatement("OYS 3A", Instant.parse("2027-06-15T10:00:00Z"), Instant.parse("2027-06-15T12:00:00Z"),
                        Availability.AVAILABLE, null)),
                statements);
    }

    @Test
    void aCollectionBundleIsReadAlike() {
        String bundle = """
                {
                  "resourceType": "Bundle",
                  "id": "ward-availability-20270301",
                  "type": "collection",
                  "timestamp": "2027-02-20T09:15:00+02:00",
                  "entry": [
                    { "fullUrl": "https://sairaala.example/fhir/Slot/k5-20270301-1", "resource": %s }
                  ]
                }""".formatted(FREE_SLOT);

        assertEquals(List.of("K5"), FhirSlots.parse(bundle).stream().map(WardStatement::wardCode).toList());
    }

    @Test
    void aBusyUnavailableSlotMakesTheWardUnavailable() {
        String isolation = slot(ward("K6"), "busy-unavailable", "2027-03-02T00:00:00+02:00", "2027-03-09T00:00:00+02:00",
                "Infection isolation");

        WardStatement statement = FhirSlots.parse(isolation).get(0);

        assertEquals(Availability.UNAVAILABLE, statement.state());
        assertEquals("Infection isolation", statement.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"busy", "busy-tentative"})
    void busyTimeIsNotFreeForGroupActivity(String status) {
        String slot = slot(ward("K6"), status, "2027-03-02T10:00:00+02:00", "2027-03-02T11:00:00+02:00", null);

        assertEquals(Availability.UNAVAILABLE, FhirSlots.parse(slot).get(0).state());
    }

    @Test
    void aSlotWithoutTheWardsIdentifierIsRefusedByItsPathInTheBundle() {
        String bundle = transaction(
                slot(ward("K5"), "free", "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", null),
                // A literal reference only: our server cannot resolve the hospital's Schedule ids.
                slot("{ \"reference\": \"Schedule/ward-k6\" }", "free", "2027-03-01T10:00:00+02:00",
                        "2027-03-01T12:00:00+02:00", null));

        RuleViolationException e = assertThrows(RuleViolationException.class, () -> FhirSlots.parse(bundle));

        assertEquals(List.of("entry[1].resource.schedule.identifier.value not-blank"), fieldsAndRules(e));
    }

    @Test
    void anEndBeforeTheStartIsRefusedOnEnd() {
        String slot = slot(ward("K5"), "free", "2027-03-01T12:00:00+02:00", "2027-03-01T10:00:00+02:00", null);

        RuleViolationException e = assertThrows(RuleViolationException.class, () -> FhirSlots.parse(slot));

        assertEquals(List.of("end after-from"), fieldsAndRules(e));
        assertTrue(e.violations().get(0).message().contains("after start"), e.violations().get(0).message());
    }

    @Test
    void everyBrokenRuleOfABundleIsReportedTogether() {
        String bundle = transaction(
                slot(ward("K5"), "free", "2027-03-01T12:00:00+02:00", "2027-03-01T10:00:00+02:00", null),
                slot(ward("K5/6"), "entered-in-error", "2027-03-01T10:00:00+02:00", "2028-03-02T10:00:00+02:00", null),
                """
                { "resourceType": "Patient", "id": "p1", "name": [ { "family": "Virtanen", "given": [ "Aino" ] } ] }""");

        RuleViolationException e = assertThrows(RuleViolationException.class, () -> FhirSlots.parse(bundle));

        assertEquals(List.of("entry[0].resource.end after-from", "entry[1].resource.schedule.identifier.value pattern",
                "entry[1].resource.end max-length", "entry[1].resource.status entered-in-error",
                "entry[2].resource.resourceType resource-type"), fieldsAndRules(e));
    }

    @Test
    void aPatientIsNotASlot() {
        String patient = """
                {
                  "resourceType": "Patient",
                  "id": "p1",
                  "name": [ { "family": "Virtanen", "given": [ "Aino" ] } ]
                }""";

        RuleViolationException e = assertThrows(RuleViolationException.class, () -> FhirSlots.parse(patient));

        assertEquals(List.of("resourceType resource-type"), fieldsAndRules(e));
        assertTrue(e.violations().get(0).message().endsWith("not Patient"), e.violations().get(0).message());
    }

    @Test
    void anEmptyBundleStatesNothing() {
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> FhirSlots.parse("{ \"resourceType\": \"Bundle\", \"type\": \"collection\" }"));
        assertEquals(List.of("entry not-empty"), fieldsAndRules(e));
    }

    @Test
    void malformedJsonIsUnreadableWithItsLineAndColumn() {
        String broken = FREE_SLOT.replace("\"status\": \"free\",", "\"status\": free,");

        UnreadableFhirException e = assertThrows(UnreadableFhirException.class, () -> FhirSlots.parse(broken));

        assertEquals("json-syntax", e.violation().rule());
        assertNull(e.violation().field());
        // "status" is on line 12 of FREE_SLOT.
        assertTrue(e.getMessage().contains("line 12"), e.getMessage());
        assertEquals(400, e.problem().status());
        assertEquals(Problem.TYPE_BASE + "unreadable-input", e.problem().type());
    }

    @Test
    void aTruncatedBodyIsUnreadable() {
        UnreadableFhirException e = assertThrows(UnreadableFhirException.class,
                () -> FhirSlots.parse(FREE_SLOT.substring(0, FREE_SLOT.indexOf("\"status\""))));
        assertEquals("json-syntax", e.violation().rule());
    }

    @Test
    void aRepeatedElementIsUnreadable() {
        String twice = FREE_SLOT.replace("\"status\": \"free\",", "\"status\": \"free\",\n  \"status\": \"busy\",");

        UnreadableFhirException e = assertThrows(UnreadableFhirException.class, () -> FhirSlots.parse(twice));

        assertEquals("json-syntax", e.violation().rule());
        assertTrue(e.getMessage().contains("status"), e.getMessage());
    }

    @Test
    void anElementSlotDoesNotHaveIsUnreadableNotIgnored() {
        // "note" is not an element of Slot (its free text is "comment").
        String unknown = FREE_SLOT.replace("\"comment\"", "\"note\"");

        UnreadableFhirException e = assertThrows(UnreadableFhirException.class, () -> FhirSlots.parse(unknown));

        assertEquals("unknown-field", e.violation().rule());
        assertTrue(e.getMessage().contains("'note'"), e.getMessage());
        assertEquals(400, e.problem().status());
    }

    @Test
    void anUnknownStatusCodeIsUnreadable() {
        String open = slot(ward("K5"), "open", "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", null);

        UnreadableFhirException e = assertThrows(UnreadableFhirException.class, () -> FhirSlots.parse(open));

        assertEquals("format", e.violation().rule());
        assertTrue(e.getMessage().contains("open"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-03-01T10:00:00", "2027-03-01"})
    void aStartWithoutTimeZoneIsUnreadableRatherThanGuessed(String start) {
        String bundle = transaction(slot(ward("K5"), "free", start, "2027-03-01T12:00:00+02:00", null));

        UnreadableFhirException e = assertThrows(UnreadableFhirException.class, () -> FhirSlots.parse(bundle));

        assertEquals("entry[0].resource.start", e.violation().field());
        assertEquals("format", e.violation().rule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Slot K5 free", "[]", "{ \"id\": \"k5\" }", "{} {}"})
    void aBodyThatIsNotOneFhirResourceIsUnreadable(String body) {
        UnreadableFhirException e = assertThrows(UnreadableFhirException.class, () -> FhirSlots.parse(body));
        assertEquals(400, e.problem().status());
    }

    @Test
    void theMapperAnswersProblemJson() {
        UnreadableFhirException e = new UnreadableFhirException(null, "json-syntax", "the body is not valid JSON");

        Response response = new UnreadableBodyMapper().unreadableBody(e);

        assertEquals(400, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("json-syntax", problem.violations().get(0).rule());
    }

    private static List<String> fieldsAndRules(RuleViolationException e) {
        return e.violations().stream().map(v -> v.field() + " " + v.rule()).toList();
    }
}
