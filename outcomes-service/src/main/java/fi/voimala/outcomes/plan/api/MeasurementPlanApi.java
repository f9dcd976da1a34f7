package fi.voimala.outcomes.plan.api;

import fi.voimala.outcomes.plan.TimePoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the measurement plans API takes and answers. */
public final class MeasurementPlanApi {

    private MeasurementPlanApi() {
    }

    /**
     * A plan, whole: it replaces the series' plan. {@code version}: the plan's as read (null for a series without
     * one). A point without {@code instrumentVersion} takes the instrument's newest; without a window, its time
     * point's default (baseline 14 days before the first session, end 14 days after the last, follow-up 14 days either
     * side, a session's checks on its day).
     */
    public record PlanRequest(Long version, @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull PointRequest> points) {
    }

    public record PointRequest(@NotBlank String instrumentKey, @Min(1) Integer instrumentVersion,
                               @NotNull TimePoint timePoint, @Min(0) @Max(90) Integer daysBefore,
                               @Min(0) @Max(90) Integer daysAfter, @Min(1) @Max(104) Integer followUpWeeks) {
    }

    public record PlanView(UUID seriesId, long version, Instant updatedAt, String updatedBy, LocalDate firstSession,
                           LocalDate lastSession, List<PointView> points) {
    }

    /** A point with its window's dates (null for a session's checks, whose window is each session's day). */
    public record PointView(String instrumentKey, int instrumentVersion, TimePoint timePoint, int daysBefore,
                            int daysAfter, Integer followUpWeeks, LocalDate windowOpens, LocalDate windowCloses) {
    }
}
