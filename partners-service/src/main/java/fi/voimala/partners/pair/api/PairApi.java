package fi.voimala.partners.pair.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** What the pair API reads and writes. */
public final class PairApi {

    private PairApi() {
    }

    /** {@code formedOn} defaults to today (Europe/Helsinki). */
    public record PairRequest(@NotNull UUID artsProfessionalId, @NotNull UUID careProfessionalId, LocalDate formedOn) {
    }

    public record DissolveRequest(LocalDate dissolvedOn, @Size(max = 500) String reason) {
    }

    public enum PairStatus { ACTIVE, DISSOLVED }

    public record PairView(UUID id, long version, UUID artsProfessionalId, UUID careProfessionalId, LocalDate formedOn,
                           LocalDate dissolvedOn, String dissolveReason, PairStatus status) {
    }
}
