package fi.voimala.partners.agreement.api;

import fi.voimala.partners.agreement.AgreementType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** What the agreement API reads and writes. */
public final class AgreementApi {

    private AgreementApi() {
    }

    public record AgreementRequest(@NotNull UUID organisationId, @NotNull AgreementType type,
                                   @NotBlank @Size(max = 300) String title, LocalDate signedOn,
                                   @NotNull LocalDate validFrom, LocalDate validUntil, Long version) {
    }

    public record AgreementView(UUID id, long version, UUID organisationId, AgreementType type, String title,
                                LocalDate signedOn, LocalDate validFrom, LocalDate validUntil) {
    }
}
