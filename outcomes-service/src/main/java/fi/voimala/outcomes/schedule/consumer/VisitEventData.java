package fi.voimala.outcomes.schedule.consumer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The fields of visit-events' data (docs/events.md) that outcomes keeps; the rest is ignored when read. */
public final class VisitEventData {

    private VisitEventData() {
    }

    public record Group(@NotNull UUID id, long version, @NotNull UUID siteId, @NotBlank String name,
                        @NotBlank String targetGroup, int size) {
    }

    public record Series(@NotNull UUID id, long version, @NotNull UUID groupId, @NotNull UUID siteId, @NotNull UUID pairId,
                         List<String> artForms, int plannedSessions, int durationMinutes, @NotNull LocalDate firstDate,
                         @NotNull LocalDate plannedEnd, @NotBlank String status) {
    }

    public record Visit(@NotNull UUID id, long version, @NotNull UUID seriesId, int ordinal, @NotNull UUID pairId,
                        @NotNull UUID siteId, @NotNull UUID artsProfessionalId, @NotNull UUID careProfessionalId,
                        @NotNull Instant startsAt, @NotNull Instant endsAt, @NotBlank String status) {
    }
}
