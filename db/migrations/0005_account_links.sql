-- One-time links: to set a password (a new member, or a reset by the beheerder) and to set up a fresh installation.
-- Only the SHA-256 of the token is stored; a link works once and until it expires.
create table account_links (
  token_hash text primary key,
  purpose text not null check (purpose in ('password', 'setup')),
  user_id uuid references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
