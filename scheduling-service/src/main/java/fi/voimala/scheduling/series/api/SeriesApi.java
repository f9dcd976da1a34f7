package fi.voimala.scheduling.series.api;

import java.util.List;
import java.time.Instant;
import fi.voimala.scheduling.calendar.Frequency;
import fi.voimala.scheduling.series.ArtForm;
import fi.voimala.scheduling.series.SeriesStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/** What the series API reads and writes. Start times are local times in Europe/Helsinki. */
public final class SeriesApi {

    private SeriesApi() {
    }

    /**
     * A new series. {@code weekday}: the day of the sessions (default: the first date's); the first session is on the
     * first such day on or after {@code firstDate}. 15-30 sessions is the method's range; outside it,
     * {@code sessionCountReason} is required.
     */
    public record SeriesRequest(
            @NotNull UUID groupId,
            @NotNull UUID pairId,
            @NotEmpty Set<@NotNull ArtForm> artForms,
            @NotNull @Min(1) @Max(60) Integer plannedSessions,
            @Size(max = 500) String sessionCountReason,
            @NotNull Frequency frequency,
            DayOfWeek weekday,
            @NotNull LocalTime startTime,
            @NotNull @Min(15) @Max(480) Integer durationMinutes,
            @NotNull LocalDate firstDate) {
    }

    /** What may change in a running series without replanning: its art forms and the reason for its length. */
    public record SeriesChangeRequest(@NotEmpty Set<@NotNull ArtForm> artForms, @Size(max = 500) String sessionCountReason,
                                      Long version) {
    }

    /** Pause from a date on (default today): the visits from then on are cancelled until the series is resumed. */
    public record PauseRequest(LocalDate from, @NotBlank @Size(max = 500) String reason) {
    }

    /** Resume from a date on (default today): the sessions still missing are planned again on the series' rhythm. */
    public record ResumeRequest(LocalDate from) {
    }

    /** Fewer sessions: the last scheduled visits beyond the new number are cancelled. */
    public record ShortenRequest(@NotNull @Min(1) @Max(60) Integer plannedSessions, @NotBlank @Size(max = 500) String reason) {
    }

    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record VisitCounts(long scheduled, long held, long missed, long cancelled) {
    }

    public record SeriesView(UUID id, long version, UUID groupId, String groupName, UUID siteId, String siteName,
                             UUID pairId, Set<ArtForm> artForms, int plannedSessions, String sessionCountReason,
                             Frequency frequency, DayOfWeek weekday, LocalTime startTime, int durationMinutes,
                             LocalDate firstDate, LocalDate plannedEnd, SeriesStatus status, String statusReason,
                             VisitCounts visits) {
    }

    /** What planning a series would make, written nowhere: its visits and the dates on its rhythm that get none. */
    public record SeriesPreview(LocalDate firstDate, LocalDate plannedEnd, List<PreviewVisit> visits,
                                List<SkippedDateView> skipped) {
    }

    public record PreviewVisit(int ordinal, LocalDate date, Instant startsAt, Instant endsAt) {
    }

    public record SkippedDateView(LocalDate date, String reason) {
    }
}
