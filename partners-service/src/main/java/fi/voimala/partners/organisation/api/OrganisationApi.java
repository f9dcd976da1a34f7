package fi.voimala.partners.organisation.api;

import fi.voimala.partners.organisation.Sector;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** What the organisation API reads and writes. */
public final class OrganisationApi {

    private OrganisationApi() {
    }

    /** Create or update. On update, {@code version} is the version the client read (optimistic locking). */
    public record OrganisationRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank String businessId,
            @NotEmpty Set<@NotNull Sector> sectors,
            @NotNull LocalDate memberSince,
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case letters, digits and hyphens")
            @Size(max = 100) String keycloakAlias,
            Long version) {
    }

    public record LeaveRequest(LocalDate leftOn, @Size(max = 500) String reason) {
    }

    public enum MembershipStatus { MEMBER, LEFT }

    public record OrganisationView(UUID id, long version, String name, String businessId, Set<Sector> sectors,
                                   LocalDate memberSince, LocalDate memberUntil, String leaveReason,
                                   MembershipStatus status, String keycloakAlias) {
    }
}
