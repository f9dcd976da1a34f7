package fi.voimala.sessions.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@code fi.voimala.session.participant.{enrolled,changed,consent-withdrawn}.v1}: the participant's whole
 * state after the change (docs/events.md). {@code consentCovers}: what the consent covered when given;
 * {@code withdrawals}: what has been withdrawn since, from when; {@code activeConsent}: what it covers today.
 */
public record ParticipantEventData(UUID id, long version, UUID seriesId, String code, String yearOfBirthBand,
                                   String gender, String consentGivenBy, LocalDate consentGivenOn,
                                   List<String> consentCovers, List<Withdrawal> withdrawals,
                                   List<String> activeConsent) {

    public record Withdrawal(LocalDate withdrawnFrom, List<String> covers) {
    }
}
