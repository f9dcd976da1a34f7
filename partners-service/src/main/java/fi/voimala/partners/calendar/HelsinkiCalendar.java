package fi.voimala.partners.calendar;

import fi.voimala.platform.problem.RuleViolationException;
import java.time.LocalDate;
import java.time.ZoneId;

/** The register's dates: "today" is the date in Finland, and what is recorded as done cannot lie ahead. */
public final class HelsinkiCalendar {

    public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private HelsinkiCalendar() {
    }

    /** A leave, close or dissolve is recorded when it happens: its date may not lie ahead; none given is today. */
    public static LocalDate happenedOn(LocalDate given, String field) {
        LocalDate today = today();
        if (given == null) {
            return today;
        }
        if (given.isAfter(today)) {
            throw new RuleViolationException(field, "not-in-future", "record it when it happens: must not be after " + today);
        }
        return given;
    }

    public static LocalDate today() {
        return LocalDate.now(HELSINKI);
    }
}
