package fi.voimala.outcomes.partner.consumer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The fields of partner-events' data (docs/events.md) that outcomes keeps; the rest is ignored when read. */
public final class PartnerEventData {

    private PartnerEventData() {
    }

    public record Organisation(@NotNull UUID id, long version, @NotBlank String name, @NotBlank String keycloakAlias,
                               @NotBlank String status) {
    }

    public record Professional(@NotNull UUID id, long version, @NotNull UUID organisationId, @NotBlank String firstName,
                               @NotBlank String lastName, @NotBlank String field, String keycloakUserId) {
    }

    public record Pair(@NotNull UUID id, long version, @NotNull UUID artsProfessionalId, @NotNull UUID careProfessionalId,
                       @NotBlank String status) {
    }

    public record Site(@NotNull UUID id, long version, @NotNull UUID organisationId, @NotBlank String name,
                       @NotBlank String type, @NotBlank String status) {
    }
}
