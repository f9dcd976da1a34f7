-- Scheduling: activity groups, series of pair visits, the visits themselves, professionals' absences, hospital
-- wards' availability and calendar feeds; and the copy of the partner register this service needs (from
-- partner-events). Every rule that concurrent requests could break between a check and a write is a constraint.

create extension if not exists btree_gist;

-- ---------------------------------------------------------------------------------------------------------------
-- The copy of the partner register, kept from partner-events (replaced only by a newer version). No foreign keys
-- between copies: events of different aggregates may arrive in any order.
create table organisation_copy (
    id             uuid primary key,
    version        bigint not null,
    name           text   not null,
    keycloak_alias text   not null,
    status         text   not null
);
create index organisation_copy_alias_idx on organisation_copy (keycloak_alias);

create table professional_copy (
    id               uuid primary key,
    version          bigint not null,
    organisation_id  uuid   not null,
    first_name       text   not null,
    last_name        text   not null,
    email            text,
    field            text   not null,
    keycloak_user_id text
);
create index professional_copy_organisation_idx on professional_copy (organisation_id);
create index professional_copy_login_idx on professional_copy (keycloak_user_id);

create table pair_copy (
    id                   uuid primary key,
    version              bigint not null,
    arts_professional_id uuid   not null,
    care_professional_id uuid   not null,
    status               text   not null,
    dissolved_on         date,
    dissolve_reason      text
);

create table site_copy (
    id              uuid primary key,
    version         bigint not null,
    organisation_id uuid   not null,
    name            text   not null,
    type            text   not null,
    street          text,
    postal_code     text,
    city            text,
    hospital_name   text,
    ward_code       text,
    status          text   not null,
    closed_on       date,
    close_reason    text
);
create index site_copy_organisation_idx on site_copy (organisation_id);
create index site_copy_ward_idx on site_copy (organisation_id, lower(ward_code)) where ward_code is not null;

-- ---------------------------------------------------------------------------------------------------------------
create table activity_group (
    id            uuid primary key,
    version       bigint      not null,
    site_id       uuid        not null references site_copy (id),
    name          text        not null,
    target_group  text        not null,
    size          integer     not null,
    needs         varchar[]   not null default '{}',
    contact_name  text,
    contact_phone text,
    contact_email text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    constraint activity_group_size check (size between 1 and 200)
);
create index activity_group_site_idx on activity_group (site_id);

create table series (
    id                   uuid primary key,
    version              bigint      not null,
    group_id             uuid        not null references activity_group (id),
    -- The group's site, kept here so that scoping a series needs no join (a group does not change sites).
    site_id              uuid        not null references site_copy (id),
    pair_id              uuid        not null references pair_copy (id),
    art_forms            varchar[]   not null,
    planned_sessions     integer     not null,
    session_count_reason text,
    frequency            text        not null,
    weekday              text        not null,
    start_time           time        not null,
    duration_minutes     integer     not null,
    first_date           date        not null,
    planned_end          date        not null,
    status               text        not null,
    status_reason        text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    -- The method's range is 15-30 sessions; outside it only with a written reason.
    constraint series_session_count_reason check (planned_sessions between 15 and 30
        or (session_count_reason is not null and length(trim(session_count_reason)) > 0)),
    constraint series_session_count check (planned_sessions between 1 and 60),
    constraint series_duration check (duration_minutes between 15 and 480)
);
create index series_group_idx on series (group_id);
create index series_pair_idx on series (pair_id);

create table visit (
    id                   uuid primary key,
    version              bigint      not null,
    series_id            uuid        not null references series (id),
    ordinal              integer     not null,
    pair_id              uuid        not null,
    site_id              uuid        not null,
    arts_professional_id uuid        not null,
    care_professional_id uuid        not null,
    starts_at            timestamptz not null,
    ends_at              timestamptz not null,
    status               text        not null,
    -- iCalendar SEQUENCE: raised on every change a calendar app must see (a move, a cancellation).
    sequence             integer     not null default 0,
    status_reason        text,
    session_record_id    uuid,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    constraint visit_time_order check (ends_at > starts_at)
);
create index visit_series_idx on visit (series_id, starts_at);
create index visit_site_idx on visit (site_id, starts_at);
create index visit_arts_idx on visit (arts_professional_id, starts_at);
create index visit_care_idx on visit (care_professional_id, starts_at);
create index visit_starts_idx on visit (starts_at);

create table absence (
    id              uuid primary key,
    version         bigint      not null,
    professional_id uuid        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    reason          text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint absence_time_order check (ends_at > starts_at)
);
create index absence_professional_idx on absence (professional_id, starts_at);

-- No double booking: the time each professional is taken, by a visit (one row per pair member) or an absence.
-- The exclusion constraint makes PostgreSQL itself refuse an overlap, so two concurrent requests cannot both win.
create table professional_booking (
    id              uuid primary key,
    professional_id uuid        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    during          tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
    visit_id        uuid references visit (id) on delete cascade,
    absence_id      uuid references absence (id) on delete cascade,
    constraint booking_one_owner check (num_nonnulls(visit_id, absence_id) = 1),
    constraint booking_no_overlap exclude using gist (professional_id with =, during with &&)
);
create index professional_booking_visit_idx on professional_booking (visit_id);
create index professional_booking_absence_idx on professional_booking (absence_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Ward availability: what each hospital ward has published, applied in arrival order. `available` is the union of
-- AVAILABLE windows minus the UNAVAILABLE ones that came after them.
create table ward_calendar (
    site_id    uuid primary key references site_copy (id),
    available  tstzmultirange not null default '{}',
    updated_at timestamptz    not null
);

create table ward_statement (
    id                       uuid primary key,
    site_id                  uuid        not null references site_copy (id),
    hospital_organisation_id uuid        not null,
    ward_code                text        not null,
    starts_at                timestamptz not null,
    ends_at                  timestamptz not null,
    state                    text        not null,
    reason                   text,
    received_at              timestamptz not null,
    constraint ward_statement_time_order check (ends_at > starts_at)
);
create index ward_statement_site_idx on ward_statement (site_id, starts_at);

-- ---------------------------------------------------------------------------------------------------------------
-- Calendar feeds: a professional's secret feed URL. Only the secret's SHA-256 is stored.
create table calendar_feed (
    id              uuid primary key,
    professional_id uuid        not null,
    secret_hash     text        not null,
    created_at      timestamptz not null,
    revoked_at      timestamptz,
    constraint calendar_feed_secret_unique unique (secret_hash)
);
create unique index calendar_feed_one_active on calendar_feed (professional_id) where revoked_at is null;
