package fi.voimala.platform.testing;


import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.microprofile.reactive.messaging.Message;

/** What the outbox relay sent to the in-memory channel in fast tests, as a consumer would read it. */
public final class SentEvents {

    public record Event(String id, String type, String subject, String topic, Object key, JsonObject data) {
    }

    private final InMemoryConnector connector;

    public SentEvents(InMemoryConnector connector) {
        this.connector = connector;
    }

    public List<Event> all() {
        return connector.sink("outbox").received().stream().map(SentEvents::event).toList();
    }

    public List<Event> matching(Predicate<Event> filter) {
        return all().stream().filter(filter).toList();
    }

    public List<Event> about(String subject) {
        return matching(e -> subject.equals(e.subject()));
    }

    /** Waits until at least {@code count} events match (the relay runs after commit). */
    public List<Event> await(Predicate<Event> filter, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> matching(filter).size() >= count);
        return matching(filter);
    }

    private static Event event(Message<?> message) {
        OutgoingCloudEventMetadata<?> ce = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        OutgoingKafkaRecordMetadata<?> kafka = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        return new Event(ce.getId(), ce.getType(), ce.getSubject().orElse(null), kafka.getTopic(), kafka.getKey(),
                new JsonObject((String) message.getPayload()));
    }

}
