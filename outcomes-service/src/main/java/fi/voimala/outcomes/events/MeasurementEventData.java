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

    /** A score as a JSON number with decimals (7.0, 4.25), whatever its scoring; null when too many items were missing. */
    public record ScoreValue(String key, Double value) {

        public static ScoreValue of(String key, BigDecimal value) {
            return new ScoreValue(key, value == null ? null : value.doubleValue());
        }
    }
}
