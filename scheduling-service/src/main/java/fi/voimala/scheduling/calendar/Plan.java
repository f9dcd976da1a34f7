package fi.voimala.scheduling.calendar;

import java.time.LocalDate;
import java.util.List;

/** A series' visits in date order, and the rhythm dates passed over on the way, so that users can see why. */
public record Plan(List<PlannedSlot> slots, List<SkippedDate> skipped) {

    public Plan {
        slots = List.copyOf(slots);
        skipped = List.copyOf(skipped);
    }

    /** The date of the last visit: the series' planned end. */
    public LocalDate lastDate() {
        return slots.get(slots.size() - 1).date();
    }
}
