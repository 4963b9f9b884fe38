-- Accounts: users, their role in each organisation, server-side sessions (revocable), and failed logins for
-- throttling per account and per address. Users are not owned by one tenant: a user may work for several
-- organisations; each membership carries the organisation as owner.
create table users (
  id uuid primary key,
  email text not null unique check (email = lower(email)),
  name text not null,
  password_hash text,
  is_active boolean not null default true,
  is_platform_admin boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table memberships (
  user_id uuid not null references users (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  owner_id uuid not null references organisations (id),
  role text not null check (role in ('beheerder', 'adviseur', 'bestuurder', 'raadslid', 'partner')),
  created_at timestamptz not null default now(),
  primary key (user_id, organisation_id)
);
create index memberships_organisation on memberships (organisation_id);

-- The session cookie holds a random token; only its SHA-256 is stored, so a copy of the database opens no session.
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user on sessions (user_id);

-- Failed logins by key ('account:<email>' or 'address:<ip>'), for throttling; old rows are pruned on login.
create table login_failures (
  id bigint generated always as identity primary key,
  key text not null,
  at timestamptz not null default now()
);
create index login_failures_key on login_failures (key, at);
