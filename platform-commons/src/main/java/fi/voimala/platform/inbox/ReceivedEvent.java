package fi.voimala.platform.inbox;

import java.time.OffsetDateTime;

/**
 * An incoming CloudEvent as a consumer's effect sees it: the attributes it may need and the data, already read into
 * the consumer's own event record.
 *
 * @param id      the CloudEvent id (a UUID): the idempotency key
 * @param type    e.g. {@code fi.voimala.partner.organisation.joined.v1}
 * @param subject the aggregate's id (also the Kafka key), or null when the event has none
 * @param time    when the change happened, or null when the event does not say
 * @param data    the event's data as the consumer's record
 */
public record ReceivedEvent<T>(String id, String type, String subject, OffsetDateTime time, T data) {
}
