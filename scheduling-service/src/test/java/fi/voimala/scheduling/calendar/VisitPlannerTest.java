package fi.voimala.scheduling.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Holiday dates as in {@link FinnishHolidaysTest} (Easter Sunday 2027 = 28 March, Finnish almanac). Daylight saving in
 * Finland (EU rule): it starts on the last Sunday of March (2027-03-28, 03:00 -> 04:00) and ends on the last Sunday of
 * October (2027-10-31, 04:00 -> 03:00); Helsinki is UTC+3 in summer and UTC+2 in winter.
 */
class VisitPlannerTest {

    private static final FinnishHolidays HOLIDAYS = new FinnishHolidays();
    private final VisitPlanner planner = new VisitPlanner(HOLIDAYS);

    private static Recurrence weekly(DayOfWeek day) {
        return new Recurrence(Frequency.WEEKLY, day, LocalTime.of(13, 0), 90);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static List<LocalDate> dates(Plan plan) {
        return plan.slots().stream().map(PlannedSlot::date).toList();
    }

    @Test
    void fridaySeriesSkipsGoodFridayAndMidsummerEveAndIsExtended() {
        Recurrence fridays = weekly(DayOfWeek.FRIDAY);

        Plan plan = planner.plan(fridays, date("2027-03-05"), 30, SlotCheck.alwaysFree());

        assertEquals(30, plan.slots().size());
        assertEquals(List.of(
                new SkippedDate(date("2027-03-26"), "public holiday: Good Friday"),
                new SkippedDate(date("2027-06-25"), "public holiday: Midsummer Eve")), plan.skipped());
        assertFalse(dates(plan).contains(date("2027-03-26")));
        // 30 Fridays without holidays would end 2027-09-24; two skipped Fridays push the end two weeks later.
        assertEquals(date("2027-09-24"), fridays.nthDate(date("2027-03-05"), 30));
        assertEquals(date("2027-10-08"), plan.lastDate());
        assertEquals(date("2027-03-19"), plan.slots().get(2).date());
        assertEquals(date("2027-04-02"), plan.slots().get(3).date());
        for (int i = 0; i < plan.slots().size(); i++) {
            PlannedSlot visit = plan.slots().get(i);
            assertEquals(i + 1, visit.ordinal());
            assertEquals(DayOfWeek.FRIDAY, visit.date().getDayOfWeek());
            assertEquals(90, visit.slot().duration().toMinutes());
        }
    }

    @Test
    void firstDateOffTheWeekdayStartsOnTheNextOne() {
        Plan plan = planner.plan(weekly(DayOfWeek.FRIDAY), date("2027-03-01"), 1, SlotCheck.alwaysFree());
        assertEquals(List.of(date("2027-03-05")), dates(plan));
    }

    @Test
    void localStartStaysAt13AcrossTheAutumnChange() {
        Plan plan = planner.plan(weekly(DayOfWeek.SUNDAY), date("2027-10-24"), 3, SlotCheck.alwaysFree());

        assertEquals(List.of(Instant.parse("2027-10-24T10:00:00Z"), // EEST, UTC+3
                        Instant.parse("2027-10-31T11:00:00Z"), // the change's own day: from 04:00 EET, UTC+2
                        Instant.parse("2027-11-07T11:00:00Z")),
                plan.slots().stream().map(visit -> visit.slot().start()).toList());
        assertEquals(Instant.parse("2027-10-31T12:30:00Z"), plan.slots().get(1).slot().end());
        plan.slots().forEach(visit -> assertEquals(LocalTime.of(13, 0), HelsinkiTime.localTime(visit.slot().start())));
    }

    @Test
    void localStartStaysAt13AcrossTheSpringChange() {
        Plan wednesdays = planner.plan(weekly(DayOfWeek.WEDNESDAY), date("2027-03-17"), 3, SlotCheck.alwaysFree());
        assertEquals(List.of(Instant.parse("2027-03-17T11:00:00Z"), Instant.parse("2027-03-24T11:00:00Z"),
                        Instant.parse("2027-03-31T10:00:00Z")),
                wednesdays.slots().stream().map(visit -> visit.slot().start()).toList());

        // The change's own Sunday is Easter Sunday 2027: a Sunday series skips it, but its slot would be 13:00 EEST.
        Plan sundays = planner.plan(weekly(DayOfWeek.SUNDAY), date("2027-03-21"), 2, SlotCheck.alwaysFree());
        assertEquals(List.of(date("2027-03-21"), date("2027-04-04")), dates(sundays));
        assertEquals(List.of(new SkippedDate(date("2027-03-28"), "public holiday: Easter")), sundays.skipped());
        assertEquals(Instant.parse("2027-03-28T10:00:00Z"),
                weekly(DayOfWeek.SUNDAY).slotOn(date("2027-03-28")).start());
    }

    @Test
    void aStartInTheSpringGapMovesForwardAnHour() {
        // 03:30 does not exist in Helsinki on 2027-03-28: java.time moves it to 04:30 EEST (01:30 UTC).
        Recurrence night = new Recurrence(Frequency.WEEKLY, DayOfWeek.SUNDAY, LocalTime.of(3, 30), 60);
        TimeSlot slot = night.slotOn(date("2027-03-28"));
        assertEquals(Instant.parse("2027-03-28T01:30:00Z"), slot.start());
        assertEquals(Instant.parse("2027-03-28T02:30:00Z"), slot.end());
        assertEquals(date("2027-03-28"), slot.localDate());
    }

    @Test
    void thursdaySeriesSkipsAscensionDay() {
        Plan plan = planner.plan(weekly(DayOfWeek.THURSDAY), date("2027-04-22"), 4, SlotCheck.alwaysFree());

        assertEquals(List.of(date("2027-04-22"), date("2027-04-29"), date("2027-05-13"), date("2027-05-20")), dates(plan));
        assertEquals(List.of(new SkippedDate(date("2027-05-06"), "public holiday: Ascension Day")), plan.skipped());
    }

    @Test
    void saturdaySeriesSkipsMidsummerDayAndAllSaintsDay() {
        Recurrence saturdays = weekly(DayOfWeek.SATURDAY);

        Plan plan = planner.plan(saturdays, date("2027-06-05"), 24, SlotCheck.alwaysFree());

        assertEquals(List.of(
                new SkippedDate(date("2027-06-26"), "public holiday: Midsummer Day"),
                new SkippedDate(date("2027-11-06"), "public holiday: All Saints")), plan.skipped());
        assertEquals(date("2027-11-13"), saturdays.nthDate(date("2027-06-05"), 24));
        assertEquals(date("2027-11-27"), plan.lastDate());
    }

    @Test
    void everyOtherWeekSeriesKeepsTheTwoWeekRhythmPastAHoliday() {
        Recurrence fortnightly = new Recurrence(Frequency.EVERY_OTHER_WEEK, DayOfWeek.MONDAY, LocalTime.of(9, 0), 60);

        Plan plan = planner.plan(fortnightly, date("2027-03-15"), 4, SlotCheck.alwaysFree());

        // Easter Monday 2027-03-29 is skipped; the next visit is two weeks on (04-12), not the off week's 04-05.
        assertEquals(List.of(date("2027-03-15"), date("2027-04-12"), date("2027-04-26"), date("2027-05-10")), dates(plan));
        assertEquals(List.of(new SkippedDate(date("2027-03-29"), "public holiday: Easter Monday")), plan.skipped());
        plan.slots().forEach(visit -> assertTrue(fortnightly.onRhythm(date("2027-03-15"), visit.date())));
        assertFalse(fortnightly.onRhythm(date("2027-03-15"), date("2027-04-05")), "the off week");
        assertFalse(fortnightly.onRhythm(date("2027-03-15"), date("2027-04-13")), "another weekday");
    }

    @Test
    void refusedSlotsAreSkippedWithTheirReason() {
        SlotCheck wardClosed = SlotCheck.refusing(List.of(date("2027-04-09")), "ward closed");
        Instant pairsOtherVisit = Instant.parse("2027-04-16T10:30:00Z"); // 13:30 in Helsinki, inside 13:00-14:30
        SlotCheck pairBusy = (date, slot) -> slot.contains(pairsOtherVisit) ? Optional.of("pair busy") : Optional.empty();

        Plan plan = planner.plan(weekly(DayOfWeek.FRIDAY), date("2027-03-19"), 5, wardClosed.and(pairBusy));

        assertEquals(List.of(date("2027-03-19"), date("2027-04-02"), date("2027-04-23"), date("2027-04-30"),
                date("2027-05-07")), dates(plan));
        assertEquals(List.of(
                new SkippedDate(date("2027-03-26"), "public holiday: Good Friday"),
                new SkippedDate(date("2027-04-09"), "ward closed"),
                new SkippedDate(date("2027-04-16"), "pair busy")), plan.skipped());
    }

    @Test
    void holidaysAreReportedAsSuchEvenWhenTheCheckWouldRefuseToo() {
        SlotCheck wardClosed = SlotCheck.refusing(List.of(date("2027-03-26")), "ward closed");
        Plan plan = planner.plan(weekly(DayOfWeek.FRIDAY), date("2027-03-26"), 1, wardClosed);
        assertEquals(List.of(new SkippedDate(date("2027-03-26"), "public holiday: Good Friday")), plan.skipped());
    }

    @Test
    void impossiblePlansThrow() {
        SlotCheck alwaysClosed = (date, slot) -> Optional.of("ward closed");
        NoFreeSlotException failure = assertThrows(NoFreeSlotException.class,
                () -> planner.plan(weekly(DayOfWeek.FRIDAY), date("2027-03-05"), 15, alwaysClosed));
        assertTrue(failure.getMessage().contains("only 0 of 15 visits"), failure.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> planner.plan(weekly(DayOfWeek.FRIDAY), date("2027-03-05"), 0, SlotCheck.alwaysFree()));
    }

    @Test
    void nextFreeSlotSkipsHolidaysAndRefusals() {
        Recurrence fridays = weekly(DayOfWeek.FRIDAY);
        LocalDate anchor = date("2027-03-05");

        // The ward closes over the visit of 03-19: the next Friday is Good Friday, so 04-02.
        Optional<PlannedSlot> moved = planner.nextFreeSlot(fridays, anchor, date("2027-03-19"), date("2027-05-01"), 3,
                SlotCheck.alwaysFree());
        assertEquals(Optional.of(new PlannedSlot(3, date("2027-04-02"), fridays.slotOn(date("2027-04-02")))), moved);

        SlotCheck taken = SlotCheck.refusing(List.of(date("2027-04-02"), date("2027-04-09")), "series visit");
        assertEquals(date("2027-04-16"), planner.nextFreeSlot(fridays, anchor, date("2027-03-19"), date("2027-05-01"), 3,
                taken).orElseThrow().date());
    }

    @Test
    void nextFreeSlotMovesAVisitPastTheSeriesOwnVisitsWithinTheGrace() {
        Recurrence fridays = weekly(DayOfWeek.FRIDAY);
        Plan plan = planner.plan(fridays, date("2027-03-05"), 30, SlotCheck.alwaysFree());
        PlannedSlot closed = plan.slots().get(2); // 2027-03-19
        List<LocalDate> others = dates(plan).stream().filter(day -> !day.equals(closed.date())).toList();
        LocalDate latest = plan.lastDate().plusWeeks(2); // planned end + two weeks' grace

        Optional<PlannedSlot> moved = planner.nextFreeSlot(fridays, date("2027-03-05"), closed.date(), latest,
                closed.ordinal(), SlotCheck.refusing(others, "series visit"));

        // Every Friday up to the planned end 10-08 is a visit or a holiday: the first free one is 10-15.
        assertEquals(date("2027-10-15"), moved.orElseThrow().date());
        assertEquals(3, moved.orElseThrow().ordinal());
    }

    @Test
    void nextFreeSlotKeepsAnEveryOtherWeekRhythm() {
        Recurrence fortnightly = new Recurrence(Frequency.EVERY_OTHER_WEEK, DayOfWeek.TUESDAY, LocalTime.of(10, 0), 45);
        LocalDate anchor = date("2027-03-02");

        // After a Saturday in an off week, the next rhythm date is 03-30, not 03-23.
        assertEquals(date("2027-03-30"), planner.nextFreeSlot(fortnightly, anchor, date("2027-03-20"), date("2027-06-01"),
                2, SlotCheck.alwaysFree()).orElseThrow().date());
        // Strictly after: from a rhythm date itself, the next one.
        assertEquals(date("2027-03-16"), planner.nextFreeSlot(fortnightly, anchor, date("2027-03-02"), date("2027-06-01"),
                2, SlotCheck.alwaysFree()).orElseThrow().date());
        // Before the series begins, its first date.
        assertEquals(anchor, planner.nextFreeSlot(fortnightly, anchor, date("2027-02-01"), date("2027-06-01"), 1,
                SlotCheck.alwaysFree()).orElseThrow().date());
    }

    @Test
    void nextFreeSlotIsEmptyPastLatest() {
        Recurrence fridays = weekly(DayOfWeek.FRIDAY);
        LocalDate anchor = date("2027-03-05");

        // 03-26 is Good Friday and 04-02 is past latest.
        assertEquals(Optional.empty(), planner.nextFreeSlot(fridays, anchor, date("2027-03-19"), date("2027-04-01"), 3,
                SlotCheck.alwaysFree()));
        // latest itself may be used.
        assertEquals(date("2027-04-02"), planner.nextFreeSlot(fridays, anchor, date("2027-03-19"), date("2027-04-02"), 3,
                SlotCheck.alwaysFree()).orElseThrow().date());
        assertEquals(Optional.empty(), planner.nextFreeSlot(fridays, anchor, date("2027-03-19"), date("2027-05-01"), 3,
                (date, slot) -> Optional.of("ward closed")));
    }

    @Test
    void timeSlotsAreHalfOpen() {
        TimeSlot first = new TimeSlot(Instant.parse("2027-05-07T10:00:00Z"), Instant.parse("2027-05-07T11:30:00Z"));
        TimeSlot backToBack = new TimeSlot(Instant.parse("2027-05-07T11:30:00Z"), Instant.parse("2027-05-07T12:00:00Z"));
        TimeSlot overlapping = new TimeSlot(Instant.parse("2027-05-07T11:00:00Z"), Instant.parse("2027-05-07T12:00:00Z"));

        assertFalse(first.overlaps(backToBack));
        assertTrue(first.overlaps(overlapping) && overlapping.overlaps(first));
        assertTrue(first.contains(first.start()));
        assertFalse(first.contains(first.end()));
        TimeSlot openingHours = new TimeSlot(Instant.parse("2027-05-07T05:00:00Z"), Instant.parse("2027-05-07T15:00:00Z"));
        assertTrue(openingHours.contains(first));
        assertFalse(first.contains(openingHours));
        assertThrows(IllegalArgumentException.class, () -> new TimeSlot(first.end(), first.start()));
        // 23:30 UTC on 6 May is 02:30 on 7 May in Helsinki.
        TimeSlot lateUtc = TimeSlot.of(Instant.parse("2027-05-06T23:30:00Z"), Duration.ofHours(1));
        assertEquals(date("2027-05-07"), lateUtc.localDate());
    }

    @Test
    void todayIsTheDateInHelsinki() {
        // 22:30 UTC on 31 December is already New Year's Day in Helsinki (UTC+2).
        Clock clock = Clock.fixed(Instant.parse("2027-12-31T22:30:00Z"), ZoneOffset.UTC);
        assertEquals(date("2028-01-01"), HelsinkiTime.today(clock));
        assertEquals(7, ChronoUnit.DAYS.between(date("2027-03-05"), weekly(DayOfWeek.FRIDAY).next(date("2027-03-05"))));
    }
}
