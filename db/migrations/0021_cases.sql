-- Cases under a privacy protocol (issue 14, ADR 0023): the register of processing activities, case types per
-- municipality, cases with their team, subjects (identifying data encrypted; found by keyed hashes only), linked
-- meldingen, history, tasks and interventions, the casusoverleg, and break-glass access. The audit trail holds ids and
-- field names of these tables, the processing log pseudonyms; retention deletes a case with everything hanging from it.

-- The register of processing activities (verwerkingsregister), kept by the privacy officer.
create table processing_activities (
  id uuid primary key,
  municipality_id uuid not null references organisations (id) on delete cascade,
  slug text not null check (slug ~ '^[a-z0-9-]{2,60}$'),
  name text not null,
  purpose text not null,
  legal_basis text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (municipality_id, slug)
);

create table case_types (
  id uuid primary key,
  municipality_id uuid not null references organisations (id) on delete cascade,
  key text not null check (key ~ '^[a-z0-9-]{2,40}$'),
  name text not null,
  -- The type's own fields, milestones and subject kinds as data (domain/cases.ts).
  fields jsonb not null default '[]',
  milestones jsonb not null default '[]',
  subject_kinds text[] not null default '{}',
  requires_bsn boolean not null default false,
  -- Retention after closing, with the Selectielijst gemeenten 2020 row it follows.
  retention_years integer not null check (retention_years between 1 and 100),
  selectielijst_row text not null,
  processing_activity_id uuid not null references processing_activities (id),
  -- Kinds of partner organisations that may be members of a case of this type (police, riec, care_safety_house …).
  partner_kinds text[] not null default '{}',
  is_active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (municipality_id, key)
);

create table cases (
  id uuid primary key,
  municipality_id uuid not null references organisations (id) on delete cascade,
  case_type_id uuid not null references case_types (id),
  -- Z-<year>-<sequence> per municipality and year.
  year integer not null,
  sequence integer not null,
  title text not null,
  status text not null default 'open',
  -- The type's fields, their values; identifying values never here (subjects hold them, encrypted).
  field_values jsonb not null default '{}',
  milestones_done jsonb not null default '{}',
  outcome text,
  opened_by uuid references users (id) on delete set null,
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  -- closed_at + the type's retention: when the daily job destroys the case.
  retain_until date,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  unique (municipality_id, year, sequence)
);
create index cases_municipality on cases (municipality_id, status);
create index cases_retain on cases (retain_until) where retain_until is not null;

-- The case team: who may read the case, with why they were added and removed.
create table case_members (
  case_id uuid not null references cases (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('casemanager', 'lid', 'partner')),
  reason text not null,
  added_by uuid references users (id) on delete set null,
  added_at timestamptz not null default now(),
  removed_by uuid references users (id) on delete set null,
  removed_at timestamptz,
  removal_reason text
);
create unique index case_members_active on case_members (case_id, user_id) where removed_at is null;
create index case_members_user on case_members (user_id) where removed_at is null;

-- A person, address, business (KvK) or vehicle in a case: its data encrypted, a random pseudonym for the logs.
create table case_subjects (
  id uuid primary key,
  case_id uuid not null references cases (id) on delete cascade,
  kind text not null check (kind in ('person', 'address', 'business', 'vehicle')),
  data_enc text not null,
  pseudonym text not null unique,
  created_at timestamptz not null default now()
);
create index case_subjects_case on case_subjects (case_id);

-- Keyed hashes (HMAC) of a subject's normalised name, address, KvK number or plate: the search, and nothing else.
create table subject_index (
  subject_id uuid not null references case_subjects (id) on delete cascade,
  kind text not null,
  hmac text not null
);
create index subject_index_hmac on subject_index (hmac);

create table case_meldingen (
  case_id uuid not null references cases (id) on delete cascade,
  melding_id uuid not null references meldingen (id) on delete cascade,
  linked_by uuid references users (id) on delete set null,
  linked_at timestamptz not null default now(),
  primary key (case_id, melding_id)
);

-- Status history, tasks (owner, due date, done), interventions (instrument, date), outcome.
create table case_events (
  id uuid primary key,
  case_id uuid not null references cases (id) on delete cascade,
  kind text not null check (kind in ('status', 'task', 'intervention', 'note', 'outcome', 'milestone')),
  from_status text,
  to_status text,
  body text,
  owner_id uuid references users (id) on delete set null,
  due_on date,
  done_at timestamptz,
  instrument text,
  happened_on date,
  actor_id uuid references users (id) on delete set null,
  at timestamptz not null default now(),
  version integer not null default 1
);
create index case_events_case on case_events (case_id, at);

-- The casusoverleg: recurring meetings with their participants; agenda items per case (a participant sees only the
-- items of cases they are a member of), with minutes and decisions.
create table case_meetings (
  id uuid primary key,
  municipality_id uuid not null references organisations (id) on delete cascade,
  name text not null,
  case_type_id uuid references case_types (id) on delete set null,
  -- The programme activity whose occurrences these meetings are ("5-wekelijks casusoverleg").
  activity_id uuid references activities (id) on delete set null,
  held_on date not null,
  participant_ids uuid[] not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index case_meetings_municipality on case_meetings (municipality_id, held_on);

create table case_meeting_items (
  id uuid primary key,
  meeting_id uuid not null references case_meetings (id) on delete cascade,
  case_id uuid not null references cases (id) on delete cascade,
  position integer not null default 0,
  minutes text,
  decision text,
  version integer not null default 1
);
create index case_meeting_items_meeting on case_meeting_items (meeting_id, position);
create index case_meeting_items_case on case_meeting_items (case_id);

-- Break-glass: access outside the team in an emergency, with a reason, for a limited time; the case manager and the
-- privacy officer see it.
create table break_glass (
  id uuid primary key,
  case_id uuid not null references cases (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  reason text not null,
  started_at timestamptz not null default now(),
  until timestamptz not null,
  reviewed_by uuid references users (id) on delete set null,
  reviewed_at timestamptz
);
create index break_glass_case on break_glass (case_id);
create index break_glass_user on break_glass (user_id, until);

-- Searches for a person, address or business, with their purpose (no search terms: only their kind).
create table subject_searches (
  id uuid primary key,
  -- The audit row of the same trace names who searched.
  trace_id text not null,
  municipality_id uuid not null references organisations (id) on delete cascade,
  purpose text not null,
  kind text not null,
  hits integer not null,
  at timestamptz not null default now()
);
