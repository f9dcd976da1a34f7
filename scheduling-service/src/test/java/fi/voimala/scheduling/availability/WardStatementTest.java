package fi.voimala.scheduling.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.WardStatementRequest;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.WardStatementsRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON door's rules (plain JUnit): every broken rule of a request is reported in one 422, each named by its JSON
 * path. Times are Finnish: UTC+2 in winter, UTC+3 in summer (EU summer time, last Sunday of March to last Sunday of
 * October); the offsets are written out, so the expected UTC instants are plain arithmetic.
 */
class WardStatementTest {

    private static WardStatementRequest request(String wardCode, String from, String to, Availability state, String reason) {
        return new WardStatementRequest(wardCode, from == null ? null : OffsetDateTime.parse(from),
                to == null ? null : OffsetDateTime.parse(to), state, reason);
    }

    @Test
    void aValidStatementBecomesInstants() {
        WardStatement statement = WardStatement.validated(request("K5", "2027-03-01T10:00:00+02:00",
                "2027-03-01T12:00:00+02:00", Availability.UNAVAILABLE, "Norovirus isolation"));

        assertEquals(new WardStatement("K5", Instant.parse("2027-03-01T08:00:00Z"), Instant.parse("2027-03-01T10:00:00Z"),
                Availability.UNAVAILABLE, "Norovirus isolation"), statement);
    }

    @Test
    void everyBrokenRuleOfOneStatementIsReportedTogether() {
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> WardStatement.validated(request(
                "K5/2", "2027-03-01T12:00:00+02:00", "2027-03-01T10:00:00+02:00", null, "x".repeat(501))));

        assertEquals(List.of("wardCode pattern", "to after-from", "state not-null", "reason size"), fieldsAndRules(e));
        assertTrue(e.violations().get(1).message().contains("after from"), e.violations().get(1).message());
    }

    @Test
    void missingValuesAreNamed() {
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> WardStatement.validated(request(" ", null, null, null, null)));

        assertEquals(List.of("wardCode not-blank", "from not-null", "to not-null", "state not-null"), fieldsAndRules(e));
    }

    @Test
    void aWindowOfTheSameStartAndEndIsNotAfterItsStart() {
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> WardStatement.validated(request(
                "K5", "2027-03-01T10:00:00+02:00", "2027-03-01T08:00:00Z", Availability.AVAILABLE, null)));

        assertEquals(List.of("to after-from"), fieldsAndRules(e));
    }

    @Test
    void aWindowMayBe366DaysLongButNoLonger() {
        // 2028 is a leap year (divisible by 4, not by 100): 1 January 2028 to 1 January 2029 is 366 days.
        WardStatement leapYear = WardStatement.validated(request("K5", "2028-01-01T00:00:00+02:00",
                "2029-01-01T00:00:00+02:00", Availability.AVAILABLE, null));
        assertEquals(Instant.parse("2028-12-31T22:00:00Z"), leapYear.to());

        RuleViolationException e = assertThrows(RuleViolationException.class, () -> WardStatement.validated(request(
                "K5", "2028-01-01T00:00:00+02:00", "2029-01-01T00:00:01+02:00", Availability.AVAILABLE, null)));
        assertEquals(List.of("to max-length"), fieldsAndRules(e));
    }

    @ParameterizedTest
    @ValueSource(strings = {"K5", "3A", "OYS K5", "kir.os_2-B", "A23456789012345678901234567890"})
    void wardCodesThatPartnersServiceAcceptsAreAccepted(String wardCode) {
        WardStatement statement = WardStatement.validated(request(wardCode, "2027-03-01T10:00:00+02:00",
                "2027-03-01T12:00:00+02:00", Availability.AVAILABLE, null));
        assertEquals(wardCode, statement.wardCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-K5", " K5", "K5/2", "Äitiys 1", "K5\n"})
    void otherWardCodesBreakThePattern(String wardCode) {
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> WardStatement.validated(request(
                wardCode, "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", Availability.AVAILABLE, null)));
        assertEquals(List.of("wardCode pattern"), fieldsAndRules(e));
    }

    @Test
    void aWardCodeOf31CharactersIsTooLong() {
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> WardStatement.validated(request(
                "A".repeat(31), "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", Availability.AVAILABLE, null)));
        assertEquals(List.of("wardCode size"), fieldsAndRules(e));
    }

    @Test
    void aListIsAcceptedWholeInItsOrder() {
        List<WardStatement> statements = WardStatement.validated(new WardStatementsRequest(List.of(
                request("K5", "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", Availability.AVAILABLE, null),
                request("K6", "2027-06-14T08:00:00+03:00", "2027-06-28T08:00:00+03:00", Availability.UNAVAILABLE,
                        "Renovation"))));

        assertEquals(List.of("K5", "K6"), statements.stream().map(WardStatement::wardCode).toList());
        assertEquals(Instant.parse("2027-06-14T05:00:00Z"), statements.get(1).from());
    }

    @Test
    void theViolationsOfAllStatementsOfAListAreReportedTogetherByTheirPaths() {
        List<WardStatementRequest> statements = new ArrayList<>();
        statements.add(request("K5", "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00", Availability.AVAILABLE, null));
        statements.add(request("K6", "2027-03-01T10:00:00+02:00", "2027-03-01T10:00:00+02:00", Availability.AVAILABLE, null));
        statements.add(null);
        statements.add(request("", "2027-03-01T10:00:00+02:00", "2028-03-02T10:00:00+02:00", Availability.AVAILABLE, null));

        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> WardStatement.validated(new WardStatementsRequest(statements)));

        assertEquals(List.of("statements[1].to after-from", "statements[2] not-null", "statements[3].wardCode not-blank",
                "statements[3].to max-length"), fieldsAndRules(e));
    }

    @Test
    void anEmptyListOrOneOfMoreThan500IsRefused() {
        RuleViolationException empty = assertThrows(RuleViolationException.class,
                () -> WardStatement.validated(new WardStatementsRequest(List.of())));
        assertEquals(List.of("statements not-empty"), fieldsAndRules(empty));

        WardStatementRequest one = request("K5", "2027-03-01T10:00:00+02:00", "2027-03-01T12:00:00+02:00",
                Availability.AVAILABLE, null);
        RuleViolationException tooMany = assertThrows(RuleViolationException.class,
                () -> WardStatement.validated(new WardStatementsRequest(Collections.nCopies(501, one))));
        assertEquals(List.of("statements size"), fieldsAndRules(tooMany));
        assertEquals(500, WardStatement.validated(new WardStatementsRequest(Collections.nCopies(500, one))).size());
    }

    static List<String> fieldsAndRules(RuleViolationException e) {
        return e.violations().stream().map(WardStatementTest::fieldAndRule).toList();
    }

    private static String fieldAndRule(Violation v) {
        return v.field() + " " + v.rule();
    }
}
