package fi.voimala.scheduling.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a visit may be held in a slot: the reason it may not ("ward closed", "pair busy"), empty when it may.
 * Holidays are the planner's own business; a check covers what the planner cannot know (wards, the pair's other
 * visits, absences).
 */
@FunctionalInterface
public interface SlotCheck {

    Optional<String> unusable(LocalDate date, TimeSlot slot);

    static SlotCheck alwaysFree() {
        return (date, slot) -> Optional.empty();
    }

    /** Refuses the given dates, e.g. the dates the series' other visits already hold. */
    static SlotCheck refusing(Collection<LocalDate> dates, String reason) {
        Set<LocalDate> refused = Set.copyOf(dates);
        return (date, slot) -> refused.contains(date) ? Optional.of(reason) : Optional.empty();
    }

    /** This check first, then the other: the first reason found is the one reported. */
    default SlotCheck and(SlotCheck other) {
        return (date, slot) -> unusable(date, slot).or(() -> other.unusable(date, slot));
    }
}
