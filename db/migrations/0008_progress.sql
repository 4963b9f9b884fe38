-- Monitoring (issue 4, parts 1–3): progress on activities, realised frequencies and quarterly update rounds.
-- Dashboards aggregate these tables; every row carries owner_id (the activity's or plan's owner) like all plan data.

-- A person in the plans (an official, a partner's contact) can be linked to their Regie account, so the activities
-- they are responsible for reach them ("mijn updates"). Set by the adviseur or beheerder.
alter table people add column user_id uuid references users (id) on delete set null;
create index people_user on people (user_id) where user_id is not null;

-- Quarterly update rounds of a programme. One per programme and quarter, at most one open at a time. Closing stores
-- the frozen snapshot (the figures as reported, built by buildRoundSnapshot); a closed round never changes again.
create table update_rounds (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  plan_id uuid not null references plans (id) on delete cascade,
  quarter text not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  status text not null default 'open' check (status in ('open', 'closed')),
  due_on date,
  opened_at timestamptz not null default now(),
  opened_by_user_id uuid,
  opened_by_label text not null,
  closed_at timestamptz,
  closed_by_user_id uuid,
  closed_by_label text,
  snapshot jsonb,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (plan_id, quarter),
  check ((status = 'closed') = (closed_at is not null and snapshot is not null))
);
create unique index update_rounds_one_open on update_rounds (plan_id) where status = 'open';
create index update_rounds_owner on update_rounds (owner_id);

create function refuse_closed_round_change() returns trigger language plpgsql as $$
begin
  raise exception 'Een gesloten updateronde kan niet meer worden gewijzigd' using errcode = 'P0001';
end
$$;
create trigger update_rounds_closed_frozen before update on update_rounds
  for each row when (old.status = 'closed') execute function refuse_closed_round_change();

-- The activities a round asks for an update, fixed when it opens (see isAwaitedInRound).
create table update_round_activities (
  round_id uuid not null references update_rounds (id) on delete cascade,
  activity_id uuid not null references activities (id) on delete cascade,
  owner_id uuid not null references organisations (id),
  primary key (round_id, activity_id)
);
create index update_round_activities_activity on update_round_activities (activity_id);

-- An activity's history: status changes and progress notes, with percentage or milestone, by their author. Append-only
-- (a correction is a new entry): the database refuses updates of what was written; rows go only with their activity.
-- round_id: the round that was open for the programme when the entry was made (its update for that round); it is
-- cleared only when the round itself goes, with its plan.
create table activity_progress (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  activity_id uuid not null references activities (id) on delete cascade,
  round_id uuid references update_rounds (id) on delete set null,
  at timestamptz not null default now(),
  author_user_id uuid,
  author_label text not null,
  status_from text,
  status_to text,
  note text,
  percent_complete integer check (percent_complete between 0 and 100),
  milestone text,
  check ((status_from is null) = (status_to is null)),
  check (status_to is not null or note is not null or percent_complete is not null or milestone is not null)
);
create index activity_progress_activity on activity_progress (activity_id, at desc);
create index activity_progress_round on activity_progress (round_id, activity_id) where round_id is not null;
create index activity_progress_owner on activity_progress (owner_id, at);

create function refuse_progress_change() returns trigger language plpgsql as $$
begin
  raise exception 'De voortgangsgeschiedenis kan alleen worden aangevuld, niet gewijzigd' using errcode = 'P0001';
end
$$;
create trigger activity_progress_append_only
  before update of id, owner_id, activity_id, at, author_user_id, author_label, status_from, status_to, note, percent_complete, milestone
  on activity_progress for each row execute function refuse_progress_change();

-- Realised frequency: each time an activity with a frequency took place.
create table activity_occurrences (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  activity_id uuid not null references activities (id) on delete cascade,
  occurred_on date not null,
  note text,
  author_user_id uuid,
  author_label text not null,
  created_at timestamptz not null default now()
);
create index activity_occurrences_activity on activity_occurrences (activity_id, occurred_on);
create index activity_occurrences_owner on activity_occurrences (owner_id, occurred_on);

-- Reminders sent in a round, per user: shown in the app to the user and on the round page to the adviseur.
create table update_round_reminders (
  id bigint generated always as identity primary key,
  round_id uuid not null references update_rounds (id) on delete cascade,
  owner_id uuid not null references organisations (id),
  user_id uuid not null references users (id) on delete cascade,
  sent_at timestamptz not null default now(),
  sent_by_label text not null,
  activity_count integer not null,
  is_emailed boolean not null default false
);
create index update_round_reminders_user on update_round_reminders (user_id, round_id);
create index update_round_reminders_round on update_round_reminders (round_id);
