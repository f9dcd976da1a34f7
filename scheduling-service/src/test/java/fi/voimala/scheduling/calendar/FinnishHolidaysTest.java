package fi.voimala.scheduling.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.scheduling.calendar.FinnishHolidays.Holiday;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Dates from the Finnish calendar for 2027. Easter Sunday 2027 is 28 March (Gregorian computus; the Finnish almanac of
 * the University of Helsinki Almanac Office). The Holiday Act and the Church Act place the moving days: Good Friday and
 * Easter Monday around Easter, Ascension Day = Easter + 39 days, Whit Sunday = Easter + 49 days, Midsummer Day = the
 * Saturday between 20 and 26 June (its Eve the Friday before), All Saints' Day = the Saturday between 31 October and
 * 6 November.
 */
class FinnishHolidaysTest {

    private final FinnishHolidays holidays = new FinnishHolidays();

    @Test
    void easterHolidays2027() {
        assertHoliday("2027-03-26", "Good Friday");
        assertHoliday("2027-03-28", "Easter");
        assertHoliday("2027-03-29", "Easter Monday");
        assertFalse(holidays.isHoliday(LocalDate.parse("2027-03-25")), "Maundy Thursday is a working day");
        assertFalse(holidays.isHoliday(LocalDate.parse("2027-03-27")), "Easter Saturday is not a holiday");
    }

    @Test
    void ascensionAndWhitSunday2027() {
        assertHoliday("2027-05-06", "Ascension Day"); // Thursday, 28 March + 39 days
        assertHoliday("2027-05-16", "Whit Sunday"); // 28 March + 49 days; Jollyday lists it for Åland only, we add it
    }

    @Test
    void midsummer2027() {
        assertHoliday("2027-06-26", "Midsummer Day"); // the Saturday between 20 and 26 June
        // Not a holiday under the Holiday Act, but a day off in Finnish working life: no workshop.
        assertHoliday("2027-06-25", "Midsummer Eve");
        assertFalse(holidays.isHoliday(LocalDate.parse("2027-06-24")));
    }

    @Test
    void allSaintsDay2027() {
        assertHoliday("2027-11-06", "All Saints"); // the Saturday between 31 October and 6 November
        assertFalse(holidays.isHoliday(LocalDate.parse("2027-11-01")), "not the Western 1 November");
    }

    @Test
    void fixedHolidays() {
        assertHoliday("2027-01-01", "New Year's Day");
        assertHoliday("2027-01-06", "Epiphany");
        assertHoliday("2027-05-01", "Labour day");
        assertHoliday("2027-12-06", "Independence Day");
        assertHoliday("2027-12-24", "Christmas Eve"); // a day off in working life, like Midsummer Eve
        assertHoliday("2027-12-25", "Christmas");
        assertHoliday("2027-12-26", "St.Stephen's Day");
        assertHoliday("2028-12-06", "Independence Day");
    }

    @Test
    void ordinaryDaysAreNotHolidays() {
        for (String day : List.of("2027-03-05", "2027-04-30", "2027-06-19", "2027-12-23", "2027-12-31")) {
            assertFalse(holidays.isHoliday(LocalDate.parse(day)), day);
            assertEquals(Optional.empty(), holidays.holidayName(LocalDate.parse(day)), day);
        }
    }

    @Test
    void allNoWorkshopDaysOf2027InOrder() {
        List<LocalDate> dates = holidays.between(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31")).stream()
                .map(Holiday::date).toList();
        assertEquals(List.of("2027-01-01", "2027-01-06", "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-01",
                "2027-05-06", "2027-05-16", "2027-06-25", "2027-06-26", "2027-11-06", "2027-12-06", "2027-12-24",
                "2027-12-25", "2027-12-26").stream().map(LocalDate::parse).toList(), dates);
    }

    @Test
    void betweenSpansYearsAndIncludesBothEnds() {
        assertEquals(List.of(
                        new Holiday(LocalDate.parse("2027-12-26"), "St.Stephen's Day"),
                        new Holiday(LocalDate.parse("2028-01-01"), "New Year's Day"),
                        new Holiday(LocalDate.parse("2028-01-06"), "Epiphany")),
                holidays.between(LocalDate.parse("2027-12-26"), LocalDate.parse("2028-01-06")));
    }

    private void assertHoliday(String day, String name) {
        LocalDate date = LocalDate.parse(day);
        assertTrue(holidays.isHoliday(date), day + " should be a holiday");
        assertEquals(Optional.of(name), holidays.holidayName(date), day);
    }
}
