package fi.voimala.scheduling.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Workshops happen in Finland: their dates and clock times are Helsinki's; instants are stored in UTC. */
public final class HelsinkiTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    private HelsinkiTime() {
    }

    /** "Today" in Finland. */
    public static LocalDate today() {
        return today(Clock.systemUTC());
    }

    /** An instant as people read it in messages: "Tue 2027-03-30 13:00 (Helsinki)". */
    public static String describe(Instant instant) {
        return DESCRIBED.format(inHelsinki(instant)) + " (Helsinki)";
    }

    private static final java.time.format.DateTimeFormatter DESCRIBED =
            java.time.format.DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", java.util.Locale.ENGLISH);

    /** "Today" in Finland; the clock is a parameter so that tests can fix it. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * A Helsinki wall-clock time as an instant. A time in the spring gap (03:00–03:59 on the last Sunday of March)
     * moves forward by the gap's length and an ambiguous autumn time takes the earlier (summer) offset, as
     * {@link ZonedDateTime#of} does.
     */
    public static ZonedDateTime atHelsinki(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, ZONE);
    }

    public static Instant toInstant(LocalDate date, LocalTime time) {
        return atHelsinki(date, time).toInstant();
    }

    public static ZonedDateTime inHelsinki(Instant instant) {
        return instant.atZone(ZONE);
    }

    public static LocalDate localDate(Instant instant) {
        return inHelsinki(instant).toLocalDate();
    }

    public static LocalTime localTime(Instant instant) {
        return inHelsinki(instant).toLocalTime();
    }

    /** Midnight in Helsinki: where a date begins, e.g. for a whole-day closure. */
    public static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
