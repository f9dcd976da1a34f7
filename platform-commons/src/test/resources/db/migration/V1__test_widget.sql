-- Test-only tables: a change that records an event, and the effect an idempotent consumer applies.
create table test_widget (
    id   uuid primary key,
    name text not null
);

create table test_widget_seen (
    id        bigserial primary key,
    consumer  text not null,
    event_id  uuid not null,       -- deliberately not unique: a second application would show as a second row
    widget_id text not null,
    trace_id  text                 -- the trace the effect ran in (OpenTelemetry's current span)
);
