-- Sessions: pseudonymous participants and their consent, session records (attendance, staff present), corrections'
-- history and the audit log of participant data; and the copies of the register and of the schedule this service
-- needs (from partner-events and visit-events). Every rule that concurrent requests could break is a constraint.

-- ---------------------------------------------------------------------------------------------------------------
-- Copies kept from other services' events, each replaced only by a newer version. No foreign keys between copies:
-- events of different aggregates may arrive in any order.
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
    status               text   not null
);
create index pair_copy_arts_idx on pair_copy (arts_professional_id);
create index pair_copy_care_idx on pair_copy (care_professional_id);

create table site_copy (
    id              uuid primary key,
    version         bigint not null,
    organisation_id uuid   not null,
    name            text   not null,
    type            text   not null,
    status          text   not null
);
create index site_copy_organisation_idx on site_copy (organisation_id);

-- From visit-events: activity groups (their target group counts people reached), series and visits.
create table group_copy (
    id           uuid primary key,
    version      bigint not null,
    site_id      uuid   not null,
    name         text   not null,
    target_group text   not null,
    size         integer not null
);

create table series_copy (
    id                uuid primary key,
    version           bigint    not null,
    group_id          uuid      not null,
    site_id           uuid      not null,
    pair_id           uuid      not null,
    art_forms         varchar[] not null,
    planned_sessions  integer   not null,
    duration_minutes  integer   not null,
    first_date        date      not null,
    planned_end       date      not null,
    status            text      not null
);
create index series_copy_site_idx on series_copy (site_id);
create index series_copy_pair_idx on series_copy (pair_id);

create table visit_copy (
    id                   uuid primary key,
    version              bigint      not null,
    series_id            uuid        not null,
    ordinal              integer     not null,
    pair_id              uuid        not null,
    site_id              uuid        not null,
    arts_professional_id uuid        not null,
    care_professional_id uuid        not null,
    starts_at            timestamptz not null,
    ends_at              timestamptz not null,
    status               text        not null
);
create index visit_copy_series_idx on visit_copy (series_id, starts_at);

-- ---------------------------------------------------------------------------------------------------------------
-- A participant: an elderly person enrolled in one series, known only by a generated pseudonymous code. No names,
-- no identity codes; at most a year-of-birth band and gender.
create table participant (
    id                uuid primary key,
    version           bigint      not null,
    series_id         uuid        not null,
    code              text        not null,
    year_of_birth_band text,
    gender            text,
    consent_given_by  text        not null,
    consent_given_on  date        not null,
    consent_covers    varchar[]   not null,
    consent_note      text,
    enrolled_at       timestamptz not null,
    enrolled_by       text        not null,
    updated_at        timestamptz not null,
    constraint participant_code_unique unique (code),
    constraint participant_covers_participation check ('PARTICIPATION' = any (consent_covers))
);
create index participant_series_idx on participant (series_id);

-- A withdrawal of (part of) a participant's consent, from a date on. Never changed; erased with the participant.
create table consent_withdrawal (
    id             uuid primary key,
    participant_id uuid        not null references participant (id) on delete cascade,
    withdrawn_from date        not null,
    covers         varchar[]   not null,
    note           text,
    recorded_at    timestamptz not null,
    recorded_by    text        not null,
    constraint consent_withdrawal_covers_something check (cardinality(covers) > 0)
);
create index consent_withdrawal_participant_idx on consent_withdrawal (participant_id);

-- ---------------------------------------------------------------------------------------------------------------
-- What happened at a visit: one record per visit (the unique constraint stops two concurrent first recordings).
create table session_record (
    id                 uuid primary key,
    version            bigint      not null,
    visit_id           uuid        not null,
    series_id          uuid        not null,
    site_id            uuid        not null,
    pair_id            uuid        not null,
    held               boolean     not null,
    not_held_reason    text,
    started_at         timestamptz,
    ended_at           timestamptz,
    extra_attendees    integer     not null default 0,
    other_staff_count  integer     not null default 0,
    art_forms          varchar[]   not null default '{}',
    methods            varchar[]   not null default '{}',
    observations       text,
    reflection         text,
    recorded_at        timestamptz not null,
    recorded_by        text        not null,
    -- Corrections are accepted until then (recorded_at + 14 days).
    correctable_until  timestamptz not null,
    updated_at         timestamptz not null,
    constraint session_record_one_per_visit unique (visit_id),
    constraint session_record_held_times check (not held or (started_at is not null and ended_at is not null)),
    constraint session_record_time_order check (ended_at is null or started_at is null or ended_at > started_at),
    constraint session_record_not_held_reason check (held or (not_held_reason is not null and length(trim(not_held_reason)) > 0)),
    constraint session_record_extra_attendees check (extra_attendees between 0 and 500),
    constraint session_record_other_staff check (other_staff_count between 0 and 200)
);
create index session_record_series_idx on session_record (series_id, started_at);
create index session_record_site_idx on session_record (site_id);

create table session_attendance (
    session_record_id uuid not null references session_record (id) on delete cascade,
    participant_id    uuid not null references participant (id) on delete cascade,
    primary key (session_record_id, participant_id)
);
create index session_attendance_participant_idx on session_attendance (participant_id);

-- Care staff present who are professionals of the register (others are only counted).
create table session_staff (
    session_record_id uuid not null references session_record (id) on delete cascade,
    professional_id   uuid not null,
    primary key (session_record_id, professional_id)
);

-- Each correction: who, when, what changed ({"field": {"from": ..., "to": ...}}).
create table session_record_change (
    id                uuid primary key,
    session_record_id uuid        not null references session_record (id) on delete cascade,
    version           bigint      not null,
    changed_at        timestamptz not null,
    changed_by        text        not null,
    changed_by_organisation text,
    changes           jsonb       not null
);
create index session_record_change_record_idx on session_record_change (session_record_id, version);

-- ---------------------------------------------------------------------------------------------------------------
-- The audit log of participant data: every read or change, by whom, from which organisation, through which
-- endpoint. Append-only: the API has no way to change it, and the database refuses deletes and every update
-- except the one erasure makes (taking an erased participant's id out of earlier entries).
create table audit_entry (
    id                  uuid primary key,
    position            bigserial   not null,
    at                  timestamptz not null,
    actor               text        not null,
    actor_subject       text,
    actor_organisation  text,
    actor_roles         varchar[]   not null,
    action              text        not null,
    endpoint            text        not null,
    participant_ids     uuid[]      not null default '{}',
    series_id           uuid,
    detail              text
);
create index audit_entry_at_idx on audit_entry (at);
create index audit_entry_participants_idx on audit_entry using gin (participant_ids);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'the audit log is append-only' using errcode = 'P0001', constraint = 'audit_entry_append_only';
    end if;
    if new.id <> old.id or new.at <> old.at or new.actor <> old.actor
        or new.actor_subject is distinct from old.actor_subject
        or new.actor_organisation is distinct from old.actor_organisation
        or new.actor_roles <> old.actor_roles or new.action <> old.action or new.endpoint <> old.endpoint
        or new.series_id is distinct from old.series_id or new.detail is distinct from old.detail
        or not (new.participant_ids <@ old.participant_ids) then
        raise exception 'the audit log is append-only (erasure may only take a participant out)'
            using errcode = 'P0001', constraint = 'audit_entry_append_only';
    end if;
    return new;
end $$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
