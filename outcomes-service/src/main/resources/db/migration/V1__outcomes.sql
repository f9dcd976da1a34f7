-- Outcomes: instruments (definitions as data), measurement plans of series, measurements with their scores, each
-- person's paired changes and each series' outcome kept as sums (changed by deltas, never recomputed per read), the
-- log of research exports; and the copies of the register, the schedule and the participants this service needs
-- (from partner-events, visit-events and session-events).

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

-- From session-events: participants (code, the little kept of them, what their consent covers and since when each
-- purpose is withdrawn) and session records (who was present: the dose).
create table participant_copy (
    id                           uuid primary key,
    version                      bigint    not null,
    series_id                    uuid      not null,
    code                         text      not null,
    year_of_birth_band           text,
    gender                       text,
    consent_covers               varchar[] not null,
    participation_withdrawn_from date,
    measurements_withdrawn_from  date,
    research_withdrawn_from      date
);
create index participant_copy_series_idx on participant_copy (series_id);

create table session_record_copy (
    id              uuid primary key,
    version         bigint      not null,
    visit_id        uuid        not null,
    series_id       uuid        not null,
    held            boolean     not null,
    started_at      timestamptz,
    participant_ids uuid[]      not null default '{}'
);
create index session_record_copy_series_idx on session_record_copy (series_id);
create index session_record_copy_participants_idx on session_record_copy using gin (participant_ids);

-- ---------------------------------------------------------------------------------------------------------------
-- An instrument: a versioned definition (items, answer scale, scores), validated when imported. Never changed: a
-- corrected or completed definition (e.g. a licensed one with its item texts) is imported as a new version.
create table instrument (
    id             uuid primary key,
    key            text        not null,
    version        integer     not null,
    name           text        not null,
    target         text        not null,
    texts_included boolean     not null,
    definition     jsonb       not null,
    shipped        boolean     not null,
    imported_at    timestamptz not null,
    imported_by    text        not null,
    constraint instrument_key_version_unique unique (key, version),
    constraint instrument_target check (target in ('PARTICIPANT', 'STAFF'))
);

-- A series' measurement plan: which instrument at which time point, each with its window (days before and after the
-- time point's anchor: the first session, the last, the last plus some weeks, or each session itself).
create table measurement_plan (
    series_id  uuid primary key,
    version    bigint      not null,
    updated_at timestamptz not null,
    updated_by text        not null
);

create table measurement_plan_point (
    id                 uuid primary key,
    series_id          uuid    not null references measurement_plan (series_id) on delete cascade,
    instrument_key     text    not null,
    instrument_version integer not null,
    time_point         text    not null,
    days_before        integer not null,
    days_after         integer not null,
    follow_up_weeks    integer,
    constraint measurement_plan_point_once unique (series_id, instrument_key, time_point),
    constraint measurement_plan_point_instrument foreign key (instrument_key, instrument_version)
        references instrument (key, version),
    constraint measurement_plan_point_time_point check (time_point in
        ('BASELINE', 'END', 'FOLLOW_UP', 'BEFORE_SESSION', 'AFTER_SESSION')),
    constraint measurement_plan_point_window check (days_before between 0 and 90 and days_after between 0 and 90),
    constraint measurement_plan_point_follow_up check ((time_point = 'FOLLOW_UP') = (follow_up_weeks is not null)
        and (follow_up_weeks is null or follow_up_weeks between 1 and 104))
);

-- One person's answers to an instrument at a time point of a series, with the scores computed from them. A
-- participant (by their id in sessions) or a staff member (a professional of the register), never both.
create table measurement (
    id                    uuid primary key,
    version               bigint      not null,
    series_id             uuid        not null,
    instrument_id         uuid        not null references instrument (id),
    instrument_key        text        not null,
    time_point            text        not null,
    visit_id              uuid,
    participant_id        uuid,
    staff_professional_id uuid,
    measured_on           date        not null,
    answers               jsonb       not null,
    scores                jsonb       not null,
    -- Kept also when measured outside the plan's window, but flagged (the window as it was when recorded).
    in_window             boolean     not null,
    window_opens          date,
    window_closes         date,
    recorded_at           timestamptz not null,
    recorded_by           text        not null,
    updated_at            timestamptz not null,
    constraint measurement_one_subject check ((participant_id is null) <> (staff_professional_id is null)),
    constraint measurement_session_visit check ((time_point in ('BEFORE_SESSION', 'AFTER_SESSION')) = (visit_id is not null))
);
-- Once per person, instrument and time point (and visit, for a session's checks).
create unique index measurement_once on measurement (series_id, instrument_key, time_point,
    coalesce(visit_id, '00000000-0000-0000-0000-000000000000'), coalesce(participant_id, staff_professional_id));
create index measurement_participant_idx on measurement (participant_id);
create index measurement_staff_idx on measurement (staff_professional_id);

-- ---------------------------------------------------------------------------------------------------------------
-- A person's change on one score between two measurements: baseline to end, baseline to follow-up, or before to
-- after one session (then visit_id is that session's; else the zero id).
create table paired_change (
    series_id      uuid    not null,
    instrument_key text    not null,
    score_key      text    not null,
    comparison     text    not null,
    subject_id     uuid    not null,
    visit_id       uuid    not null,
    subject_type   text    not null,
    before         numeric not null,
    after          numeric not null,
    reaches_mid    boolean not null,
    primary key (series_id, instrument_key, score_key, comparison, subject_id, visit_id),
    constraint paired_change_comparison check (comparison in ('BASELINE_TO_END', 'BASELINE_TO_FOLLOW_UP', 'SESSION'))
);
create index paired_change_subject_idx on paired_change (subject_id);

-- A series' outcome on one score and comparison, as the sums the statistics are computed from. Each measurement
-- adds its paired change's delta in its own transaction (an atomic update, so concurrent ones add up).
create table series_outcome (
    series_id        uuid        not null,
    instrument_key   text        not null,
    score_key        text        not null,
    comparison       text        not null,
    subject_type     text        not null,
    n                bigint      not null,
    people           bigint      not null,
    sum_before       numeric     not null,
    sum_after        numeric     not null,
    sum_before_sq    numeric     not null,
    sum_after_sq     numeric     not null,
    sum_change       numeric     not null,
    sum_change_sq    numeric     not null,
    reaching_mid     bigint      not null,
    updated_at       timestamptz not null,
    primary key (series_id, instrument_key, score_key, comparison)
);

-- ---------------------------------------------------------------------------------------------------------------
-- Every research export: who, when, what (kind and filters) and how many rows left the service. Append-only.
create table export_log (
    id                 uuid primary key,
    at                 timestamptz not null,
    actor              text        not null,
    actor_subject      text,
    actor_organisation text,
    actor_roles        varchar[]   not null,
    kind               text        not null,
    filters            text        not null,
    rows_exported      integer     not null
);
create index export_log_at_idx on export_log (at);

create function export_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the export log is append-only' using errcode = 'P0001', constraint = 'export_log_append_only';
end $$;

create trigger export_log_append_only before update or delete on export_log
    for each row execute function export_log_append_only();
