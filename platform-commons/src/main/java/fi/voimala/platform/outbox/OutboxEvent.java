package fi.voimala.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One event waiting in (or already relayed from) the outbox table. It exists so that an event can be written in the
 * same transaction as the change it reports; {@link OutboxRelay} turns it into a CloudEvent on Kafka after commit.
 * Rows are written by {@link Outbox#record} only; services read them at most for diagnostics.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** The CloudEvent id: consumers use it as their idempotency key, so it never changes on a resend. */
    @Id
    public UUID id;

    /** Assigned by the database (bigserial): the relay's order, so an aggregate's events leave in the order written. */
    @Column(insertable = false, updatable = false)
    public Long position;

    public String topic;

    /** The CloudEvent type, e.g. {@code fi.voimala.partner.organisation.joined.v1}. */
    public String type;

    /** The aggregate id: the CloudEvent subject and the Kafka key. */
    public String subject;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /**
     * The JSON data. Kept as text in Java and jsonb in the database: the double cast makes PostgreSQL parse the text
     * (a plain jsonb parameter would store it as one JSON string).
     */
    @ColumnTransformer(read = "payload::text", write = "cast(cast(? as text) as jsonb)")
    public String payload;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Failed sends while the broker was reachable (an outage does not count): what parks a poison event. */
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** After a failed attempt: not sent again before this instant (growing back-off). */
    @Column(name = "retry_at")
    public Instant retryAt;

    /**
     * Set when the event failed {@code voimala.outbox.max-attempts} times: it is set aside (not deleted) and holds back
     * the later events of its subject until an operator releases it ({@code ./voimala outbox SERVICE release}).
     */
    @Column(name = "parked_at")
    public Instant parkedAt;

    /** The W3C traceparent of the request that recorded the event; sent as the record's {@code traceparent} header. */
    public String traceparent;
}
