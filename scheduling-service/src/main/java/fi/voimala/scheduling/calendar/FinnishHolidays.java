package fi.voimala.scheduling.calendar;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Days on which no workshop is held in Finland, from Jollyday's Finnish calendar (mainland; Åland's own days are
 * not included).
 *
 * <p>Jollyday 1.5.0's Finland has New Year's Day, Epiphany, Good Friday, Easter Sunday and Monday, May Day,
 * Ascension Day, Midsummer Eve and Day, All Saints' Day, Independence Day, Christmas Eve, Christmas Day and
 * St Stephen's Day. Midsummer Eve and Christmas Eve are not holidays under the Holiday Act, but in Finnish working
 * life they are days off (collective agreements; offices are closed, and the Act on the Calculation of Statutory
 * Time Limits treats them like holidays), so no hospital workshop is planned then: we keep them. Whit Sunday is a
 * Finnish public holiday that Jollyday lists only for Åland; we add it (Easter Sunday + 49 days), which matters
 * only for Sunday series.
 */
@ApplicationScoped
public class FinnishHolidays {

    public record Holiday(LocalDate date, String name) {
    }

    private static final String EASTER_SUNDAY_KEY = "christian.EASTER";
    private static final int WHIT_SUNDAY_AFTER_EASTER = 49;

    private final HolidayManager manager;
    /** The manager computes a whole year per lookup: each year once. */
    private final Map<Integer, NavigableMap<LocalDate, String>> years = new ConcurrentHashMap<>();

    /** Public and no-arg so that unit tests can {@code new} it; Jollyday caches its manager, so a second one is cheap. */
    public FinnishHolidays() {
        manager = withLibraryClassLoader(
                () -> HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FINLAND)));
    }

    /** Reads this year and the next at start, so that the first request (maybe on the event loop) does not parse XML. */
    void warmUp(@Observes StartupEvent event) {
        int thisYear = LocalDate.now(HelsinkiTime.ZONE).getYear();
        year(thisYear);
        year(thisYear + 1);
    }

    public boolean isHoliday(LocalDate date) {
        return year(date.getYear()).containsKey(date);
    }

    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(year(date.getYear()).get(date));
    }

    /** The holidays from {@code from} to {@code toInclusive}, in date order. */
    public List<Holiday> between(LocalDate from, LocalDate toInclusive) {
        List<Holiday> found = new ArrayList<>();
        for (int y = from.getYear(); y <= toInclusive.getYear(); y++) {
            year(y).subMap(from, true, toInclusive, true).forEach((date, name) -> found.add(new Holiday(date, name)));
        }
        return found;
    }

    private NavigableMap<LocalDate, String> year(int year) {
        return years.computeIfAbsent(year, y -> withLibraryClassLoader(() -> load(y)));
    }

    private NavigableMap<LocalDate, String> load(int year) {
        Set<de.focus_shift.jollyday.core.Holiday> official = manager.getHolidays(Year.of(year));
        NavigableMap<LocalDate, String> days = new TreeMap<>();
        // Locale.ROOT: Jollyday's base (English) names; another locale would fall back to the JVM's default one.
        official.forEach(h -> days.put(h.getDate(), h.getDescription(Locale.ROOT)));
        official.stream()
                .filter(h -> EASTER_SUNDAY_KEY.equals(h.getPropertiesKey()))
                .findFirst()
                .ifPresent(easter -> days.put(easter.getDate().plusDays(WHIT_SUNDAY_AFTER_EASTER), "Whit Sunday"));
        return days;
    }

    /**
     * Jollyday reads its XML and names through its own class loader, but finds its XML parser (jollyday-jackson) with
     * ServiceLoader, i.e. through the thread's context class loader, once per JVM. On Quarkus that is normally the
     * application's loader, but a thread whose context loader cannot see jollyday-jackson (a foreign pool, a test
     * harness) would fail with "no implementations"; this class's own loader always sees it.
     */
    private static <T> T withLibraryClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(FinnishHolidays.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
