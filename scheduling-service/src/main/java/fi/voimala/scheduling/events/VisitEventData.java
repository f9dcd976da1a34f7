package fi.voimala.scheduling.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of {@code fi.voimala.scheduling.visit.{scheduled,moved,cancelled,held,missed}.v1}: the visit's whole state
 * after the change (docs/events.md). {@code previousStartsAt}/{@code previousEndsAt}: the time before a move (null
 * for the other types); {@code reason}: why it moved or was cancelled.
 */
public record VisitEventData(UUID id, long version, UUID seriesId, int ordinal, UUID pairId, UUID siteId,
                             UUID artsProfessionalId, UUID careProfessionalId, Instant startsAt, Instant endsAt,
                             String status, int sequence, String reason, Instant previousStartsAt,
                             Instant previousEndsAt, UUID sessionRecordId) {
}
