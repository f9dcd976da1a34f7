package fi.voimala.platform.inbox;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads the CloudEvent attributes a consumer needs (the id is its idempotency key, the type selects the handling) from
 * an incoming Kafka message: from SmallRye's CloudEvent metadata when the connector parsed it, else from the raw
 * {@code ce_} headers (e.g. with {@code cloud-events=false} on the channel).
 */
public final class IncomingEvents {

    private IncomingEvents() {
    }

    /** The CloudEvent id ({@code ce_id}). */
    public static Optional<String> id(Message<?> message) {
        return attribute(message, "ce_id", IncomingCloudEventMetadata::getId);
    }

    /** The CloudEvent type ({@code ce_type}), e.g. {@code fi.voimala.partner.organisation.joined.v1}. */
    public static Optional<String> type(Message<?> message) {
        return attribute(message, "ce_type", IncomingCloudEventMetadata::getType);
    }

    /** The CloudEvent subject ({@code ce_subject}): the aggregate id. */
    public static Optional<String> subject(Message<?> message) {
        return attribute(message, "ce_subject", cloudEvent -> cloudEvent.getSubject().orElse(null));
    }

    /** The CloudEvent time ({@code ce_time}): when the change happened; empty when absent or not RFC 3339. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Optional<OffsetDateTime> time(Message<?> message) {
        Optional<IncomingCloudEventMetadata> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class);
        if (cloudEvent.isPresent()) {
            Optional<ZonedDateTime> time = cloudEvent.get().getTimeStamp();
            if (time.isPresent()) {
                return Optional.of(time.get().toOffsetDateTime());
            }
        }
        return attribute(message, "ce_time", ignored -> null).flatMap(text -> {
            try {
                return Optional.of(OffsetDateTime.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Optional<String> attribute(Message<?> message, String header,
                                              java.util.function.Function<IncomingCloudEventMetadata<?>, String> fromCloudEvent) {
        Optional<IncomingCloudEventMetadata> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class);
        if (cloudEvent.isPresent()) {
            String value = fromCloudEvent.apply(cloudEvent.get());
            if (value != null) {
                return Optional.of(value);
            }
        }
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getHeaders().lastHeader(header))
                .map(Header::value)
                .map(value -> new String((byte[]) value, StandardCharsets.UTF_8));
    }
}
