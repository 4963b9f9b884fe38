import { compareFrequency, type TFrequencyProgress } from '../../domain/frequency-progress.ts';
import type { TFrequency } from '../../domain/frequency.ts';
import type { TActivityMonitoring, TActivityStatus } from '../../domain/progress.ts';
import { parseQuarterCode, type TTimeframe } from '../../domain/timeframe.ts';
import type { Db } from '../db/client.ts';
import { todayInNetherlands } from '../core/clock.ts';

/*
 * Reading progress for many activities at once: every loader takes a list of activity ids and answers with one
 * query, so lists, round snapshots and (later) dashboards over many municipalities stay set-based.
 */

/** What the monitoring needs of an activity. */
export interface MonitoredActivity {
  id: string;
  status: TActivityStatus;
  frequency: TFrequency;
  timeframe: TTimeframe;
}

/** The period of each activity's programme, for tijdpads without an end of their own. */
async function planPeriods(tx: Db, ids: string[]) {
  const rows = await tx.query<{ id: string; period_start: string; period_end: string }>(
    `select a.id, p.period_start, p.period_end from activities a join themes t on t.id = a.theme_id join plans p on p.id = t.plan_id
      where a.id = any($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { start: parseQuarterCode(r.period_start), end: parseQuarterCode(r.period_end) }]));
}

/** The dates of the recorded occurrences of each activity. */
export async function occurrenceDates(tx: Db, ids: string[]): Promise<Map<string, string[]>> {
  const rows = await tx.query<{ activity_id: string; dates: string[] }>(
    `select activity_id, array_agg(occurred_on::text order by occurred_on) as dates from activity_occurrences
      where activity_id = any($1::uuid[]) group by activity_id`,
    [ids],
  );
  return new Map(rows.map((r) => [r.activity_id, r.dates]));
}

/** Each activity's latest update and the latest percentage and milestone reported. */
export async function latestProgress(tx: Db, ids: string[]) {
  const rows = await tx.query<{ activity_id: string; last_at: string; percent: number | null; milestone: string | null }>(
    `select activity_id, max(at) as last_at,
            (array_agg(percent_complete order by at desc) filter (where percent_complete is not null))[1] as percent,
            (array_agg(milestone order by at desc) filter (where milestone is not null))[1] as milestone
       from activity_progress where activity_id = any($1::uuid[]) group by activity_id`,
    [ids],
  );
  return new Map(rows.map((r) => [r.activity_id, { lastAt: r.last_at, percentComplete: r.percent, milestone: r.milestone }]));
}

/** Each activity's latest note (its text, when and by whom): what the reports print beside the activity. */
export async function latestNotes(tx: Db, ids: string[]): Promise<Map<string, { at: string; authorName: string; note: string }>> {
  const rows = await tx.query<{ activity_id: string; at: string; author_label: string; note: string }>(
    `select distinct on (activity_id) activity_id, at, author_label, note
       from activity_progress where activity_id = any($1::uuid[]) and note is not null order by activity_id, at desc, id`,
    [ids],
  );
  return new Map(rows.map((r) => [r.activity_id, { at: r.at, authorName: r.author_label, note: r.note }]));
}

/** Planned against realised for each activity, up to the reference date. */
export async function frequencyProgress(tx: Db, activities: MonitoredActivity[], referenceDate: string): Promise<Map<string, TFrequencyProgress>> {
  const ids = activities.map((a) => a.id);
  if (!ids.length) return new Map();
  const [periods, dates] = await Promise.all([planPeriods(tx, ids), occurrenceDates(tx, ids)]);
  return new Map(activities.map((a) => [a.id, compareFrequency({
    frequency: a.frequency, timeframe: a.timeframe, status: a.status, referenceDate,
    planPeriod: periods.get(a.id)!, occurrences: dates.get(a.id) ?? [],
  })]));
}

type Latest = Awaited<ReturnType<typeof latestProgress>> extends Map<string, infer L> ? L : never;

/** The monitoring summary from an activity's planned against realised and its latest update. */
export function summarise(f: TFrequencyProgress, latest: Latest | undefined): TActivityMonitoring {
  return {
    isCountable: f.isCountable, isLagging: f.isLagging, lastUpdateAt: latest?.lastAt ?? null,
    percentComplete: latest?.percentComplete ?? null, milestone: latest?.milestone ?? null,
  };
}

/** The monitoring summary of each activity: lag, last update, percentage and milestone. */
export async function monitoringOf(tx: Db, activities: MonitoredActivity[], referenceDate = todayInNetherlands()): Promise<Map<string, TActivityMonitoring>> {
  const ids = activities.map((a) => a.id);
  if (!ids.length) return new Map();
  const [frequencies, latest] = await Promise.all([frequencyProgress(tx, activities, referenceDate), latestProgress(tx, ids)]);
  return new Map(activities.map((a) => [a.id, summarise(frequencies.get(a.id)!, latest.get(a.id))]));
}

/**
 * SQL: whether the user of parameter `user` is responsible for the activity with alias `a`: a person linked to them
 * is among its responsible people, or – when it names none – is its theme's first responsible official.
 */
export function isResponsibleSql(a: string, user: string): string {
  return `(exists (select 1 from activity_responsibles rr join people rp on rp.id = rr.person_id where rr.activity_id = ${a}.id and rp.user_id = ${user})
    or (not exists (select 1 from activity_responsibles rx where rx.activity_id = ${a}.id)
        and exists (select 1 from theme_officials ro join people rp on rp.id = ro.person_id
                     where ro.theme_id = ${a}.theme_id and ro.position = 0 and rp.user_id = ${user})))`;
}

/** Each activity's responsible people – its own, or else its theme's first responsible official – in order. */
export async function responsiblesOf(tx: Db, ids: string[]) {
  const rows = await tx.query<{ activity_id: string; person_id: string; name: string; user_id: string | null }>(
    `select a.id as activity_id, p.id as person_id, p.name, p.user_id
       from activities a
       join lateral (
         select rr.person_id, rr.position from activity_responsibles rr where rr.activity_id = a.id
         union all
         select ro.person_id, 0 from theme_officials ro
          where ro.theme_id = a.theme_id and ro.position = 0
            and not exists (select 1 from activity_responsibles rx where rx.activity_id = a.id)
       ) r on true
       join people p on p.id = r.person_id
      where a.id = any($1::uuid[])
      order by a.id, r.position`,
    [ids],
  );
  const map = new Map<string, { personId: string; name: string; userId: string | null }[]>();
  for (const r of rows) {
    const list = map.get(r.activity_id) ?? [];
    list.push({ personId: r.person_id, name: r.name, userId: r.user_id });
    map.set(r.activity_id, list);
  }
  return map;
}
