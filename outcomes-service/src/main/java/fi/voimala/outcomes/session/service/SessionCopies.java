package fi.voimala.outcomes.session.service;

import fi.voimala.outcomes.outcome.service.OutcomeBook;
import fi.voimala.outcomes.session.ParticipantCopy;
import fi.voimala.outcomes.session.SessionRecordCopy;
import fi.voimala.outcomes.session.consumer.SessionEventData.Participant;
import fi.voimala.outcomes.session.consumer.SessionEventData.Record;
import fi.voimala.outcomes.session.consumer.SessionEventData.Withdrawal;
import fi.voimala.outcomes.session.repository.ParticipantCopyRepository;
import fi.voimala.outcomes.session.repository.SessionRecordCopyRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps outcomes' copies of participants and session records from session-events, each replaced only by a newer
 * version, and with them the dose: each participant's held sessions attended and each series' sessions held,
 * attendances and participants, changed by the difference a record or participant makes (so that a redelivered or
 * older event changes nothing). A participant whose attendance crosses a band takes their outcomes with them.
 * Runs in the consumer's transaction.
 */
@ApplicationScoped
public class SessionCopies {

    @Inject
    ParticipantCopyRepository participants;
    @Inject
    SessionRecordCopyRepository records;
    @Inject
    OutcomeBook outcomes;

    public Uni<Void> participant(Participant data) {
        return participants.findById(data.id()).chain(existing -> {
            if (existing != null && existing.version >= data.version()) {
                return Uni.createFrom().voidItem();
            }
            ParticipantCopy copy = existing == null ? new ParticipantCopy() : existing;
            copy(copy, data);
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            // New here: the sessions already recorded with them present (their records may have come first).
            return Panache.getSession().chain(session -> session.createNativeQuery("select count(*) from"
                            + " session_record_copy where held and series_id = :series and :id = any(participant_ids)",
                            Long.class)
                    .setParameter("series", data.seriesId()).setParameter("id", data.id()).getSingleResult())
                    .invoke(attended -> copy.sessionsAttended = attended.intValue())
                    .chain(attended -> participants.persist(copy))
                    .chain(saved -> tally(data.seriesId(), 0, 0, 1));
        });
    }

    public Uni<Void> record(Record data) {
        return records.findById(data.id()).chain(existing -> {
            if (existing != null && existing.version >= data.version()) {
                return Uni.createFrom().voidItem();
            }
            Set<UUID> before = present(existing == null ? null : existing.held,
                    existing == null ? null : Arrays.asList(existing.participantIds));
            Set<UUID> after = present(data.held(), data.participantIds());
            // In id order, so that two transactions taking several participants' turns take them in the same order.
            TreeMap<UUID, Integer> changes = new TreeMap<>();
            before.stream().filter(p -> !after.contains(p)).forEach(p -> changes.put(p, -1));
            after.stream().filter(p -> !before.contains(p)).forEach(p -> changes.put(p, 1));
            int held = (data.held() ? 1 : 0) - (existing != null && existing.held ? 1 : 0);
            SessionRecordCopy copy = existing == null ? new SessionRecordCopy() : existing;
            copy(copy, data);
            Uni<?> saved = existing == null ? records.persist(copy) : Uni.createFrom().item(copy);
            return saved
                    .chain(() -> Multi.createFrom().iterable(changes.entrySet())
                            .onItem().transformToUniAndConcatenate(c -> outcomes.attendanceChanged(c.getKey(), c.getValue()))
                            .collect().last())
                    .chain(() -> tally(data.seriesId(), held, after.size() - before.size(), 0));
        });
    }

    /** Adds to a series' sessions held, attendances and participants. */
    public static Uni<Void> tally(UUID seriesId, int sessionsHeld, int attendances, int participants) {
        if (sessionsHeld == 0 && attendances == 0 && participants == 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into series_attendance"
                        + " (series_id, sessions_held, attendances, participants) values (:series, :held, :attendances,"
                        + " :participants) on conflict (series_id) do update set"
                        + " sessions_held = series_attendance.sessions_held + excluded.sessions_held,"
                        + " attendances = series_attendance.attendances + excluded.attendances,"
                        + " participants = series_attendance.participants + excluded.participants")
                .setParameter("series", seriesId).setParameter("held", sessionsHeld)
                .setParameter("attendances", attendances).setParameter("participants", participants)
                .executeUpdate()).replaceWithVoid();
    }

    private static Set<UUID> present(Boolean held, List<UUID> ids) {
        return held == null || !held || ids == null ? Set.of() : ids.stream().collect(Collectors.toSet());
    }

    static void copy(ParticipantCopy to, Participant from) {
        to.id = from.id();
        to.version = from.version();
        to.seriesId = from.seriesId();
        to.code = from.code();
        to.yearOfBirthBand = from.yearOfBirthBand();
        to.gender = from.gender();
        to.consentCovers = from.consentCovers().toArray(String[]::new);
        List<Withdrawal> withdrawals = from.withdrawals() == null ? List.of() : from.withdrawals();
        to.participationWithdrawnFrom = earliest(withdrawals, "PARTICIPATION");
        to.measurementsWithdrawnFrom = earliest(withdrawals, ParticipantCopy.MEASUREMENTS);
        to.researchWithdrawnFrom = earliest(withdrawals, ParticipantCopy.RESEARCH_USE);
    }

    /** From when {@code purpose} is withdrawn: the earliest withdrawal that covers it, or null. */
    private static LocalDate earliest(List<Withdrawal> withdrawals, String purpose) {
        return withdrawals.stream().filter(w -> w.covers().contains(purpose)).map(Withdrawal::withdrawnFrom)
                .min(LocalDate::compareTo).orElse(null);
    }

    static void copy(SessionRecordCopy to, Record from) {
        to.id = from.id();
        to.version = from.version();
        to.visitId = from.visitId();
        to.seriesId = from.seriesId();
        to.held = from.held();
        to.startedAt = from.startedAt();
        to.participantIds = from.participantIds() == null ? new UUID[0] : from.participantIds().toArray(UUID[]::new);
    }
}
