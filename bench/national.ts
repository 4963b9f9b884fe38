/**
 * The national dataset for `npm run bench`: every one of the 342 municipalities of the 2024 indeling
 * (`data/reference/gemeenten-2024.csv`) with two programmes of about 60 activities each (copies of the Huizen UVP from
 * the demo data, with varied statuses) and 25 indicators with monthly measurements over ten years – about a million
 * measurement rows, with occurrences, progress notes and spending. The portefeuillehouders stay Huizen's people. Written set-based in SQL on a database that holds the demo data, so generating it takes seconds.
 * Copied rows get deterministic ids: a version-4-shaped uuid from md5(source id || municipality id).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../src/server/db/client.ts';

const GEMEENTEN = join(import.meta.dirname, '../data/reference/gemeenten-2024.csv');
const INDICATORS_PER_MUNICIPALITY = 25;
const MONTHS = 120;

export interface NationalCounts {
  municipalities: number;
  plans: number;
  activities: number;
  indicators: number;
  measurements: number;
  occurrences: number;
  progressEntries: number;
  spendingEntries: number;
}

/** The municipalities of the reference list: CBS code, name and population. */
export function readMunicipalities(): { code: string; name: string; population: number }[] {
  const [, ...rows] = readFileSync(GEMEENTEN, 'utf8').trim().split('\n');
  return rows.map((r) => {
    const [code, name, , inwoners] = r.split(',');
    return { code, name, population: Number(inwoners) };
  });
}

/** Tables copied per municipality, parents first, with the columns that point at other copied rows. */
const COPIED: { table: string; ids: string[] }[] = [
  { table: 'plans', ids: ['id'] },
  { table: 'themes', ids: ['id', 'plan_id'] },
  { table: 'theme_portfolio_holders', ids: ['theme_id'] },
  { table: 'goals', ids: ['id', 'theme_id'] },
  { table: 'activities', ids: ['id', 'theme_id'] },
  { table: 'activity_goals', ids: ['activity_id', 'goal_id'] },
  { table: 'budget_lines', ids: ['id', 'plan_id', 'parent_id'] },
  { table: 'regular_tasks', ids: ['id', 'plan_id'] },
];

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const rows = await db.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1 order by ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name);
}

