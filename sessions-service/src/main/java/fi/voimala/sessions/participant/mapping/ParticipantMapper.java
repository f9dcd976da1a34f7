package fi.voimala.sessions.participant.mapping;

import fi.voimala.sessions.events.ParticipantErasedEventData;
import fi.voimala.sessions.events.ParticipantEventData;
import fi.voimala.sessions.participant.Consent;
import fi.voimala.sessions.participant.ConsentGiver;
import fi.voimala.sessions.participant.ConsentPurpose;
import fi.voimala.sessions.participant.ConsentWithdrawal;
import fi.voimala.sessions.participant.Gender;
import fi.voimala.sessions.participant.Participant;
import fi.voimala.sessions.participant.ParticipantCode;
import fi.voimala.sessions.participant.api.ParticipantApi.ConsentRequest;
import fi.voimala.sessions.participant.api.ParticipantApi.ConsentView;
import fi.voimala.sessions.participant.api.ParticipantApi.ParticipantView;
import fi.voimala.sessions.participant.api.ParticipantApi.WithdrawalRequest;
import fi.voimala.sessions.participant.api.ParticipantApi.WithdrawalView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A participant as the API shows it and as its events carry it (without the free-text notes), and a request's
 * fields written onto the entities. Purposes are always listed in {@link ConsentPurpose}'s order.
 */
public final class ParticipantMapper {

    private ParticipantMapper() {
    }

    /**
     * The view of a participant with its withdrawals, its active consent on {@code today}; {@code withNotes}: whether
     * the caller may read the free-text notes (not someone who sees the participant only as a researcher).
     */
    public static ParticipantView toView(Participant p, Collection<ConsentWithdrawal> withdrawals, LocalDate today,
                                         boolean withNotes) {
        ConsentView consent = new ConsentView(ConsentGiver.valueOf(p.consentGivenBy), p.consentGivenOn,
                purposes(p.consentCovers), withNotes ? p.consentNote : null);
        List<WithdrawalView> withdrawn = withdrawals.stream()
                .map(w -> new WithdrawalView(w.withdrawnFrom, purposes(w.covers), withNotes ? w.note : null, w.recordedAt))
                .toList();
        return new ParticipantView(p.id, p.version, p.seriesId, displayCode(p.code), p.yearOfBirthBand,
                p.gender == null ? null : Gender.valueOf(p.gender), consent, withdrawn,
                sorted(Consent.coversOn(p, withdrawals, today)), p.enrolledAt);
    }

    /** The data of enrolled, changed and consent-withdrawn: the whole state after the change, no free text. */
    public static ParticipantEventData toEventData(Participant p, Collection<ConsentWithdrawal> withdrawals,
                                                   LocalDate today) {
        return new ParticipantEventData(p.id, p.version, p.seriesId, displayCode(p.code), p.yearOfBirthBand, p.gender,
                p.consentGivenBy, p.consentGivenOn, names(purposes(p.consentCovers)),
                withdrawals.stream().map(w -> new ParticipantEventData.Withdrawal(w.withdrawnFrom,
                        names(purposes(w.covers)))).toList(),
                names(sorted(Consent.coversOn(p, withdrawals, today))));
    }

    public static ParticipantErasedEventData toErasedEventData(UUID id, UUID seriesId, Instant erasedAt) {
        return new ParticipantErasedEventData(id, seriesId, erasedAt);
    }

    /** The consent as given: purposes in their order, a blank note left empty. */
    public static void applyConsent(Participant p, ConsentRequest consent) {
        p.consentGivenBy = consent.givenBy().name();
        p.consentGivenOn = consent.givenOn();
        p.consentCovers = names(sorted(consent.covers())).toArray(String[]::new);
        p.consentNote = blankToNull(consent.note());
    }

    /** The changeable fields; null clears them (the person may want them forgotten). */
    public static void applyDetails(Participant p, String yearOfBirthBand, Gender gender) {
        p.yearOfBirthBand = yearOfBirthBand;
        p.gender = gender == null ? null : gender.name();
    }

    public static void applyWithdrawal(ConsentWithdrawal w, WithdrawalRequest request) {
        w.withdrawnFrom = request.withdrawnFrom();
        w.covers = names(sorted(request.covers())).toArray(String[]::new);
        w.note = blankToNull(request.note());
    }

    /** A stored code (nine characters) as people type and read it: XXX-XXX-XXX. */
    public static String displayCode(String code) {
        return new ParticipantCode(code).toString();
    }

    public static List<ConsentPurpose> purposes(String[] names) {
        return sorted(Arrays.stream(names).map(ConsentPurpose::valueOf).toList());
    }

    private static List<ConsentPurpose> sorted(Collection<ConsentPurpose> purposes) {
        return purposes.stream().distinct().sorted().toList();
    }

    private static List<String> names(List<ConsentPurpose> purposes) {
        return purposes.stream().map(ConsentPurpose::name).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
