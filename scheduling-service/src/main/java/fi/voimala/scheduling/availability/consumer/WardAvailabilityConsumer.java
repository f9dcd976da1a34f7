package fi.voimala.scheduling.availability.consumer;

import fi.voimala.platform.inbox.EventConsumer;
import fi.voimala.platform.inbox.EventHandlers;
import fi.voimala.scheduling.events.WardAvailabilityEventData;
import fi.voimala.scheduling.availability.service.StatementApplier;
import fi.voimala.scheduling.events.SchedulingEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Applies the hospitals' statements from topic ward-availability, whether they came through scheduling's HTTP door or
 * straight from a hospital's integration engine: each once ({@link EventConsumer}), in order per ward (the key), a
 * statement that can never apply dead-lettered to ward-availability-dlq with the reason.
 */
@ApplicationScoped
public class WardAvailabilityConsumer {

    static final String CONSUMER = "scheduling.ward-availability";
    public static final String PUBLISHED = SchedulingEvents.type(SchedulingEvents.WARD_AVAILABILITY_PUBLISHED);

    private final EventConsumer events;
    private final EventHandlers handlers;

    WardAvailabilityConsumer(EventConsumer events, StatementApplier applier) {
        this.events = events;
        this.handlers = EventHandlers.on(PUBLISHED, WardAvailabilityEventData.class, applier::apply);
    }

    @Incoming("ward-availability")
    public Uni<Void> onStatement(Message<String> message) {
        return events.consume(CONSUMER, message, handlers);
    }
}
