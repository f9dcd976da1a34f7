package fi.voimala.outcomes.events;

import java.util.UUID;

/** A measurement deleted because its participant was erased: only the ids. */
public record MeasurementErasedEventData(UUID id, UUID seriesId, UUID participantId) {
}
