package fi.voimala.scheduling.visit.api;

import fi.voimala.scheduling.visit.VisitStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the visit API reads and writes. Times are instants (UTC in answers); the clients show them in Helsinki time. */
public final class VisitApi {

    private VisitApi() {
    }

    /** An extra visit in a series (a make-up session): the series' duration, at the given time. */
    public record AddVisitRequest(@NotNull UUID seriesId, @NotNull OffsetDateTime startsAt,
                                  @Size(max = 500) String reason) {
    }

    public record MoveRequest(@NotNull OffsetDateTime startsAt, @NotBlank @Size(max = 500) String reason,
                              Long version) {
    }

    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record VisitView(UUID id, long version, UUID seriesId, int ordinal, UUID groupId, String groupName,
                            UUID siteId, String siteName, UUID pairId, UUID artsProfessionalId, String artsProfessionalName,
                            UUID careProfessionalId, String careProfessionalName, Instant startsAt, Instant endsAt,
                            VisitStatus status, String statusReason, int sequence, Instant previousStartsAt,
                            Instant previousEndsAt, UUID sessionRecordId) {
    }
}
