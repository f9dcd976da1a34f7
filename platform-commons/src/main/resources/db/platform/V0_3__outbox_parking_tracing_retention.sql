-- The outbox learns to set a poison event aside, to carry the request's trace, and to be pruned
-- (docs/conventions.md, "Events").

-- attempts now counts only sends that failed while the broker was reachable (the event's own fault, not an outage).
-- After a failed attempt the row waits until retry_at (growing back-off); after voimala.outbox.max-attempts it is
-- parked: set aside, never deleted, until an operator releases it (./voimala outbox SERVICE release ...).
alter table outbox_event
    add column retry_at    timestamptz null,
    add column parked_at   timestamptz null,
    add column traceparent text        null;  -- W3C traceparent of the request that recorded the event

-- Before, attempts counted every failed send, outages included: a row that waited out an outage would otherwise be
-- parked at its first failure under the new meaning.
update outbox_event set attempts = 0 where published_at is null;

-- Rows that hold back the later events of their subject (failed at least once, or parked). They are few, so the
-- claim's "no earlier held row of the same subject" check stays an index lookup in a tiny index.
create index outbox_event_held on outbox_event (subject, position)
    where published_at is null and attempts > 0;

-- The pruner deletes published rows older than voimala.outbox.retention, and processed-event marks older than
-- voimala.inbox.retention.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
create index processed_event_processed_at on processed_event (processed_at);
