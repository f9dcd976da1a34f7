package fi.voimala.scheduling.calendar;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places a series' visits on its rhythm. Pure and deterministic: the same rhythm, holidays and check give the same
 * plan. Holidays are skipped and the series extended rather than shortened, so the group gets all its workshops.
 */
@Singleton
public class VisitPlanner {

    /** Beyond the count, how many rhythm dates may be skipped before we give up: about a year of weekly dates. */
    static final int EXTRA_STEPS = 52;

    private final FinnishHolidays holidays;

    public VisitPlanner(FinnishHolidays holidays) {
        this.holidays = holidays;
    }

    /**
     * The first {@code count} usable dates of the rhythm from {@code firstDate} (moved to the series' weekday if it is
     * not one), numbered 1..count. Bounded at {@code count * 4 + 52} rhythm dates so that a check refusing everything
     * fails instead of walking forever.
     *
     * @throws NoFreeSlotException when the bound is reached before all visits are placed
     */
    public Plan plan(Recurrence recurrence, LocalDate firstDate, int count, SlotCheck check) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        List<PlannedSlot> slots = new ArrayList<>(count);
        List<SkippedDate> skipped = new ArrayList<>();
        int maxSteps = count * 4 + EXTRA_STEPS;
        LocalDate date = recurrence.firstOnOrAfter(firstDate);
        for (int step = 0; step < maxSteps && slots.size() < count; step++, date = recurrence.next(date)) {
            TimeSlot slot = recurrence.slotOn(date);
            Optional<String> reason = unusable(date, slot, check);
            if (reason.isPresent()) {
                skipped.add(new SkippedDate(date, reason.get()));
            } else {
                slots.add(new PlannedSlot(slots.size() + 1, date, slot));
            }
        }
        if (slots.size() < count) {
            throw new NoFreeSlotException("only " + slots.size() + " of " + count + " visits found a slot in "
                    + maxSteps + " rhythm dates from " + recurrence.firstOnOrAfter(firstDate) + "; " + skipped.size()
                    + " dates were skipped");
        }
        return new Plan(slots, skipped);
    }

    /**
     * Where a visit moves when its date can no longer be used: the first date of the series' rhythm (anchored at the
     * series' first date {@code anchor}) strictly after {@code after} and not after {@code latest} (the planned end plus
     * a grace) that is not a holiday and that the check accepts. The check should refuse the dates the series' other
     * visits hold. The moved visit keeps its number, {@code ordinal}.
     *
     * @return empty when no such date exists before {@code latest}
     */
    public Optional<PlannedSlot> nextFreeSlot(Recurrence recurrence, LocalDate anchor, LocalDate after, LocalDate latest,
            int ordinal, SlotCheck check) {
        for (LocalDate date = firstRhythmDateAfter(recurrence, anchor, after); !date.isAfter(latest);
                date = recurrence.next(date)) {
            TimeSlot slot = recurrence.slotOn(date);
            if (unusable(date, slot, check).isEmpty()) {
                return Optional.of(new PlannedSlot(ordinal, date, slot));
            }
        }
        return Optional.empty();
    }

    private Optional<String> unusable(LocalDate date, TimeSlot slot, SlotCheck check) {
        Optional<String> holiday = holidays.holidayName(date).map(name -> "public holiday: " + name);
        return holiday.isPresent() ? holiday : check.unusable(date, slot);
    }

    private static LocalDate firstRhythmDateAfter(Recurrence recurrence, LocalDate anchor, LocalDate after) {
        LocalDate start = recurrence.firstOnOrAfter(anchor);
        if (after.isBefore(start)) {
            return start;
        }
        long intervals = ChronoUnit.DAYS.between(start, after) / recurrence.intervalDays() + 1;
        return start.plusDays(intervals * recurrence.intervalDays());
    }
}
