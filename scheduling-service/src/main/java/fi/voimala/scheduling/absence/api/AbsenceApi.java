package fi.voimala.scheduling.absence.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the absence API reads and writes. Times are instants (UTC in answers); clients show them in Helsinki time. */
public final class AbsenceApi {

    private AbsenceApi() {
    }

    /** Time off for a professional (leave, training, illness): no visit may be booked for them in [startsAt, endsAt). */
    public record AbsenceRequest(@NotNull UUID professionalId, @NotNull OffsetDateTime startsAt,
                                 @NotNull OffsetDateTime endsAt, @Size(max = 500) String reason) {
    }

    public record AbsenceView(UUID id, long version, UUID professionalId, String professionalName, Instant startsAt,
                              Instant endsAt, String reason, Instant createdAt) {
    }
}
