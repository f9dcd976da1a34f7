package fi.voimala.outcomes.session.consumer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The fields of session-events' data (docs/events.md) that outcomes keeps; the rest is ignored when read. */
public final class SessionEventData {

    private SessionEventData() {
    }

    public record Participant(@NotNull UUID id, long version, @NotNull UUID seriesId, @NotBlank String code,
                              String yearOfBirthBand, String gender, @NotNull List<String> consentCovers,
                              List<Withdrawal> withdrawals) {
    }

    public record Withdrawal(@NotNull LocalDate withdrawnFrom, @NotNull List<String> covers) {
    }

    public record Erased(@NotNull UUID id, UUID seriesId) {
    }

    public record Record(@NotNull UUID id, long version, @NotNull UUID visitId, @NotNull UUID seriesId, boolean held,
                         Instant startedAt, List<UUID> participantIds) {
    }
}
