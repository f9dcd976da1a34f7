package fi.voimala.sessions.participant;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a participant's consent covers on a date: what was given at enrolment, less what a withdrawal stopped from
 * that date on. A withdrawal never reaches back before its date: sessions attended earlier stay attended.
 */
public final class Consent {

    private Consent() {
    }

    /** The purposes the consent covers on {@code date}. */
    public static Set<ConsentPurpose> coversOn(Participant participant, Collection<ConsentWithdrawal> withdrawals,
                                               LocalDate date) {
        Set<ConsentPurpose> covers = EnumSet.noneOf(ConsentPurpose.class);
        Arrays.stream(participant.consentCovers).map(ConsentPurpose::valueOf).forEach(covers::add);
        for (ConsentWithdrawal withdrawal : withdrawals) {
            if (withdrawal.participantId.equals(participant.id) && !withdrawal.withdrawnFrom.isAfter(date)) {
                Arrays.stream(withdrawal.covers).map(ConsentPurpose::valueOf).forEach(covers::remove);
            }
        }
        return covers;
    }

    /** Whether the consent covers {@code purpose} on {@code date}. */
    public static boolean covers(Participant participant, Collection<ConsentWithdrawal> withdrawals,
                                 ConsentPurpose purpose, LocalDate date) {
        return coversOn(participant, withdrawals, date).contains(purpose);
    }
}
