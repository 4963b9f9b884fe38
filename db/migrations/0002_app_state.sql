-- Facts about the installation itself, such as whether the demo data were loaded (so deleting every plan does not
-- bring them back at the next start).
create table app_state (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
-- A database that already has plans was set up before this table existed: it is not empty.
insert into app_state (key, value) select 'demo_loaded', 'true' where exists (select 1 from plans);
