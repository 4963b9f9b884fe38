import type { UseFigures } from '../../domain/budget-use.ts';
import { ACTIVITY_STATUSES } from '../../domain/schemas.ts';
import { quarterEndDate, type TRoundActivity, type TRoundSnapshot } from '../../domain/rounds.ts';
import type { Db } from '../db/client.ts';
import { fromRow } from '../core/read.ts';
import { frequencyProgress, latestNotes, latestProgress, responsiblesOf, type MonitoredActivity } from './monitoring.ts';
import { todayInNetherlands } from '../core/clock.ts';
import { budgetUseOfPlans } from '../plans/budget-use.ts';
import { planIndicatorFigures } from './indicator-chart.ts';

/** What the snapshot needs of the round. */
export interface RoundRow {
  id: string;
  planId: string;
  quarter: string;
}

/**
 * THE figures of an update round, as of now: every activity of the programme (its own themes) in the programme's
 * order, with its status, whether the round asks it for an update, the update it gave (its latest entry in the
 * round), its latest percentage and milestone, its responsible people, and planned against realised up to the
 * reference date (the quarter's last day, or today when that is earlier). The live round page shows it; closing the
 * round stores it, so what was reported stays as it was.
 *
 * This is the one place that defines a round's report. The progress report (issue 5) reads it: besides the activities
 * it holds the themes, every indicator with its series and status, the budget use, and each activity's latest note –
 * optional keys of ZRoundSnapshot, so snapshots taken before they were added stay valid.
 * All queries are set-based: a fixed number per snapshot, whatever the number of activities.
 */
export async function buildRoundSnapshot(tx: Db, round: RoundRow, takenAt = new Date()): Promise<TRoundSnapshot> {
  const [plan] = await tx.query<{ title: string; owner_name: string }>(
    'select p.title, o.name as owner_name from plans p join organisations o on o.id = p.owner_id where p.id = $1',
    [round.planId],
  );
  const rows = await tx.query(
    `select a.id, a.title, a.status, a.frequency, a.timeframe, t.id as theme_id, t.number as theme_number, t.title as theme_title,
            exists (select 1 from update_round_activities x where x.round_id = $2 and x.activity_id = a.id) as is_awaited
       from activities a join themes t on t.id = a.theme_id
      where t.plan_id = $1
      order by t.position, t.created_at, a.position, a.created_at`,
    [round.planId, round.id],
  );
  const activities = rows.map(fromRow) as (MonitoredActivity & Record<string, unknown>)[];
  const ids = activities.map((a) => a.id);
  const quarterEnd = quarterEndDate(round.quarter);
  const now = todayInNetherlands(takenAt);
  const referenceDate = now < quarterEnd ? now : quarterEnd;

  const [updates, latest, responsibles, frequencies, notes, themes, indicators, budgets] = await Promise.all([
    tx.query(
      `select distinct on (activity_id) activity_id, id as entry_id, at, author_label as author_name, status_to, note, percent_complete, milestone
         from activity_progress where round_id = $1 order by activity_id, at desc, id`,
      [round.id],
    ).then((r) => new Map(r.map((u) => [u.activity_id as string, fromRow(u)]))),
    latestProgress(tx, ids),
    responsiblesOf(tx, ids),
    frequencyProgress(tx, activities, referenceDate),
    latestNotes(tx, ids),
    tx.query<{ id: string; number: string | null; title: string }>(
      'select id, number, title from themes where plan_id = $1 order by position, created_at',
      [round.planId],
    ),
    planIndicatorFigures(tx, round.planId),
    budgetUseOfPlans(tx, [round.planId]),
  ]);
  const budget = budgets.get(round.planId)!;

  const items: TRoundActivity[] = activities.map((a) => {
    const { activityId: _, ...update } = (updates.get(a.id) ?? {}) as Record<string, unknown>;
    return {
      activityId: a.id,
      title: a.title as string,
      themeId: a.themeId as string,
      themeNumber: (a.themeNumber as string | null) ?? null,
      themeTitle: a.themeTitle as string,
      status: a.status,
      isAwaited: a.isAwaited as boolean,
      responsibles: (responsibles.get(a.id) ?? []).map((p) => ({ personId: p.personId, name: p.name, hasAccount: !!p.userId })),
      update: updates.has(a.id) ? (update as TRoundActivity['update']) : null,
      percentComplete: latest.get(a.id)?.percentComplete ?? null,
      milestone: latest.get(a.id)?.milestone ?? null,
      frequency: frequencies.get(a.id)!,
      latestNote: notes.get(a.id) ?? null,
    };
  });
  const byStatus = Object.fromEntries(ACTIVITY_STATUSES.map((s) => [s, items.filter((i) => i.status === s).length])) as TRoundSnapshot['totals']['byStatus'];
  return {
    schemaVersion: 1,
    roundId: round.id,
    planId: round.planId,
    planTitle: plan.title,
    ownerName: plan.owner_name,
    quarter: round.quarter,
    referenceDate,
    takenAt: takenAt.toISOString(),
    totals: {
      activities: items.length,
      awaited: items.filter((i) => i.isAwaited).length,
      updated: items.filter((i) => i.isAwaited && i.update).length,
      lagging: items.filter((i) => i.frequency.isLagging).length,
      byStatus,
    },
    activities: items,
    themes: themes.map((t) => ({ id: t.id, number: t.number ?? null, title: t.title })),
    indicators,
    budget: {
      total: figures(budget.total),
      themes: budget.themes.map((t) => ({ themeId: t.themeId, ...figures(t) })),
      pmSpentCents: budget.pmSpentCents,
    },
  };
}

/** Planned, spent and remaining without the per-year detail the report does not print. */
const figures = ({ plannedCents, spentCents, remainingCents, isOverBudget }: UseFigures): UseFigures =>
  ({ plannedCents, spentCents, remainingCents, isOverBudget });
