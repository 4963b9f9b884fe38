-- API tokens for integrations: scoped to one organisation and one role, stored hashed, expiring, revocable.
create table api_tokens (
  id uuid primary key,
  organisation_id uuid not null references organisations (id) on delete cascade,
  owner_id uuid not null references organisations (id),
  name text not null,
  role text not null check (role in ('beheerder', 'adviseur', 'bestuurder', 'raadslid', 'partner')),
  token_hash text not null unique,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  last_used_at timestamptz
);
create index api_tokens_organisation on api_tokens (organisation_id);
