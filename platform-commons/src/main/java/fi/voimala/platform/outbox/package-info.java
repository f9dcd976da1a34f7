/**
 * The transactional outbox: an event is written in the same database transaction as the change it reports
 * ({@link fi.voimala.platform.outbox.Outbox#record}) and relayed to Kafka after commit
 * ({@link fi.voimala.platform.outbox.OutboxRelay}), so a change is never committed without its event, nor an event
 * published for a change that rolled back, and a broker outage delays events instead of dropping them.
 * See docs/conventions.md, "Events".
 */
package fi.voimala.platform.outbox;
