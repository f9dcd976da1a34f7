package fi.voimala.outcomes.outcome.service;

import fi.voimala.platform.problem.RuleViolationException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seasons as the network plans its series, by term: {@code 2027-spring} is a series whose first session falls in
 * January to June 2027, {@code 2027-autumn} one that starts in July to December.
 */
final class Seasons {

    private static final Pattern SEASON = Pattern.compile("(\\d{4})-(spring|autumn)");

    private Seasons() {
    }

    /** The first day of the season and the first day after it. */
    static LocalDate[] of(String season) {
        Matcher m = SEASON.matcher(season);
        if (!m.matches()) {
            throw new RuleViolationException("season", "format", "a year and a term, e.g. 2027-spring or 2027-autumn");
        }
        int year = Integer.parseInt(m.group(1));
        return m.group(2).equals("spring")
                ? new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 7, 1)}
                : new LocalDate[] {LocalDate.of(year, 7, 1), LocalDate.of(year + 1, 1, 1)};
    }
}
