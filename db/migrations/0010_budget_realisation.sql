-- Budget realisation: spending per budget line and year, a budget line's theme, and the terms of a subsidy.

-- The theme a (main) budget line pays for, so budget use can be reported per theme. Deleting the theme keeps the line.
alter table budget_lines add column theme_id uuid references themes (id) on delete set null;
create index budget_lines_theme on budget_lines (theme_id);

-- A subsidy's grant: reference (beschikkingskenmerk), conditions, end date and the date to account for it by.
alter table budget_lines add column grant_reference text;
alter table budget_lines add column conditions text;
alter table budget_lines add column end_date date;
alter table budget_lines add column accountability_date date;

-- Spending on a budget line in a budget year. `plan_id` is the line's plan (derived on every write), so deleting a
-- plan takes its spending with it, while deleting a line that has spending is refused (no cascade: 409 "in use"),
-- so booked money is never lost by accident.
create table spending_entries (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  plan_id uuid not null references plans (id) on delete cascade,
  budget_line_id uuid not null references budget_lines (id),
  year integer not null check (year between 1990 and 2100),
  amount_cents bigint not null check (amount_cents <> 0),
  spent_on date not null,
  note text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index spending_entries_line on spending_entries (budget_line_id, year);
create index spending_entries_plan on spending_entries (plan_id);
