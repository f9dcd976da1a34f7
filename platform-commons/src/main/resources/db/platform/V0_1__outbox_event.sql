-- Transactional outbox (fi.voimala.platform.outbox): an event is written here in the same transaction as the change
-- it reports, and OutboxRelay sends it to Kafka after commit. Shipped by platform-commons for every service
-- (quarkus.flyway.locations=db/migration,db/platform); services number their own migrations from V1.
create table outbox_event (
    id           uuid        primary key,          -- the CloudEvent id: consumers' idempotency key
    position     bigserial   not null,             -- relay order (insertion order)
    topic        text        not null,
    type         text        not null,             -- CloudEvent type, e.g. fi.voimala.partner.organisation.joined.v1
    subject      text        not null,             -- the aggregate id; also the Kafka key, so one aggregate stays in order
    occurred_at  timestamptz not null,
    payload      jsonb       not null,
    published_at timestamptz null,                 -- null until the broker has acknowledged the record
    attempts     integer     not null default 0,   -- failed sends so far
    last_error   text        null
);

-- The relay only ever looks for unpublished rows in position order; published rows are history.
create index outbox_event_unpublished on outbox_event (position) where published_at is null;
