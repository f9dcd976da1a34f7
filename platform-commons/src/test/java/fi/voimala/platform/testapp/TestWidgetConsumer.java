package fi.voimala.platform.testapp;

import fi.voimala.platform.inbox.EventConsumer;
import fi.voimala.platform.inbox.EventHandlers;
import fi.voimala.platform.inbox.PoisonEventException;
import fi.voimala.platform.inbox.ReceivedEvent;
import io.opentelemetry.api.trace.Span;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumer as services write them, through {@link EventConsumer}: each widget event is applied once (one
 * {@link TestWidgetSeen} row), temporary failures are retried and permanent ones dead-lettered.
 */
@ApplicationScoped
public class TestWidgetConsumer {

    public static final String CONSUMER = "test.widget-events";
    /** A check of a widget: waits for the widget's row lock (a temporary failure while another transaction holds it). */
    public static final String CHECKED = "fi.voimala.test.widget.checked.v1";

    /** The consumer's own record of a created widget: only what it needs; other fields of the event are ignored. */
    public record WidgetCreated(@NotBlank String widgetId) {
    }

    /** A check of a widget; {@code possible=false} is a rule that can never hold. */
    public record WidgetChecked(@NotBlank String widgetId, boolean possible) {
    }

    private final EventConsumer events;
    private final EventHandlers handlers = EventHandlers
            .on(TestWidgetResource.TYPE, WidgetCreated.class, event -> seen(event, event.data().widgetId()))
            .and(CHECKED, WidgetChecked.class, this::check);

    TestWidgetConsumer(EventConsumer events) {
        this.events = events;
    }

    @Incoming("widget-events")
    public Uni<Void> consume(Message<String> message) {
        return events.consume(CONSUMER, message, handlers);
    }

    private Uni<Void> check(ReceivedEvent<WidgetChecked> event) {
        if (!event.data().possible()) {
            throw new PoisonEventException("Widget " + event.data().widgetId() + " can never pass its check");
        }
        // "nowait": a row locked by another transaction fails at once (PostgreSQL 55P03), as a lock timeout would.
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select name from test_widget where id = :id for update nowait")
                        .setParameter("id", UUID.fromString(event.data().widgetId()))
                        .getResultList())
                .chain(() -> seen(event, event.data().widgetId()));
    }

    private static Uni<Void> seen(ReceivedEvent<?> event, String widgetId) {
        TestWidgetSeen seen = new TestWidgetSeen();
        seen.consumer = CONSUMER;
        seen.eventId = UUID.fromString(event.id());
        seen.widgetId = widgetId;
        seen.traceId = Span.current().getSpanContext().getTraceId();
        return seen.persist().replaceWithVoid();
    }
}
