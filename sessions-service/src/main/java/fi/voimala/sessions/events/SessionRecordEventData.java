package fi.voimala.sessions.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@code fi.voimala.session.record.{recorded,corrected}.v1}: the record's whole state after the change
 * (docs/events.md), without its free text (observations and reflection stay in sessions-service). Participants
 * present as their ids (outcomes counts the dose); {@code staffHours}: the staff learning hours of the session.
 */
public record SessionRecordEventData(UUID id, long version, UUID visitId, UUID seriesId, UUID siteId, UUID pairId,
                                     boolean held, String notHeldReason, Instant startedAt, Instant endedAt,
                                     List<UUID> participantIds, int extraAttendees, List<UUID> staffProfessionalIds,
                                     int otherStaffCount, List<String> artForms, List<String> methods) {
}
