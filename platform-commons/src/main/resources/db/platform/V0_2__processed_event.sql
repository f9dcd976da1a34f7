-- Idempotent consumption (fi.voimala.platform.inbox): a consumer records each event id it applied, in the same
-- transaction as the effect. Delivery is at least once; the primary key makes a second application impossible.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
