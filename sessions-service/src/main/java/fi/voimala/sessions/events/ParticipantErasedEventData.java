package fi.voimala.sessions.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of {@code fi.voimala.session.participant.erased.v1}: on it every service erases what it holds of the
 * participant. Only the ids: the code and everything else are gone.
 */
public record ParticipantErasedEventData(UUID id, UUID seriesId, Instant erasedAt) {
}
