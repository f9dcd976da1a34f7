package fi.voimala.partners.site.api;

import fi.voimala.partners.site.SiteType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** What the site API reads and writes. */
public final class SiteApi {

    private SiteApi() {
    }

    /** {@code hospitalName} and {@code wardCode}: for a HOSPITAL_WARD, and only for one. */
    public record SiteRequest(
            @NotNull UUID organisationId,
            @NotBlank @Size(max = 200) String name,
            @NotNull SiteType type,
            @Size(max = 200) String street,
            @Pattern(regexp = "\\d{5}", message = "must be a Finnish postal code of five digits") String postalCode,
            @Size(max = 100) String city,
            @Size(max = 200) String hospitalName,
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]{0,29}", message = "letters, digits, space . _ - (at most 30)") String wardCode,
            Long version) {
    }

    public record CloseRequest(LocalDate closedOn, @Size(max = 500) String reason) {
    }

    public enum SiteStatus { OPEN, CLOSED }

    public record SiteView(UUID id, long version, UUID organisationId, String name, SiteType type, String street,
                           String postalCode, String city, String hospitalName, String wardCode, LocalDate closedOn,
                           String closeReason, SiteStatus status) {
    }
}
