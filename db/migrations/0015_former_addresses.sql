-- A municipality's public address is the slug of its name (ADR 0015). A rename must not break the links residents
-- and the municipality's own website keep: the former addresses of an organisation are kept and lead to the current
-- one (review 2026-12, finding 14).
create table organisation_former_addresses (
  organisation_id uuid not null references organisations (id) on delete cascade,
  address text not null,
  created_at timestamptz not null default now(),
  primary key (address, organisation_id)
);
