package fi.voimala.outcomes.session.consumer;

import fi.voimala.outcomes.measurement.service.ParticipantErasure;
import fi.voimala.outcomes.session.consumer.SessionEventData.Erased;
import fi.voimala.outcomes.session.consumer.SessionEventData.Participant;
import fi.voimala.outcomes.session.consumer.SessionEventData.Record;
import fi.voimala.outcomes.session.service.SessionCopies;
import fi.voimala.platform.inbox.EventConsumer;
import fi.voimala.platform.inbox.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps outcomes' copy of participants (their codes and consent) and of session records (who was present: the dose)
 * from session-events, each replaced only by a newer version ({@link SessionCopies}); an erased participant is erased
 * here too, with their measurements.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    static final String CONSUMER = "outcomes.session-events";
    private static final String PREFIX = "fi.voimala.session.";

    private final EventConsumer events;
    private final EventHandlers handlers;

    SessionEventsConsumer(EventConsumer events, SessionCopies copies, ParticipantErasure erasure) {
        this.events = events;
        EventHandlers.Effect<Participant> participant = e -> copies.participant(e.data());
        EventHandlers.Effect<Record> record = e -> copies.record(e.data());
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
}
