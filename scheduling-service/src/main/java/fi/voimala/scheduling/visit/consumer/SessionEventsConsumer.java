package fi.voimala.scheduling.visit.consumer;

import fi.voimala.platform.inbox.EventConsumer;
import fi.voimala.platform.inbox.EventHandlers;
import fi.voimala.platform.inbox.PoisonEventException;
import fi.voimala.platform.inbox.ReceivedEvent;
import fi.voimala.scheduling.visit.service.VisitService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Marks a visit HELD or MISSED when sessions-service records its session (topic session-events), or corrects the record
 * (within 14 days of it). The record names the visit it reports; one that names a visit scheduling never planned can
 * never apply and is dead-lettered. The topic's other types (participants enrolled, changed, withdrawing their consent,
 * erased) are none of scheduling's business: having no handler, they are acknowledged and skipped unread, never
 * dead-lettered (platform-commons' EventConsumer).
 */
@ApplicationScoped
public class SessionEventsConsumer {

    static final String CONSUMER = "scheduling.session-events";
    public static final String RECORDED = "fi.voimala.session.record.recorded.v1";
    /** A correction of a session record (sessions-service allows one within 14 days); carries the whole record. */
    public static final String CORRECTED = "fi.voimala.session.record.corrected.v1";

    /** The fields scheduling needs of a session record (the rest of sessions-service's data is ignored). */
    public record SessionRecord(@NotNull UUID id, @NotNull UUID visitId, @NotNull Boolean held) {
    }

    private final EventConsumer events;
    private final EventHandlers handlers;

    SessionEventsConsumer(EventConsumer events, VisitService visits) {
        this.events = events;
        EventHandlers.Effect<SessionRecord> apply = event -> visits.recordSession(event.data().visitId(), event.data().id(),
                event.data().held()).invoke(visit -> {
                    if (visit == null) {
                        throw new PoisonEventException(describe(event) + " names visit " + event.data().visitId()
                                + ", which scheduling never planned");
                    }
                }).replaceWithVoid();
        this.handlers = EventHandlers.on(RECORDED, SessionRecord.class, apply).and(CORRECTED, SessionRecord.class, apply);
    }

    @Incoming("session-events")
    public Uni<Void> onSessionEvent(Message<String> message) {
        return events.consume(CONSUMER, message, handlers);
    }

    private static String describe(ReceivedEvent<?> event) {
        return "Session record event " + event.id() + " (" + event.type() + ")";
    }
}
