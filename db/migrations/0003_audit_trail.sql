-- The audit trail: who did what, when, for which organisation. Written in the same transaction as the change it
-- records, so a failed change leaves no trace and a change never goes unrecorded. Append-only: the database itself
-- refuses to update, delete or truncate audit rows. The actor is kept by id and by the name it had at the time
-- (no foreign key: removing a user must not touch the trail).
create table audit_events (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_user_id uuid,
  actor_label text not null,
  organisation_id uuid,
  action text not null check (action in (
    'create', 'update', 'delete', 'import', 'export', 'login', 'login_failed', 'logout', 'role_change', 'token_use'
  )),
  entity text,
  entity_id uuid,
  before jsonb,
  after jsonb
);
create index audit_events_organisation on audit_events (organisation_id, at desc);
create index audit_events_entity on audit_events (entity, entity_id);

create function refuse_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'Het auditlogboek kan alleen worden aangevuld, niet gewijzigd' using errcode = 'P0001';
end
$$;
create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function refuse_audit_change();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function refuse_audit_change();
