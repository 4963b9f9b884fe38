-- A counter per organisation that grows with every change to its plan data. Dashboards keep what they computed under
-- the counters of the plans' owners (src/server/modules/dashboards.ts): every app server sees a change at once, and
-- an unchanged dashboard is not computed again on each read. Statement triggers with transition tables, so a bulk
-- import bumps each owner once, not once per row.
create table data_versions (
  owner_id uuid primary key,
  version bigint not null
);

create function bump_data_versions() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    insert into data_versions (owner_id, version)
      select distinct owner_id, 1 from old_rows where owner_id is not null
      on conflict (owner_id) do update set version = data_versions.version + 1;
  else
    insert into data_versions (owner_id, version)
      select distinct owner_id, 1 from new_rows where owner_id is not null
      on conflict (owner_id) do update set version = data_versions.version + 1;
  end if;
  return null;
end
$$;

-- Everything a dashboard shows comes from these tables.
do $$
declare t text;
begin
  foreach t in array array['plans', 'themes', 'theme_portfolio_holders', 'people', 'activities', 'activity_occurrences',
                           'indicators', 'measurements', 'budget_lines', 'spending_entries']
  loop
    execute format('create trigger %1$s_version_insert after insert on %1$I referencing new table as new_rows
                    for each statement execute function bump_data_versions()', t);
    execute format('create trigger %1$s_version_update after update on %1$I referencing new table as new_rows
                    for each statement execute function bump_data_versions()', t);
    execute format('create trigger %1$s_version_delete after delete on %1$I referencing old table as old_rows
                    for each statement execute function bump_data_versions()', t);
  end loop;
end
$$;
