-- The meldpunt (issue 13, ADR 0023): categories per municipality, meldingen and what hangs from them, the meldpunt
-- duties of staff, the processing log and the destruction record. No table has a column for a request fact (IP
-- address, user agent, referrer): the public routes never read them. Identifying data is encrypted by the application
-- (AES-256-GCM, core/crypto.ts); the audit trail holds ids and field names of these tables, never their values.

-- Meldpunt duties beside a membership's role: a user is adviseur and behandelaar at once. category_key null: all
-- categories of the municipality.
create table meldpunt_duties (
  user_id uuid not null references users (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  duty text not null check (duty in ('behandelaar', 'casemanager', 'privacy')),
  category_key text,
  created_at timestamptz not null default now()
);
create unique index meldpunt_duties_unique on meldpunt_duties (user_id, organisation_id, duty, coalesce(category_key, ''));
create index meldpunt_duties_organisation on meldpunt_duties (organisation_id);

create table meldpunt_categories (
  id uuid primary key,
  municipality_id uuid not null references organisations (id) on delete cascade,
  key text not null check (key ~ '^[a-z0-9-]{2,40}$'),
  name text not null,
  description text not null default '',
  -- The category's questions as data (domain/meldpunt.ts ZQuestion[]).
  questions jsonb not null default '[]',
  handling_text text not null default '',
  response_days integer not null default 5 check (response_days between 1 and 365),
  -- A referral (openbare ruimte): a link to the municipality's own channel; nothing of it is stored here.
  referral_url text,
  -- How long a signal with the outcome "geen actie" is kept (CCV Modelprotocol: one year).
  no_action_retention_months integer not null default 12 check (no_action_retention_months between 1 and 120),
  is_active boolean not null default true,
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (municipality_id, key)
);

create table meldingen (
  id uuid primary key,
  municipality_id uuid not null references organisations (id) on delete cascade,
  category_id uuid not null references meldpunt_categories (id),
  -- The meldnummer: M-<year>-<sequence>, per municipality and year.
  year integer not null,
  sequence integer not null,
  source text not null check (source in ('public', 'internal', 'mma')),
  status text not null default 'nieuw',
  -- The reporter's answers to the category's questions (what, where, when, how often, who).
  answers jsonb not null default '{}',
  -- Contact details (name, e-mail, phone) encrypted; null when anonymous.
  reporter_enc text,
  share_consent boolean not null default false,
  -- Only for internal signals: the official who reported it.
  internal_reporter_id uuid references users (id) on delete set null,
  handler_id uuid references users (id) on delete set null,
  main_id uuid references meldingen (id) on delete set null,
  theme_id uuid references themes (id) on delete set null,
  activity_id uuid references activities (id) on delete set null,
  -- The CCV triage (weging 1–4) as data: each answer with who decided and when.
  triage jsonb not null default '{}',
  closing_reason text,
  retain_until date,
  -- A hash of the submission's idempotency key: a double click submits once.
  idempotency_hash text unique,
  version integer not null default 1,
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (municipality_id, year, sequence)
);
create index meldingen_queue on meldingen (municipality_id, status, received_at);
create index meldingen_category on meldingen (category_id, received_at);
create index meldingen_handler on meldingen (handler_id) where handler_id is not null;
create index meldingen_retain on meldingen (retain_until) where retain_until is not null;

create table melding_files (
  id uuid primary key,
  melding_id uuid not null references meldingen (id) on delete cascade,
  -- The media type read from the content; the bytes re-encoded (images) without EXIF, XMP or GPS.
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'application/pdf')),
  size integer not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index melding_files_melding on melding_files (melding_id);

-- note: internal; question: to the reporter (shown with the meldcode); answer: from the reporter; addition: more
-- information from the reporter. author_id only for staff.
create table melding_messages (
  id uuid primary key,
  melding_id uuid not null references meldingen (id) on delete cascade,
  kind text not null check (kind in ('note', 'question', 'answer', 'addition')),
  body text not null,
  author_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index melding_messages_melding on melding_messages (melding_id, created_at);

-- The meldcode: its HMAC for the lookup and the argon2id hash of the secret phrase, nothing else.
create table melding_codes (
  code_hmac text primary key,
  melding_id uuid not null unique references meldingen (id) on delete cascade,
  phrase_hash text not null,
  created_at timestamptz not null default now()
);

-- Status history and triage decisions: who, when, what; texts of closing and reopening.
create table melding_events (
  id uuid primary key,
  melding_id uuid not null references meldingen (id) on delete cascade,
  kind text not null,
  from_status text,
  to_status text,
  detail jsonb not null default '{}',
  actor_id uuid references users (id) on delete set null,
  at timestamptz not null default now()
);
create index melding_events_melding on melding_events (melding_id, at);

create table melding_forwards (
  id uuid primary key,
  melding_id uuid not null references meldingen (id) on delete cascade,
  partner_id uuid not null references organisations (id),
  summary text not null,
  basis text not null,
  -- Contact details go along only with the reporter's consent; then they are here, encrypted.
  reporter_enc text,
  forwarded_by uuid references users (id) on delete set null,
  forwarded_at timestamptz not null default now(),
  read_at timestamptz
);
create index melding_forwards_partner on melding_forwards (partner_id, forwarded_at);
create index melding_forwards_melding on melding_forwards (melding_id);

create table notifications (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  kind text not null,
  -- A link into Regie; no content of a melding or case.
  link text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user on notifications (user_id, created_at desc);

-- Logboek Dataverwerkingen: what was processed, under which processing activity, for which subject (a pseudonym, an
-- id). No user identity and no content: the audit row of the same trace id names the user. Append-only.
create table processing_log (
  id bigserial primary key,
  trace_id text not null,
  span_id text not null,
  activity text not null,
  processing_activity text not null,
  subject_type text not null,
  subject_ref text not null,
  status text not null default 'ok',
  started_at timestamptz not null default now(),
  ended_at timestamptz not null default now()
);
create index processing_log_subject on processing_log (subject_type, subject_ref);
create function processing_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'processing_log is append-only';
end $$;
create trigger processing_log_no_update before update or delete on processing_log
  for each row execute function processing_log_append_only();

-- What retention destroyed: ids, type, dates, rule, who ran it; no content.
create table destructions (
  id uuid primary key,
  batch text not null,
  subject_type text not null,
  subject_ids uuid[] not null,
  rule text not null,
  run_by text not null,
  at timestamptz not null default now()
);

-- An indicator can count the meldingen of a category (issue 13, part 5).
alter table indicators add column meldpunt_category_key text;
