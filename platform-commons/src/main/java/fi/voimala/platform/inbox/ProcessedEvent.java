package fi.voimala.platform.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The record that a consumer has applied an event. It exists because Kafka delivers at least once: written in the
 * same transaction as the event's effect, its primary key (consumer, event id) makes a redelivered event a no-op.
 * Written by {@link IdempotentConsumer} only.
 */
@Entity
@Table(name = "processed_event")
@IdClass(ProcessedEvent.Key.class)
public class ProcessedEvent extends PanacheEntityBase {

    /** Who applied it, e.g. {@code scheduling.partner-events}: one event may be applied by several consumers. */
    @Id
    public String consumer;

    /** The CloudEvent id. */
    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "processed_at")
    public Instant processedAt;

    /** The composite primary key, as JPA requires a class for it. */
    public static class Key implements Serializable {
        public String consumer;
        public UUID eventId;

        public Key() {
        }

        public Key(String consumer, UUID eventId) {
            this.consumer = consumer;
            this.eventId = eventId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(consumer, key.consumer)
                    && Objects.equals(eventId, key.eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, eventId);
        }
    }
}
