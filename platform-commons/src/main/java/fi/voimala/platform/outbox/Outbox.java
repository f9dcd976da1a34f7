package fi.voimala.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records a domain event in the outbox table within the caller's transaction. This is how a service publishes what
 * happened: because the event row commits or rolls back together with the change it reports, no committed change is
 * ever without its event and no rolled-back change ever has one. {@link OutboxRelay} sends it to Kafka after commit.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper objectMapper;

    Outbox(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * Writes an event into the outbox in the current reactive session and transaction. Call it inside
     * {@code Panache.withTransaction(...)} or a {@code @WithTransaction} method, after the change it reports.
     *
     * @param topic   the Kafka topic, e.g. {@code partner-events}
     * @param type    the CloudEvent type, {@code fi.voimala.<area>.<aggregate>.<happened>.v<n>}
     * @param subject the aggregate's id: the CloudEvent subject and the Kafka key
     * @param data    the event's data, serialised to JSON with the application's Jackson {@code ObjectMapper}
     * @return the recorded row (its {@code id} is the CloudEvent id); fails if there is no transaction
     */
    public Uni<OutboxEvent> record(String topic, String type, String subject, Object data) {
        requireText(topic, "topic");
        requireText(type, "type");
        requireText(subject, "subject");
        String payload;
        try {
            payload = objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "The data of event " + type + " cannot be written as JSON: " + e.getOriginalMessage(), e));
        }
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.type = type;
        event.subject = subject;
        // PostgreSQL keeps microseconds; truncating here keeps the returned row equal to what is stored and sent.
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.payload = payload;
        // The request's trace travels with the event: the relay sends it as the record's traceparent header, so the
        // consumer continues this trace rather than the relay's.
        event.traceparent = currentTraceparent();
        // Outside a transaction the row would be written by no one (or by a later, unrelated flush): refuse it.
        return Panache.currentTransaction().chain(transaction -> transaction == null
                ? Uni.createFrom().failure(new IllegalStateException(
                        "Outbox.record must run inside the transaction of the change it reports"
                                + " (Panache.withTransaction or @WithTransaction)"))
                : event.persist());
    }

    /** The current span as a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}), or null outside a trace. */
    static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An outbox event needs a " + name);
        }
    }
}