/** Fills a database holding the demo data with the national dataset. */
export async function seedNational(db: Db): Promise<NationalCounts> {
  return db.transaction(async (tx) => {
    const municipalities = readMunicipalities();
    // md5 as a uuid that passes the API's uuid check (version 4, RFC 4122 variant).
    await tx.exec(`create function pg_temp.bench_id(t text) returns uuid language sql immutable as $$
      select (substr(md5(t), 1, 12) || '4' || substr(md5(t), 14, 3) || '8' || substr(md5(t), 18, 15))::uuid $$`);
    await tx.query(
      `insert into organisations (id, kind, name, cbs_code)
       select pg_temp.bench_id('gm' || code), 'municipality', name, code from unnest($1::text[], $2::text[]) as m(code, name)
       on conflict (cbs_code) do nothing`,
      [municipalities.map((m) => m.code), municipalities.map((m) => m.name)],
    );
    await tx.query('update organisations set owner_id = id where kind = $1 and owner_id is null', ['municipality']);
    const [source] = await tx.query<{ id: string }>(
      `select p.id from plans p join organisations o on o.id = p.owner_id where o.cbs_code = 'GM0406' and p.kind = 'uvp'`,
    );
    if (!source) throw new Error('The national dataset copies the Huizen UVP of the demo data; it is missing');
    // Two programmes per municipality (the current one and the next), for every municipality without plans of its own.
    await tx.exec(`
      create temp table bench_copies on commit drop as
      select o.id as owner_id, o.id::text || n::text as salt, n
      from organisations o cross join generate_series(1, 2) n
      where o.kind = 'municipality' and not exists (select 1 from plans p where p.owner_id = o.id)`);
    await tx.query(`create temp table bench_source on commit drop as select $1::uuid as plan_id`, [source.id]);
    for (const { table, ids } of COPIED) {
      const columns = await columnsOf(tx, table);
      const value = (c: string) => {
        if (ids.includes(c)) return `pg_temp.bench_id(s.${c}::text || c.salt)`;
        if (c === 'owner_id') return 'c.owner_id';
        if (c === 'title' && table === 'plans') return `'Uitvoeringsprogramma Veiligheid ' || (2023 + 2 * (c.n - 1)) || '–' || (2024 + 2 * (c.n - 1))`;
        if ((c === 'period_start' || c === 'period_end') && table === 'plans') return `(left(s.${c}, 4)::int + 2 * (c.n - 1))::text || right(s.${c}, 3)`;
        if (c === 'status' && table === 'activities') {
          return `(array['not_started','in_progress','in_progress','done','delayed','cancelled'])[1 + abs(hashtext(s.id::text || c.salt)) % 6]`;
        }
        return `s.${c}`;
      };
      const inPlan = {
        plans: 's.id = (select plan_id from bench_source)',
        themes: 's.plan_id = (select plan_id from bench_source)',
        goals: 's.theme_id in (select id from themes where plan_id = (select plan_id from bench_source))',
        theme_portfolio_holders: 's.theme_id in (select id from themes where plan_id = (select plan_id from bench_source))',
        activities: 's.theme_id in (select id from themes where plan_id = (select plan_id from bench_source))',
        activity_goals: 's.activity_id in (select a.id from activities a join themes t on t.id = a.theme_id where t.plan_id = (select plan_id from bench_source))',
        budget_lines: 's.plan_id = (select plan_id from bench_source)',
        regular_tasks: 's.plan_id = (select plan_id from bench_source)',
      }[table];
      // Budget lines: main lines before their sub-lines, for the foreign key.
      const order = table === 'budget_lines' ? ' order by s.parent_id nulls first' : '';
      await tx.exec(`insert into ${table} (${columns.join(', ')})
        select ${columns.map(value).join(', ')} from ${table} s cross join bench_copies c where ${inPlan}${order}`);
    }
    // The shared partners (police, RIEC …) stay the same organisations; Huizen's own teams are not copied.
    await tx.exec(`insert into activity_stakeholders (activity_id, organisation_id, owner_id, position)
      select pg_temp.bench_id(s.activity_id::text || c.salt), s.organisation_id, c.owner_id, s.position
      from activity_stakeholders s join organisations o on o.id = s.organisation_id and o.owner_id is distinct from s.owner_id
      cross join bench_copies c
      where s.activity_id in (select a.id from activities a join themes t on t.id = a.theme_id where t.plan_id = (select plan_id from bench_source))`);
    // Indicators on the first programme's themes, each with monthly measurements over ten years.
    await tx.exec(`insert into indicators (id, owner_id, plan_id, theme_id, name, source, unit, direction, baseline_value, baseline_year,
        target_kind, target_value, target_change_percent, target_year, position)
      select pg_temp.bench_id(c.salt || 'indicator' || i), c.owner_id, pg_temp.bench_id((select plan_id from bench_source)::text || c.salt),
        (select pg_temp.bench_id(t.id::text || c.salt) from themes t where t.plan_id = (select plan_id from bench_source) order by t.position offset (i % 9) limit 1),
        'Indicator ' || i, 'Politie/CBS', 'aantal', (array['lower_is_better','higher_is_better','neutral'])[1 + i % 3],
        100 + i, 2016,
        (array['relative','absolute','maximum','minimum', null])[1 + i % 5],
        case when i % 5 in (1, 2, 3) then 90 + i end,
        case when i % 5 = 0 then -10 end, 2026, i
      from bench_copies c cross join generate_series(1, ${INDICATORS_PER_MUNICIPALITY}) i where c.n = 1`);
    await tx.exec(`insert into measurements (id, owner_id, indicator_id, period_label, period_start, period_end, kind, value, source)
      select pg_temp.bench_id(i.id::text || m), i.owner_id, i.id, to_char(d, 'YYYY-MM'), d::date, (d + interval '1 month' - interval '1 day')::date,
        'value', round((i.baseline_value * (1 + 0.2 * sin(m / 6.0) - 0.001 * m))::numeric, 1), 'Politie/CBS'
      from indicators i cross join generate_series(0, ${MONTHS - 1}) m
      cross join lateral (select (date '2016-01-01' + make_interval(months => m))::timestamp as d) p
      where i.name like 'Indicator %'`);
    // Monitoring: occurrences of the recurring activities (one a month so far), progress notes and spending.
    await tx.exec(`insert into activity_occurrences (id, owner_id, activity_id, occurred_on, note, author_label)
      select pg_temp.bench_id(a.id::text || 'occ' || m), a.owner_id, a.id, date '2023-04-15' + make_interval(months => m), 'Uitgevoerd', 'bench'
      from activities a cross join generate_series(0, 17) m
      where a.frequency->>'kind' = 'recurring' and a.id not in (select a2.id from activities a2 join themes t on t.id = a2.theme_id where t.plan_id = (select plan_id from bench_source))`);
    await tx.exec(`insert into activity_progress (id, owner_id, activity_id, at, author_label, note, percent_complete)
      select pg_temp.bench_id(a.id::text || 'note' || n), a.owner_id, a.id, timestamptz '2024-01-01' + make_interval(days => 90 * n), 'bench', 'Voortgang', 25 * n
      from activities a cross join generate_series(1, 3) n
      where a.id not in (select a2.id from activities a2 join themes t on t.id = a2.theme_id where t.plan_id = (select plan_id from bench_source))`);
    await tx.exec(`insert into spending_entries (id, owner_id, plan_id, budget_line_id, year, amount_cents, spent_on, note)
      select pg_temp.bench_id(b.id::text || 'spent' || n), b.owner_id, b.plan_id, b.id, 2023 + n % 2, 100000 + 1000 * n, date '2023-03-01' + 120 * n, 'Factuur'
      from budget_lines b cross join generate_series(1, 4) n
      where not b.is_pm and b.plan_id <> (select plan_id from bench_source)`);
    const [counts] = await tx.query<NationalCounts>(`select
      (select count(*) from organisations where kind = 'municipality')::int as municipalities,
      (select count(*) from plans)::int as plans,
      (select count(*) from activities)::int as activities,
      (select count(*) from indicators)::int as indicators,
      (select count(*) from measurements)::int as measurements,
      (select count(*) from activity_occurrences)::int as occurrences,
      (select count(*) from activity_progress)::int as "progressEntries",
      (select count(*) from spending_entries)::int as "spendingEntries"`);
    return counts;
  });
}
