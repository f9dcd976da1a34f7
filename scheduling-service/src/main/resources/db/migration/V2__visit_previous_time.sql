-- The time a visit had before its last move, so that a reader of the visit (the pair's my-visits page) sees what
-- changed without having watched the visit.moved event. Null for a visit never moved.
alter table visit add column previous_starts_at timestamptz, add column previous_ends_at timestamptz;
