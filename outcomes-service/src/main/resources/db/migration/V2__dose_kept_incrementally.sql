-- The dose beside the outcomes, kept as measurements and session records arrive instead of counted per read (reading
-- it from every session record and paired change took over 100 ms for a network-wide query over a million
-- measurements): each participant's held sessions attended, each series' sessions held, attendances and participants,
-- and each series' outcome sums by band of sessions attended. Filled here from what the tables already hold.

alter table participant_copy add column sessions_attended integer not null default 0;

update participant_copy p set sessions_attended = (select count(*) from session_record_copy r
    where r.held and r.series_id = p.series_id and p.id = any(r.participant_ids));

create table series_attendance (
    series_id     uuid primary key,
    sessions_held integer not null default 0,
    attendances   integer not null default 0,
    participants  integer not null default 0
);

insert into series_attendance (series_id, sessions_held, attendances, participants)
select s.series_id, sum(s.held), sum(s.attendances), sum(s.participants) from (
    select series_id, count(*) filter (where held) as held,
           coalesce(sum(cardinality(participant_ids)) filter (where held), 0) as attendances, 0 as participants
      from session_record_copy group by series_id
    union all
    select series_id, 0, 0, count(*) from participant_copy group by series_id) s
group by s.series_id;

-- A series' outcome on a score and comparison (not the sessions' own lifts) among the participants whose attendance
-- falls in a band: 0-4, 5-9, 10-14 or 15+ held sessions. A participant's rows move between bands as they attend.
create table series_dose_outcome (
    series_id      uuid    not null,
    instrument_key text    not null,
    score_key      text    not null,
    comparison     text    not null,
    dose_band      text    not null,
    subject_type   text    not null,
    n              bigint  not null,
    people         bigint  not null,
    sum_before     numeric not null,
    sum_after      numeric not null,
    sum_before_sq  numeric not null,
    sum_after_sq   numeric not null,
    sum_change     numeric not null,
    sum_change_sq  numeric not null,
    reaching_mid   bigint  not null,
    primary key (series_id, instrument_key, score_key, comparison, dose_band),
    constraint series_dose_outcome_band check (dose_band in ('0-4', '5-9', '10-14', '15+'))
);

insert into series_dose_outcome
select pc.series_id, pc.instrument_key, pc.score_key, pc.comparison,
       case when p.sessions_attended < 5 then '0-4' when p.sessions_attended < 10 then '5-9'
            when p.sessions_attended < 15 then '10-14' else '15+' end,
       pc.subject_type, count(*), count(distinct pc.subject_id), sum(pc.before), sum(pc.after),
       sum(pc.before * pc.before), sum(pc.after * pc.after), sum(pc.after - pc.before),
       sum((pc.after - pc.before) * (pc.after - pc.before)), count(*) filter (where pc.reaches_mid)
  from paired_change pc join participant_copy p on p.id = pc.subject_id
 where pc.comparison <> 'SESSION'
 group by 1, 2, 3, 4, 5, 6;
