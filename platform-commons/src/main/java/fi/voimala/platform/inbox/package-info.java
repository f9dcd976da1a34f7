/**
 * Consuming events: {@link fi.voimala.platform.inbox.EventConsumer} is what every {@code @Incoming} method calls. It
 * reads the CloudEvent, parses its data into the consumer's own record ({@link fi.voimala.platform.inbox.EventHandlers}),
 * applies it once ({@link fi.voimala.platform.inbox.IdempotentConsumer}: the event id is remembered in the same
 * transaction as the effect), retries temporary failures and dead-letters only permanent ones
 * ({@link fi.voimala.platform.inbox.PoisonEventException}). See docs/conventions.md, "Events".
 */
package fi.voimala.platform.inbox;
