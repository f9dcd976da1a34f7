package fi.voimala.outcomes.measurement.api;

import fi.voimala.outcomes.plan.TimePoint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the measurements API takes and answers. */
public final class MeasurementApi {

    private MeasurementApi() {
    }

    /**
     * One person's answers at a time point of the series' plan: a participant by their code (as typed, hyphens
     * optional) or a staff member by their professional id, never both. {@code visitId}: the session, for a check
     * before or after one. {@code answers}: item id → the answer on the instrument's scale, or null for an item left
     * unanswered.
     */
    public record NewMeasurement(@NotNull UUID seriesId, @NotBlank String instrumentKey, @NotNull TimePoint timePoint,
                                 UUID visitId, String participantCode, UUID staffProfessionalId,
                                 @NotNull LocalDate measuredOn, @NotNull Map<String, Integer> answers) {
    }

    /** A correction of the answers (or of the day they were given); send the version you read. */
    public record MeasurementCorrection(@NotNull Long version, @NotNull LocalDate measuredOn,
                                        @NotNull Map<String, Integer> answers) {
    }

    public record ScoreView(String key, BigDecimal value, BigDecimal raw, int answered, int missing, boolean imputed) {
    }

    public record MeasurementView(UUID id, long version, UUID seriesId, String instrumentKey, int instrumentVersion,
                                  TimePoint timePoint, UUID visitId, UUID participantId, String participantCode,
                                  UUID staffProfessionalId, LocalDate measuredOn, Map<String, Integer> answers,
                                  List<ScoreView> scores, boolean inWindow, LocalDate windowOpens,
                                  LocalDate windowCloses, Instant recordedAt, String recordedBy) {
    }
}
