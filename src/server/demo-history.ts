import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareFrequency } from '../domain/frequency-progress.ts';
import type { TActivity } from '../domain/schemas.ts';
import { parseQuarterCode, type TQuarter } from '../domain/timeframe.ts';
import type { Db } from './db/client.ts';
import { SYSTEM_CONTEXT } from './core/access.ts';
import { createRecord } from './core/write.ts';
import { createSuccessorPlan } from './plans/carry-over.ts';
import { exportPlan } from './plans/plan-queries.ts';
import { measurements, spendingEntries } from './plans/resources.ts';
import { addOccurrence, addProgress } from './monitoring/progress.ts';
import { closeRound, openRound } from './monitoring/rounds.ts';

/*
 * The demo's monitoring story (D10): Huizen's programme 2023-2024 with a fictional history (data/demo, marked
 * "fictief"), and its successor made with "Nieuw programma op basis van …" for the two years around today, with an
 * open round in the current quarter. The history's dates lie in the transcribed programme's own period; the current
 * programme's dates are computed from `today`, so the demo stays alive.
 */

export const HISTORY_FILE = join(import.meta.dirname, '../../data/demo/huizen-history.json');

interface Update { activity: string; note: string; status?: TActivity['status'] }
interface History {
  activities: { title: string; status: TActivity['status']; note?: string; share?: number }[];
  rounds: { quarter: string; dueOn: string; updates: Update[] }[];
  measurements: { indicator: string; periodLabel: string; periodStart: string; periodEnd: string; value: number; source: string }[];
  spending: { line: string; year: number; amountCents: number; spentOn: string; note: string }[];
  current: { title: string; lagging: Record<string, number>; updates: Update[] };
}

const ctx = SYSTEM_CONTEXT;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (date: string) => Date.parse(`${date}T12:00:00Z`);
const minDate = (...dates: string[]) => dates.sort()[0];

/** The current programme's period: the year before today's and today's, but never before the transcribed one ends. */
export function currentProgrammePeriod(today: string, after = 2024): { start: number; end: number } {
  const start = Math.max(after + 1, Number(today.slice(0, 4)) - 1);
  return { start, end: start + 1 };
}

/** Today's quarter. */
export function quarterOf(today: string): TQuarter {
  return { year: Number(today.slice(0, 4)), quarter: Math.ceil(Number(today.slice(5, 7)) / 3) };
}

/** The history of Huizen's programme and its successor, as the demo shows them on `today`. Returns the successor's id. */
export async function addDemoHistory(tx: Db, planId: string, today: string): Promise<string> {
  const history = JSON.parse(readFileSync(HISTORY_FILE, 'utf8')) as History;
  const old = await exportPlan(tx, planId, ctx);
  const find = activityFinder(old.themes.flatMap((t) => t.activities));
  const oldEnd = minDate(today, `${parseQuarterCode(old.periodEnd).year}-12-31`);
  const shares = new Map(history.activities.map((a) => [find(a.title).id, a.share ?? 1]));
  await addOccurrences(tx, old.themes.flatMap((t) => t.activities), old, oldEnd, (id) => shares.get(id) ?? 1);

  for (const [n, round] of history.rounds.entries()) {
    const opened = await openRound(tx, ctx, planId, { quarter: round.quarter, dueOn: round.dueOn });
    // The statuses change in the last round of the programme: what was done, stopped or delayed by its end.
    const changes: Update[] = n === history.rounds.length - 1
      ? history.activities.map((a) => ({ activity: a.title, status: a.status, note: a.note ?? '' }))
      : [];
    await giveUpdates(tx, find, [...round.updates, ...changes]);
    // Its progress report is there to read (and to adopt); adopting it here would render three files at every first start.
    await closeRound(tx, ctx, opened.id, opened.version);
  }
  for (const m of history.measurements) {
    const indicator = [...old.indicators, ...old.themes.flatMap((t) => t.indicators)].find((i) => i.name === m.indicator)!;
    await createRecord(tx, measurements, { ...m, indicatorId: indicator.id }, ctx);
  }
  for (const s of history.spending) {
    const line = old.budgetLines.find((l) => l.title === s.line)!;
    await createRecord(tx, spendingEntries, { ...s, budgetLineId: line.id }, ctx);
  }
  return addCurrentProgramme(tx, planId, history.current, today);
}

/**
 * The successor for the two years around today, a concept (adopting it would render its documents at every first
 * start): some progress, an open round this quarter.
 */
async function addCurrentProgramme(tx: Db, planId: string, current: History['current'], today: string): Promise<string> {
  const period = currentProgrammePeriod(today);
  const title = current.title.replace('{start}', String(period.start)).replace('{end}', String(period.end));
  const { plan } = await createSuccessorPlan(tx, ctx, planId, { title, periodStart: `${period.start}-Q1`, periodEnd: `${period.end}-Q4` });
  const next = await exportPlan(tx, plan.id, ctx);
  const activities = next.themes.flatMap((t) => t.activities);
  const find = activityFinder(activities);
  const shares = new Map(Object.entries(current.lagging).map(([title, share]) => [find(title).id, share]));
  await addOccurrences(tx, activities, next, today, (id) => shares.get(id) ?? 1);
  const q = quarterOf(today);
  const dueOn = iso(Date.UTC(q.quarter === 4 ? q.year + 1 : q.year, q.quarter % 4 * 3, 15));
  await openRound(tx, ctx, plan.id, { quarter: `${q.year}-Q${q.quarter}`, dueOn });
  await giveUpdates(tx, find, current.updates);
  return plan.id;
}

/** Finds an activity by the start of its title (the data file names them so). */
function activityFinder(activities: TActivity[]) {
  return (title: string) => {
    const found = activities.find((a) => a.title.startsWith(title));
    if (!found) throw new Error(`Demogeschiedenis: geen activiteit "${title}"`);
    return found;
  };
}

async function giveUpdates(tx: Db, find: (title: string) => TActivity, updates: Update[]): Promise<void> {
  for (const u of updates) {
    const activity = find(u.activity);
    const [{ version, status }] = await tx.query<{ version: number; status: string }>('select version, status from activities where id = $1', [activity.id]);
    const changes = u.status && u.status !== status;
    if (!changes && !u.note) continue;
    await addProgress(tx, ctx, activity.id, { ...(u.note ? { note: u.note } : {}), ...(changes ? { status: u.status, version } : {}) });
  }
}

/**
 * Occurrences of the countable activities up to `until`: per year `share` of what was planned by then, spread evenly
 * over the part of the year that had passed.
 */
async function addOccurrences(
  tx: Db, activities: TActivity[], plan: { periodStart: string; periodEnd: string }, until: string, shareOf: (id: string) => number,
): Promise<void> {
  const planPeriod = { start: parseQuarterCode(plan.periodStart), end: parseQuarterCode(plan.periodEnd) };
  for (const a of activities) {
    if (a.status === 'cancelled') continue;
    const progress = compareFrequency({ frequency: a.frequency, timeframe: a.timeframe, planPeriod, occurrences: [], referenceDate: until });
    if (!progress.isCountable || !progress.period) continue;
    for (const year of progress.years) {
      const count = Math.round(year.plannedToDate * shareOf(a.id));
      const from = dayMs([progress.period.start, `${year.year}-01-01`].sort()[1]);
      const to = dayMs(minDate(progress.period.end, until, `${year.year}-12-31`));
      for (let i = 0; i < count; i++) {
        await addOccurrence(tx, ctx, a.id, { occurredOn: iso(from + ((i + 0.5) / count) * (to - from)) });
      }
    }
  }
}
