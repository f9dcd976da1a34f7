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
 * Marks a visit HELD or MISSED when sessions-service records its session (topic session-events). The record names
 * the visit it reports; one that names a visit scheduling never planned can never apply and is dead-lettered.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    static final String CONSUMER = "scheduling.session-events";
    public static final String RECORDED = "fi.voimala.session.record.recorded.v1";
    public static final String UPDATED = "fi.voimala.session.record.updated.v1";

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
        this.handlers = EventHandlers.on(RECORDED, SessionRecord.class, apply).and(UPDATED, SessionRecord.class, apply);
    }

    @Incoming("session-events")
    public Uni<Void> onSessionEvent(Message<String> message) {
        return events.consume(CONSUMER, message, handlers);
    }

    private static String describe(ReceivedEvent<?> event) {
        return "Session record event " + event.id() + " (" + event.type() + ")";
    }
}
