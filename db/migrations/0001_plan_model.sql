-- Regie's plan data model. Every tenant-owned row carries owner_id: the municipality or collaboration whose data it
-- is, so the schema can be sharded by municipality. Arrays and structured texts are jsonb; money is bigint cents.

create table organisations (
  id uuid primary key,
  owner_id uuid references organisations (id),
  kind text not null check (kind in ('municipality', 'collaboration', 'partner', 'team')),
  name text not null,
  short_name text,
  cbs_code text unique check (cbs_code ~ '^GM[0-9]{4}$'),
  collaboration_kind text,
  partner_kind text,
  parent_id uuid references organisations (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'municipality') = (cbs_code is not null))
);
create index organisations_owner on organisations (owner_id);
create index organisations_parent on organisations (parent_id);

create table collaboration_members (
  collaboration_id uuid not null references organisations (id) on delete cascade,
  municipality_id uuid not null references organisations (id) on delete cascade,
  owner_id uuid not null references organisations (id),
  position integer not null default 0,
  primary key (collaboration_id, municipality_id)
);
create index collaboration_members_municipality on collaboration_members (municipality_id);

create table people (
  id uuid primary key,
  owner_id uuid references organisations (id),
  organisation_id uuid not null references organisations (id),
  name text not null,
  role text not null,
  function_title text,
  email text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index people_owner on people (owner_id);
create index people_organisation on people (organisation_id);

create table plans (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  kind text not null check (kind in ('ivp', 'uvp')),
  parent_plan_id uuid references plans (id) on delete set null,
  joint_plan_id uuid references plans (id) on delete set null,
  title text not null,
  subtitle text,
  period_start text not null check (period_start ~ '^[0-9]{4}-Q[1-4]$'),
  period_end text not null check (period_end ~ '^[0-9]{4}-Q[1-4]$'),
  status text not null default 'draft',
  adopted_by text,
  adopted_on date,
  decision_reference text,
  available_budget_cents bigint,
  sections jsonb not null default '[]',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_end >= period_start)
);
create index plans_owner on plans (owner_id);

