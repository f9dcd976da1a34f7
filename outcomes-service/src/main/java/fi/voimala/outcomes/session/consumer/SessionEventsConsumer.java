package fi.voimala.outcomes.session.consumer;

import fi.voimala.outcomes.measurement.service.ParticipantErasure;
import fi.voimala.outcomes.session.ParticipantCopy;
import fi.voimala.outcomes.session.SessionRecordCopy;
import fi.voimala.outcomes.session.consumer.SessionEventData.Erased;
import fi.voimala.outcomes.session.consumer.SessionEventData.Participant;
import fi.voimala.outcomes.session.consumer.SessionEventData.Record;
import fi.voimala.outcomes.session.consumer.SessionEventData.Withdrawal;
import fi.voimala.outcomes.session.repository.ParticipantCopyRepository;
import fi.voimala.outcomes.session.repository.SessionRecordCopyRepository;
import fi.voimala.platform.inbox.Copies;
import fi.voimala.platform.inbox.EventConsumer;
import fi.voimala.platform.inbox.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps outcomes' copy of participants (their codes and consent) and of session records (who was present: the dose)
 * from session-events, each replaced only by a newer version; an erased participant is erased here too, with their
 * measurements.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    static final String CONSUMER = "outcomes.session-events";
    private static final String PREFIX = "fi.voimala.session.";

    private final EventConsumer events;
    private final EventHandlers handlers;

    SessionEventsConsumer(EventConsumer events, ParticipantCopyRepository participants,
                          SessionRecordCopyRepository records, ParticipantErasure erasure) {
        this.events = events;
        EventHandlers.Effect<Participant> participant = e -> Copies.keep(participants, e.data().id(), e.data().version(),
                ParticipantCopy::new, p -> p.version, SessionEventsConsumer::copy, e.data()).replaceWithVoid();
        EventHandlers.Effect<Record> record = e -> Copies.keep(records, e.data().id(), e.data().version(),
                SessionRecordCopy::new, r -> r.version, SessionEventsConsumer::copy, e.data()).replaceWithVoid();
        EventHandlers.Effect<Erased> erased = e -> erasure.erase(e.data().id());
        this.handlers = EventHandlers
                .on(PREFIX + "participant.enrolled.v1", Participant.class, participant)
                .and(PREFIX + "participant.changed.v1", Participant.class, participant)
                .and(PREFIX + "participant.consent-withdrawn.v1", Participant.class, participant)
                .and(PREFIX + "participant.erased.v1", Erased.class, erased)
                .and(PREFIX + "record.recorded.v1", Record.class, record)
                .and(PREFIX + "record.corrected.v1", Record.class, record);
    }

    @Incoming("session-events")
    public Uni<Void> onSessionEvent(Message<String> message) {
        return events.consume(CONSUMER, message, handlers);
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
