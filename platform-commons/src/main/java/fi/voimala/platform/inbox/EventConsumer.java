package fi.voimala.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The one way a service consumes events: reads the CloudEvent, applies its effect exactly once
 * ({@link IdempotentConsumer}), and acknowledges it; retries what may pass; dead-letters only what never can.
 *
 * <pre>{@code
 * @Incoming("partner-events")
 * public Uni<Void> onPartnerEvent(Message<String> message) {
 *     return events.consume("scheduling.partner-events", message, handlers);
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Permanent</b> failures are dead-lettered: the message is nacked with a {@link PoisonEventException} whose
 *   message (a sentence naming the event and the reason) the channel's {@code dead-letter-queue} failure strategy
 *   writes to the {@code <topic>-dlq} record as the {@code dead-letter-reason} header. Permanent are: no {@code ce_id}
 *   or one that is not a UUID, no {@code ce_type}, data that is not JSON or does not fit the consumer's record (a
 *   missing {@code required} property, a wrong type, a Bean Validation constraint of the record), and a
 *   {@link PoisonEventException} from the effect.</li>
 *   <li><b>Every other</b> failure is taken as temporary (the database briefly down, a lock conflict, a row that is not
 *   there yet) and retried with a growing backoff ({@code voimala.consumer.retry.initial-backoff}, doubling up to
 *   {@code voimala.consumer.retry.max-backoff}) for as long as it takes, each retry logged at WARN with its attempt
 *   number. Meanwhile the message is neither acked nor nacked, so its partition waits behind it and the consumer's
 *   copy cannot silently diverge.</li>
 *   <li>Types without a handler are acked and skipped; unknown JSON fields are ignored (events are read tolerantly).</li>
 * </ul>
 *
 * Counts {@code voimala_consumer_retries_total} and {@code voimala_consumer_dead_letters_total} (tag {@code consumer}).
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final IdempotentConsumer idempotent;
    private final ObjectMapper objectMapper;
    private final Validator validator;
    private final MeterRegistry registry;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    EventConsumer(IdempotentConsumer idempotent, ObjectMapper objectMapper, Validator validator, MeterRegistry registry,
                  @ConfigProperty(name = "voimala.consumer.retry.initial-backoff", defaultValue = "1s") Duration initialBackoff,
                  @ConfigProperty(name = "voimala.consumer.retry.max-backoff", defaultValue = "1m") Duration maxBackoff) {
        this.idempotent = idempotent;
        this.objectMapper = objectMapper;
        this.validator = validator;
        this.registry = registry;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff.compareTo(initialBackoff) < 0 ? initialBackoff : maxBackoff;
    }

    /**
     * Applies the message's event once and acks it, or dead-letters it when it can never be applied; retries meanwhile.
     *
     * @param consumer a stable name for the consuming logic, {@code <service>.<topic>} by convention: the events it
     *                 applied are remembered under this name
     * @param message  the incoming Kafka message; its payload is the JSON data (a String or UTF-8 bytes)
     * @param handlers what to do per event type
     * @return completes when the message has been acked or nacked
     */
    public Uni<Void> consume(String consumer, Message<?> message, EventHandlers handlers) {
        // Reading is inside the retried part too: a failure there that is not known to be permanent (a channel that
        // delivers objects instead of text) must hold the message, not dead-letter it.
        Uni<Boolean> once = Uni.createFrom().deferred(() -> applyOnce(consumer, message, handlers));
        Context context = Vertx.currentContext();
        if (context != null) {
            // Hibernate Reactive must run on the Vert.x context the message came on; a retry fires on a timer thread.
            Executor onContext = task -> context.runOnContext(ignored -> task.run());
            once = once.runSubscriptionOn(onContext);
        }
        AtomicInteger attempt = new AtomicInteger(1);
        return once
                .onFailure(EventConsumer::isTemporary).invoke(failure -> {
                    counter("voimala.consumer.retries", "Event applications that failed temporarily and were retried",
                            consumer).increment();
                    LOG.warnf("Consumer %s: attempt %d to apply event %s failed; retrying: %s", consumer,
                            attempt.getAndIncrement(), IncomingEvents.id(message).orElse("(no id)"), failure);
                })
                .onFailure(EventConsumer::isTemporary).retry().withBackOff(initialBackoff, maxBackoff).indefinitely()
                .onItemOrFailure().transformToUni((applied, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    PoisonEventException poison = poisonIn(failure);
                    if (poison == null) {
                        // Only when retrying itself broke (e.g. the app is stopping): leave the message unacknowledged
                        // so that it is delivered again after a restart, rather than dead-letter a good event.
                        LOG.errorf(failure, "Consumer %s stopped retrying event %s; it stays unacknowledged", consumer,
                                IncomingEvents.id(message).orElse("(no id)"));
                        return Uni.createFrom().nothing();
                    }
                    LOG.errorf("Consumer %s sends a message to the dead-letter topic: %s", consumer, poison.getMessage());
                    counter("voimala.consumer.dead.letters",
                            "Events sent to the dead-letter topic because they can never be applied", consumer).increment();
                    return Uni.createFrom().completionStage(message.nack(poison));
                });
    }

    private Uni<Boolean> applyOnce(String consumer, Message<?> message, EventHandlers handlers) {
        String id = IncomingEvents.id(message).orElseThrow(() -> new PoisonEventException(
                "The message has no CloudEvent id (no ce_id header), so it cannot be applied exactly once"));
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("The CloudEvent id (ce_id) '" + id + "' is not a UUID");
        }
        String type = IncomingEvents.type(message).orElseThrow(() -> new PoisonEventException(
                "Event " + id + " has no type (no ce_type header), so no consumer can know what it means"));
        EventHandlers.Handler<?> handler = handlers.forType(type).orElse(null);
        if (handler == null) {
            return Uni.createFrom().item(false);
        }
        ReceivedEvent<?> event = read(id, type, message, handler);
        return idempotent.applyOnce(consumer, id, () -> apply(handler, event));
    }

    private static boolean isTemporary(Throwable failure) {
        return poisonIn(failure) == null;
    }

    @SuppressWarnings("unchecked")
    private static <T> Uni<Void> apply(EventHandlers.Handler<T> handler, ReceivedEvent<?> event) {
        Uni<Void> effect = handler.effect().apply((ReceivedEvent<T>) event);
        return effect == null ? Uni.createFrom().voidItem() : effect;
    }

    private <T> ReceivedEvent<T> read(String id, String type, Message<?> message, EventHandlers.Handler<T> handler) {
        Object payload = message.getPayload();
        String json;
        if (payload == null || payload instanceof String) {
            json = (String) payload;
        } else if (payload instanceof byte[] bytes) {
            json = new String(bytes, StandardCharsets.UTF_8);
        } else {
            throw new IllegalStateException("Consumers read the data as text: set the channel's value.deserializer to "
                    + "StringDeserializer (the payload is a " + payload.getClass().getName() + ")");
        }
        if (json == null || json.isBlank()) {
            throw new PoisonEventException("Event " + id + " (" + type + ") has no data");
        }
        T data;
        try {
            data = objectMapper.readerFor(handler.dataType())
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json);
        } catch (InvalidDefinitionException e) {
            // The consumer's record cannot be built at all: a bug of the consumer, not of the event. Retried (and
            // logged at every attempt) until the consumer is fixed, rather than sending every such event to the DLQ.
            throw new IllegalStateException("Consumer's record " + handler.dataType().getName()
                    + " cannot be read by Jackson: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("The data of event " + id + " (" + type + ") cannot be read as "
                    + handler.dataType().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (data == null) {
            throw new PoisonEventException("Event " + id + " (" + type + ") has no data (JSON null)");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("The data of event " + id + " (" + type + ") breaks its rules: "
                    + violations.stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .distinct()
                    .collect(Collectors.joining("; ")));
        }
        return new ReceivedEvent<>(id, type, IncomingEvents.subject(message).orElse(null),
                IncomingEvents.time(message).orElse(null), data);
    }

    private static PoisonEventException poisonIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonEventException poison) {
                return poison;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private Counter counter(String name, String description, String consumer) {
        return Counter.builder(name).description(description).tag("consumer", consumer).register(registry);
    }
}
