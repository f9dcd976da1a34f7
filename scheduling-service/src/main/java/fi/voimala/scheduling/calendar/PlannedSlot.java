package fi.voimala.scheduling.calendar;

import java.time.LocalDate;

/** A visit's place in a plan: its number in the series (1-based), its date and its time. */
public record PlannedSlot(int ordinal, LocalDate date, TimeSlot slot) {
}
