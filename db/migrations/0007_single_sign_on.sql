-- Single sign-on with OpenID Connect, configured per organisation by its beheerder. The client secret is needed to
-- redeem codes at the identity provider, so it is stored; the API never returns it (write-only).
create table sso_configs (
  organisation_id uuid primary key references organisations (id) on delete cascade,
  owner_id uuid not null references organisations (id),
  issuer text not null,
  client_id text not null,
  client_secret text not null,
  display_name text not null,
  link_by_email boolean not null default false,
  is_enabled boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Which Regie user an identity at a provider is (issuer + subject, the OpenID Connect identity). Roles stay in Regie:
-- a link only says who someone is. Removing the configuration removes its links.
create table sso_identities (
  issuer text not null,
  subject text not null,
  user_id uuid not null references users (id) on delete cascade,
  organisation_id uuid not null references sso_configs (organisation_id) on delete cascade,
  created_at timestamptz not null default now(),
  last_login_at timestamptz,
  primary key (issuer, subject)
);
create index sso_identities_user on sso_identities (user_id);

-- Logins under way: state, nonce and PKCE verifier, bound to the browser by a cookie holding a random token (only its
-- SHA-256 here). Used once, and only for a few minutes.
create table sso_logins (
  token_hash text primary key,
  organisation_id uuid not null references organisations (id) on delete cascade,
  state text not null,
  nonce text not null,
  code_verifier text not null,
  return_to text not null default '/',
  expires_at timestamptz not null
);

-- The audit trail also records requests to reset a password by e-mail.
alter table audit_events drop constraint audit_events_action_check;
alter table audit_events add constraint audit_events_action_check check (action in (
  'create', 'update', 'delete', 'import', 'export', 'login', 'login_failed', 'logout', 'role_change', 'token_use',
  'password_reset'
));
