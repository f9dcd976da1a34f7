/**
 * Idempotent consumption: Kafka delivers at least once, so a consumer remembers the CloudEvent ids it applied in the
 * same transaction as the effect ({@link fi.voimala.platform.inbox.IdempotentConsumer}) and skips redeliveries.
 * See docs/conventions.md, "Events".
 */
package fi.voimala.platform.inbox;
