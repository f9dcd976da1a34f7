package fi.voimala.platform.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.platform.inbox.IdempotentConsumer;
import fi.voimala.platform.inbox.IncomingEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumer as services write them: applies each widget event once (IdempotentConsumer), acks when applied or
 * already applied, nacks otherwise (the channel's failure strategy then sends the record to the dead-letter topic).
 */
@ApplicationScoped
public class TestWidgetConsumer {

    public static final String CONSUMER = "test.widget-events";

    private final IdempotentConsumer idempotent;
    private final ObjectMapper objectMapper;

    TestWidgetConsumer(IdempotentConsumer idempotent, ObjectMapper objectMapper) {
        this.idempotent = idempotent;
        this.objectMapper = objectMapper;
    }

    @Incoming("widget-events")
    public Uni<Void> consume(Message<String> message) {
        return idempotent.applyOnce(CONSUMER, message, () -> {
                    TestWidgetSeen seen = new TestWidgetSeen();
                    seen.consumer = CONSUMER;
                    seen.eventId = UUID.fromString(IncomingEvents.id(message).orElseThrow());
                    try {
                        seen.widgetId = objectMapper.readTree(message.getPayload()).get("widgetId").asText();
                    } catch (Exception e) {
                        return Uni.createFrom().failure(e);
                    }
                    return seen.persist().replaceWithVoid();
                })
                .onItemOrFailure().transformToUni((applied, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : Uni.createFrom().completionStage(message.nack(failure)));
    }
}
