package fi.voimala.scheduling.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A series' rhythm: every week or every other week on one weekday, at one Helsinki wall-clock time. The local time
 * stays the same across daylight-saving changes (13:00 is 10:00 UTC in summer, 11:00 UTC in winter).
 */
public record Recurrence(Frequency frequency, DayOfWeek weekday, LocalTime startTime, int durationMinutes) {

    public Recurrence {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(weekday, "weekday");
        Objects.requireNonNull(startTime, "startTime");
        if (durationMinutes <= 0 || durationMinutes > 24 * 60) {
            throw new IllegalArgumentException("durationMinutes must be 1..1440, was " + durationMinutes);
        }
    }

    public int intervalDays() {
        return frequency.days();
    }

    /** The first date on the series' weekday on or after the given one: where a series asked to start then begins. */
    public LocalDate firstOnOrAfter(LocalDate date) {
        return date.with(TemporalAdjusters.nextOrSame(weekday));
    }

    public LocalDate next(LocalDate date) {
        return date.plusDays(intervalDays());
    }

    /**
     * The series' time on the date: it starts at {@code startTime} in Helsinki. A start time in the spring gap
     * (03:00–03:59 on the last Sunday of March does not exist) moves forward an hour; an ambiguous autumn time
     * takes the summer offset; both as {@link java.time.ZonedDateTime#of} does.
     */
    public TimeSlot slotOn(LocalDate date) {
        return TimeSlot.of(HelsinkiTime.toInstant(date, startTime), Duration.ofMinutes(durationMinutes));
    }

    /**
     * Whether the candidate keeps the rhythm of a series anchored at {@code anchor} (its first date): the same weekday
     * and a whole number of intervals away, so an every-other-week series does not slip into the off weeks.
     */
    public boolean onRhythm(LocalDate anchor, LocalDate candidate) {
        return candidate.getDayOfWeek() == weekday
                && Math.floorMod(ChronoUnit.DAYS.between(firstOnOrAfter(anchor), candidate), intervalDays()) == 0;
    }

    /**
     * The n-th (1-based) date of the rhythm from {@code firstDate}, skipping nothing: where a series of n visits would
     * end without holidays.
     */
    public LocalDate nthDate(LocalDate firstDate, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n is 1-based, was " + n);
        }
        return firstOnOrAfter(firstDate).plusDays((long) (n - 1) * intervalDays());
    }
}
