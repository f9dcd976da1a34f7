package fi.voimala.partners.professional.api;

import fi.voimala.partners.professional.Field;
import fi.voimala.partners.professional.Method;
import fi.voimala.partners.professional.Profession;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/** What the professional API reads and writes. */
public final class ProfessionalApi {

    /** A plain address with one @, a name before it and a dotted domain after it. */
    public static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}";
    /** Finnish or international number: digits with optional spaces or hyphens, optionally starting with +. */
    public static final String PHONE = "\\+?[0-9][0-9 -]{5,18}[0-9]";

    private ProfessionalApi() {
    }

    public record ProfessionalRequest(
            @NotNull UUID organisationId,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Pattern(regexp = EMAIL, message = "must be an e-mail address like name@example.fi") @Size(max = 254) String email,
            @Pattern(regexp = PHONE, message = "must be a phone number like +358 40 123 4567 or 040 123 4567") String phone,
            @NotNull Field field,
            @NotNull Profession profession,
            Set<@NotNull Method> methods,
            Set<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 language code like fi, sv, en") String> languages,
            @Size(max = 100) String keycloakUserId,
            Long version) {
    }

    public record ProfessionalView(UUID id, long version, UUID organisationId, String firstName, String lastName,
                                   String email, String phone, Field field, Profession profession,
                                   Set<Method> methods, Set<String> languages, String keycloakUserId) {
    }
}
