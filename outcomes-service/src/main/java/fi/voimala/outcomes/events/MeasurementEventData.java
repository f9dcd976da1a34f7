package fi.voimala.outcomes.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A measurement as dashboards and other services learn of it: its scores, never its answers; a participant by id
 * (pseudonymous), a staff member not at all (only that it was staff).
 */
public record MeasurementEventData(UUID id, long version, UUID seriesId, String instrumentKey, int instrumentVersion,
                                   String timePoint, UUID visitId, String subjectType, UUID participantId,
                                   LocalDate measuredOn, boolean inWindow, List<ScoreValue> scores) {

    public record ScoreValue(String key, BigDecimal value) {
    }
}
