-- Erasure takes a participant out of earlier audit entries: out of participant_ids (V1) and now also out of the
-- endpoint, where a participant's own paths name their id (GET /api/participants/<id>, .../<id>/withdrawal). The log
-- stays append-only: an update may only remove ids from participant_ids and, in the same update, replace each removed
-- id in the endpoint by '[erased]'; every other column, and an endpoint otherwise, stays as written.
-- A new migration, not an edit of V1: databases already at V1 (kept test databases, the demo) would refuse a changed V1.
create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
declare
    erased   uuid;
    endpoint text := old.endpoint;
begin
    if tg_op = 'DELETE' then
        raise exception 'the audit log is append-only' using errcode = 'P0001', constraint = 'audit_entry_append_only';
    end if;
    foreach erased in array old.participant_ids loop
        if not (erased = any (new.participant_ids)) then
            endpoint := replace(endpoint, erased::text, '[erased]');
        end if;
    end loop;
    if new.id <> old.id or new.at <> old.at or new.actor <> old.actor
        or new.actor_subject is distinct from old.actor_subject
        or new.actor_organisation is distinct from old.actor_organisation
        or new.actor_roles <> old.actor_roles or new.action <> old.action or new.endpoint <> endpoint
        or new.series_id is distinct from old.series_id or new.detail is distinct from old.detail
        or not (new.participant_ids <@ old.participant_ids) then
        raise exception 'the audit log is append-only (erasure may only take a participant out)'
            using errcode = 'P0001', constraint = 'audit_entry_append_only';
    end if;
    return new;
end $$;