create table themes (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  plan_id uuid not null references plans (id) on delete cascade,
  number text,
  title text not null,
  scope text not null check (scope in ('joint', 'local', 'other')),
  kernbeleid_codes jsonb not null default '[]',
  challenge text,
  motivation text,
  evaluation text,
  ambition text,
  approach text,
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index themes_plan on themes (plan_id, position);
create index themes_owner on themes (owner_id);

create table theme_portfolio_holders (
  theme_id uuid not null references themes (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  owner_id uuid not null references organisations (id),
  position integer not null default 0,
  primary key (theme_id, person_id)
);
create table theme_officials (
  theme_id uuid not null references themes (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  owner_id uuid not null references organisations (id),
  position integer not null default 0,
  primary key (theme_id, person_id)
);
create index theme_portfolio_holders_person on theme_portfolio_holders (person_id);
create index theme_officials_person on theme_officials (person_id);

create table goals (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  theme_id uuid not null references themes (id) on delete cascade,
  title text not null,
  description text,
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index goals_theme on goals (theme_id, position);

create table indicators (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  plan_id uuid not null references plans (id) on delete cascade,
  theme_id uuid references themes (id) on delete cascade,
  goal_id uuid references goals (id) on delete set null,
  name text not null,
  source text,
  unit text,
  direction text not null default 'neutral',
  baseline_value numeric,
  baseline_year integer,
  target_kind text check (target_kind in ('absolute', 'relative', 'maximum', 'minimum')),
  target_value numeric,
  target_change_percent numeric,
  target_year integer,
  target_text text,
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index indicators_plan on indicators (plan_id, position);
create index indicators_theme on indicators (theme_id);

create table measurements (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  indicator_id uuid not null references indicators (id) on delete cascade,
  period_label text not null,
  period_start date not null,
  period_end date not null,
  kind text not null default 'value',
  value numeric not null,
  area text,
  source text,
  is_provisional boolean not null default false,
  note text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_end >= period_start)
);
create index measurements_indicator on measurements (indicator_id, period_start);

create table activities (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  theme_id uuid not null references themes (id) on delete cascade,
  title text not null,
  explanation text,
  timeframe_text text not null default '',
  timeframe jsonb not null,
  frequency_text text not null default '',
  frequency jsonb not null,
  stakeholders_text text not null default '',
  status text not null default 'not_started',
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index activities_theme on activities (theme_id, position);
create index activities_owner on activities (owner_id);

create table activity_stakeholders (
  activity_id uuid not null references activities (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  owner_id uuid not null references organisations (id),
  position integer not null default 0,
  primary key (activity_id, organisation_id)
);
create index activity_stakeholders_organisation on activity_stakeholders (organisation_id);
create table activity_responsibles (
  activity_id uuid not null references activities (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  owner_id uuid not null references organisations (id),
  position integer not null default 0,
  primary key (activity_id, person_id)
);
create index activity_responsibles_person on activity_responsibles (person_id);
create table activity_goals (
  activity_id uuid not null references activities (id) on delete cascade,
  goal_id uuid not null references goals (id) on delete cascade,
  owner_id uuid not null references organisations (id),
  position integer not null default 0,
  primary key (activity_id, goal_id)
);
create index activity_goals_goal on activity_goals (goal_id);

create table budget_lines (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  plan_id uuid not null references plans (id) on delete cascade,
  parent_id uuid references budget_lines (id) on delete cascade,
  title text not null,
  section text,
  nature text check (nature in ('structural', 'incidental')),
  is_pm boolean not null default false,
  funding text not null default 'own',
  funder_id uuid references organisations (id),
  funder_name text,
  note text,
  amounts jsonb not null default '[]',
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index budget_lines_plan on budget_lines (plan_id, position);
create index budget_lines_parent on budget_lines (parent_id);

create table regular_tasks (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  plan_id uuid not null references plans (id) on delete cascade,
  title text not null,
  description text,
  frequency_text text not null default '',
  frequency jsonb not null,
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index regular_tasks_plan on regular_tasks (plan_id, position);

create table decisions (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  plan_id uuid not null references plans (id) on delete cascade,
  title text not null,
  body text not null,
  is_decided boolean not null default false,
  decided_on date,
  reference text,
  decision_points jsonb not null default '[]',
  sections jsonb not null default '[]',
  follow_ups jsonb not null default '[]',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index decisions_plan on decisions (plan_id);

-- Reference data: VNG Kernbeleid Veiligheid, 5 safety fields and their themes (data/reference/).
create table kernbeleid_themes (
  code text primary key,
  field_number text not null,
  field_name text not null,
  name text not null,
  examples text
);
insert into kernbeleid_themes (code, field_number, field_name, name, examples) values
  ('1.1', '1', 'Veilige woon- en leefomgeving', 'Sociale kwaliteit', 'woonoverlast, overlast verslaafden en zwervers, burenruzies'),
  ('1.2', '1', 'Veilige woon- en leefomgeving', 'Fysieke kwaliteit', 'vernieling, graffiti, zwerfvuil, verloedering'),
  ('1.3', '1', 'Veilige woon- en leefomgeving', 'Objectieve veiligheid (veelvoorkomende criminaliteit)', 'woninginbraak, fietsdiefstal, geweld, huiselijk geweld, high impact crimes'),
  ('1.4', '1', 'Veilige woon- en leefomgeving', 'Subjectieve veiligheid (veiligheidsgevoel)', 'onveiligheidsgevoel'),
  ('2.1', '2', 'Bedrijvigheid en veiligheid', 'Veilig winkelgebied', 'veilig ondernemen, winkelcentra, KVO'),
  ('2.2', '2', 'Bedrijvigheid en veiligheid', 'Veilige bedrijventerreinen', 'KVO-B, bedrijfsinbraak'),
  ('2.3', '2', 'Bedrijvigheid en veiligheid', 'Veilig uitgaan', 'horeca, uitgaansgeweld'),
  ('2.4', '2', 'Bedrijvigheid en veiligheid', 'Veilige evenementen', 'evenementenveiligheid'),
  ('2.5', '2', 'Bedrijvigheid en veiligheid', 'Veilig toerisme', 'recreatieparken, toerisme'),
  ('3.1', '3', 'Jeugd en veiligheid', 'Jeugdoverlast', 'jeugdgroepen, hinderlijke/overlastgevende jeugd'),
  ('3.2', '3', 'Jeugd en veiligheid', 'Jeugdcriminaliteit / individuele probleemjongeren', 'criminele jeugdgroepen, risicojongeren'),
  ('3.3', '3', 'Jeugd en veiligheid', 'Jeugd, alcohol en drugs', 'alcohol- en drugsgebruik jongeren'),
  ('3.4', '3', 'Jeugd en veiligheid', 'Veilig in en om de school', 'schoolveiligheid'),
  ('4.1', '4', 'Fysieke veiligheid', 'Verkeersveiligheid', 'verkeersveiligheid'),
  ('4.2', '4', 'Fysieke veiligheid', 'Brandveiligheid', 'brandveiligheid'),
  ('4.3', '4', 'Fysieke veiligheid', 'Externe veiligheid', 'gevaarlijke stoffen (opslag en transport)'),
  ('4.4', '4', 'Fysieke veiligheid', 'Rampenbestrijding en crisisbeheersing', 'crisisbeheersing, bevolkingszorg'),
  ('5.1', '5', 'Integriteit en veiligheid', 'Polarisatie en radicalisering', 'polarisatie, radicalisering, (terrorisme)'),
  ('5.2', '5', 'Integriteit en veiligheid', 'Georganiseerde criminaliteit', 'ondermijning, drugscriminaliteit, Bibob'),
  ('5.3', '5', 'Integriteit en veiligheid', 'Veilige publieke taak', 'agressie en geweld tegen werknemers met een publieke taak'),
  ('5.4', '5', 'Integriteit en veiligheid', 'Informatieveiligheid', 'informatiebeveiliging gemeente'),
  ('5.5', '5', 'Integriteit en veiligheid', 'Ambtelijke en bestuurlijke integriteit', 'integriteit'),
  ('X.1', 'X', 'Domeinoverstijgende strategische thema''s (editie 2021)', 'Gedigitaliseerde criminaliteit', 'cybercrime, online fraude'),
  ('X.2', 'X', 'Domeinoverstijgende strategische thema''s (editie 2021)', 'Zorg en veiligheid', 'personen met verward/onbegrepen gedrag, zorg- en veiligheidshuis'),
  ('X.3', 'X', 'Domeinoverstijgende strategische thema''s (editie 2021)', 'Informatiepositie', 'informatiegestuurd werken');
