package fi.voimala.scheduling.events;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@code fi.voimala.scheduling.series.{planned,changed,paused,resumed,cancelled}.v1}: the series' whole
 * state after the change (docs/events.md). {@code startTime} is local time in Europe/Helsinki.
 */
public record SeriesEventData(UUID id, long version, UUID groupId, UUID siteId, UUID pairId, List<String> artForms,
                              int plannedSessions, String sessionCountReason, String frequency, String weekday,
                              LocalTime startTime, int durationMinutes, LocalDate firstDate, LocalDate plannedEnd,
                              String status, String statusReason) {
}
