-- The relay sends an event right after the transaction that recorded it commits, instead of on its next tick
-- (docs/conventions.md, "Events"). Every relay LISTENs on channel outbox_event; PostgreSQL delivers a NOTIFY only
-- when the transaction commits, never for one that rolls back, and folds a transaction's identical notifications
-- into one. The payload is empty: the relay claims whatever is unpublished, so it needs no row ids.
create function outbox_event_notify() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('outbox_event', '');
    return null;
end
$$;

-- Per statement, not per row: one notification per insert statement is enough to wake the relays.
create trigger outbox_event_notify
    after insert on outbox_event
    for each statement
    execute function outbox_event_notify();
