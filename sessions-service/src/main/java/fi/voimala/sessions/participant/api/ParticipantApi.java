package fi.voimala.sessions.participant.api;

import fi.voimala.platform.privacy.NoPersonalIdentityCode;
import fi.voimala.sessions.participant.ConsentGiver;
import fi.voimala.sessions.participant.ConsentPurpose;
import fi.voimala.sessions.participant.Gender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the participant API reads and writes. A participant is known only by the code the service gives them; no
 * names, no identity codes: every free-text field refuses a personal identity code ({@code no-personal-identity-code}).
 */
public final class ParticipantApi {

    /**
     * A five-year band from a year divisible by 5, 1900–2025: the start's first three digits, then 0-…4 or 5-…9
     * (the back-reference {@code \1} keeps the end in the start's decade; {@code [4]} keeps the 4 from reading as \14).
     */
    public static final String YEAR_OF_BIRTH_BAND = "(19[0-9]|20[0-2])(?:0-\\1[4]|5-\\1[9])";
    static final String BAND_MESSAGE = "must be a five-year band like 1940-1944, starting at a year divisible by 5"
            + " from 1900 to 2025";

    private ParticipantApi() {
    }

    /** The consent as given at enrolment: by whom, on which date, for what (taking part at least). */
    public record ConsentRequest(
            @NotNull ConsentGiver givenBy,
            @NotNull LocalDate givenOn,
            @NotNull Set<@NotNull ConsentPurpose> covers,
            @Size(max = 2000) @NoPersonalIdentityCode String note) {
    }

    /** Enrolment of a person into a series; the service generates their code. */
    public record NewParticipant(
            @NotNull UUID seriesId,
            @Pattern(regexp = YEAR_OF_BIRTH_BAND, message = BAND_MESSAGE) String yearOfBirthBand,
            Gender gender,
            @Valid @NotNull ConsentRequest consent) {
    }

    /** The changeable fields, with the {@code version} read; a field left out (or null) is cleared. */
    public record ParticipantChange(
            @Pattern(regexp = YEAR_OF_BIRTH_BAND, message = BAND_MESSAGE) String yearOfBirthBand,
            Gender gender,
            Long version) {
    }

    /** A withdrawal of consent from a date on: what it stops, as the person (or their representative) said. */
    public record WithdrawalRequest(
            @NotNull LocalDate withdrawnFrom,
            @NotEmpty Set<@NotNull ConsentPurpose> covers,
            @Size(max = 2000) @NoPersonalIdentityCode String note) {
    }

    /** Why a participant's data is erased (kept in the audit log, the one trace left). */
    public record ErasureRequest(@NotBlank @Size(max = 2000) @NoPersonalIdentityCode String reason) {
    }

    public record ConsentView(ConsentGiver givenBy, LocalDate givenOn, List<ConsentPurpose> covers, String note) {
    }

    public record WithdrawalView(LocalDate withdrawnFrom, List<ConsentPurpose> covers, String note, Instant recordedAt) {
    }

    /**
     * A participant: {@code code} as people type it (XXX-XXX-XXX); {@code activeConsent}: what the consent covers
     * today (Helsinki), after the withdrawals. Notes are absent for a caller who sees the participant only as a
     * researcher: free text is not pseudonymous.
     */
    public record ParticipantView(UUID id, long version, UUID seriesId, String code, String yearOfBirthBand,
                                  Gender gender, ConsentView consent, List<WithdrawalView> withdrawals,
                                  List<ConsentPurpose> activeConsent, Instant enrolledAt) {
    }
}
