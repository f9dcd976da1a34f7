package fi.voimala.scheduling.calendar;

import java.time.LocalDate;

/** A date on the rhythm that got no visit, and why ("public holiday: Good Friday", "ward closed"). */
public record SkippedDate(LocalDate date, String reason) {
}
