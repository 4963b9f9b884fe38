import { AppError } from '../../domain/errors.ts';
import type { UseFigures } from '../../domain/budget-use.ts';
import { formatIndicatorValue, seriesTable } from '../../domain/indicator-series.ts';
import { can } from '../../domain/permissions.ts';
import { ACTIVITY_STATUSES } from '../../domain/schemas.ts';
import type { TFrequencyProgress } from '../../domain/frequency-progress.ts';
import { quarterEndDate, type TRoundSnapshot, type TSnapshotBudget, type TSnapshotIndicator } from '../../domain/rounds.ts';
import type { TActivityStatus } from '../../domain/progress.ts';
import { explainStatus, formatValue, seriesName } from '../../text/indicator-text.ts';
import { nl } from '../../text/nl.ts';
import { formatEuro } from '../../domain/budget.ts';
import { formatDate, formatPeriod, formatQuarterCode } from '../../text/format.ts';
import type { Db } from '../db/client.ts';
import { subjectOf, type RequestContext } from '../core/access.ts';
import { budgetUseOfPlans } from '../plans/budget-use.ts';
import { describeChart, renderIndicatorChart, renderStatusChart } from '../monitoring/charts.ts';
import { todayInNetherlands } from '../core/clock.ts';
import { planIndicatorFigures } from '../monitoring/indicator-chart.ts';
import { frequencyProgress, latestNotes, type MonitoredActivity } from '../monitoring/monitoring.ts';
import { getRound } from '../monitoring/rounds.ts';
import { getRecord, listRecords, listRecordsWhere } from '../core/read.ts';
import type { Record_ } from '../core/resource.ts';
import * as R from '../plans/resources.ts';
import { row, type Block, type DocumentTree, type Fact, type Row, type TableBlock } from './tree.ts';
import type { DocumentSource } from './source.ts';

/*
 * The reports on a programme, as document sources: the progress report of a closed update round and the evaluation
 * report. Each source is the JSON content (what an adopted version freezes) and the tree, a pure function of that
 * content – so a report drawn again from frozen content is the same report (ADR 0016). The progress report is built
 * from the round's snapshot only, never from today's data: what was reported stays as it was.
 */

const T = nl.report;

/** An activity as the previous report recorded it, for "what changed since". */
interface PreviousReport {
  quarter: string;
  activities: { activityId: string; title: string; status: TActivityStatus }[];
  /** Absent when the previous round was closed before indicators were recorded. */
  indicators?: { id: string; name: string; status: TSnapshotIndicator['status']['status'] }[];
}

export interface ProgressReportContent {
  kind: 'progress_report';
  round: { id: string; quarter: string; closedAt: string; closedBy: string | null };
  snapshot: TRoundSnapshot;
  previous: PreviousReport | null;
}

/**
 * The progress report of a closed update round: its frozen snapshot, and the previous closed round's for the changes.
 * Read like the rounds: the staff of the programme's owner (404 for everyone else); an open round has no report yet.
 */
export async function progressReportSource(db: Db, roundId: string, ctx: RequestContext): Promise<DocumentSource<ProgressReportContent>> {
  const round = await getRound(db, ctx, roundId);
  if (round.status !== 'closed' || !round.closedAt) throw new AppError('conflict', T.onlyClosed);
  const [prior] = await db.query<{ snapshot: TRoundSnapshot }>(
    `select snapshot from update_rounds where plan_id = $1 and status = 'closed' and quarter < $2 order by quarter desc limit 1`,
    [round.planId, round.quarter],
  );
  const previous: PreviousReport | null = prior ? {
    quarter: prior.snapshot.quarter,
    activities: prior.snapshot.activities.map((a) => ({ activityId: a.activityId, title: a.title, status: a.status })),
    ...(prior.snapshot.indicators ? { indicators: prior.snapshot.indicators.map((i) => ({ id: i.id, name: i.name, status: i.status.status })) } : {}),
  } : null;
  const content: ProgressReportContent = {
    kind: 'progress_report',
    round: { id: round.id, quarter: round.quarter, closedAt: round.closedAt, closedBy: round.closedBy },
    snapshot: round.snapshot,
    previous,
  };
  return { title: progressTitle(content), content, tree: progressReportTree(content) };
}

const progressTitle = (c: ProgressReportContent) => T.progressTitle(c.snapshot.planTitle, formatQuarterCode(c.round.quarter));

/** The progress report as a document tree: a pure function of its content. */
export function progressReportTree(c: ProgressReportContent): DocumentTree {
  const s = c.snapshot;
  const title = progressTitle(c);
  const themes = s.themes ?? themesOfActivities(s);
  const closedOn = formatDate(todayInNetherlands(new Date(c.round.closedAt)));
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    {
      kind: 'facts',
      items: [
        { label: T.programme, value: s.planTitle },
        { label: T.owner, value: s.ownerName },
        { label: T.quarter, value: formatQuarterCode(s.quarter) },
        { label: T.referenceDate, value: formatDate(s.referenceDate) },
        { label: T.closed, value: c.round.closedBy ? T.closedBy(closedOn, c.round.closedBy) : closedOn },
      ],
    },
    ...progressSummary(s, themes),
    ...changeBlocks(s, c.previous),
  ];
  for (const theme of themes) {
    const name = themeName(theme);
    const activities = s.activities.filter((a) => a.themeId === theme.id);
    blocks.push({ kind: 'heading', level: 2, text: name });
    if (activities.length) blocks.push({ kind: 'paragraph', text: T.statusCounts(statusParts(activities.map((a) => a.status))) });
    blocks.push({ kind: 'heading', level: 3, text: T.done });
    const done = activities.filter((a) => a.status === 'done');
    blocks.push(done.length
      ? table(T.doneCaption(name), [[T.activity, 3], [T.latestNote, 5]], done.map((a) => row([a.title, noteText(a.latestNote ?? a.update)])))
      : { kind: 'paragraph', text: T.noneDone });
    blocks.push({ kind: 'heading', level: 3, text: T.delayed });
    const behind = activities.filter((a) => a.status === 'delayed' || a.frequency.isLagging);
    blocks.push(behind.length
      ? table(T.delayedCaption(name), [[T.activity, 3], [T.status, 1.2], [T.execution, 1.6], [T.latestNote, 4]], behind.map((a) => row([
        a.title, nl.labels.activityStatus[a.status], execution(a.frequency), noteText(a.latestNote ?? a.update),
      ])))
      : { kind: 'paragraph', text: T.noneDelayed });
    blocks.push({ kind: 'heading', level: 3, text: T.indicators });
    blocks.push(...(s.indicators ? indicatorBlocks(s.indicators.filter((i) => i.themeId === theme.id), name, s.ownerName) : [notRecorded()]));
    blocks.push({ kind: 'heading', level: 3, text: T.budget });
    blocks.push(...(s.budget ? themeBudget(s.budget, theme.id, name) : [notRecorded()]));
  }
  const planLevel = s.indicators?.filter((i) => !i.themeId) ?? [];
  if (planLevel.length) blocks.push({ kind: 'heading', level: 2, text: T.planIndicators }, ...indicatorBlocks(planLevel, s.planTitle, s.ownerName));
  blocks.push({ kind: 'heading', level: 2, text: T.budgetHeading }, ...(s.budget ? budgetBlocks(s.budget, themes, s.planTitle) : [notRecorded()]));
  return { lang: 'nl', title, blocks };
}

function progressSummary(s: TRoundSnapshot, themes: Theme[]): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: T.summary },
    { kind: 'paragraph', text: T.activityCount(s.totals.activities) },
    { kind: 'paragraph', text: T.updatedCount(s.totals.updated, s.totals.awaited) },
  ];
  if (s.activities.length) {
    blocks.push({ kind: 'paragraph', text: T.statusCounts(statusParts(s.activities.map((a) => a.status))) });
    blocks.push(statusFigure(themes.map((t) => ({ theme: t, statuses: s.activities.filter((a) => a.themeId === t.id).map((a) => a.status) }))));
  }
  if (s.indicators?.length) blocks.push({ kind: 'paragraph', text: T.indicatorCounts(indicatorParts(s.indicators)) });
  if (s.budget) {
    const t = s.budget.total;
    blocks.push({ kind: 'paragraph', text: T.budgetSummary(euro(t.plannedCents), formatEuro(t.spentCents), euro(t.remainingCents)) });
  }
  const lagging = s.activities.filter((a) => a.frequency.isLagging);
  blocks.push({ kind: 'heading', level: 3, text: T.lagging });
  blocks.push(lagging.length
    ? { kind: 'list', items: lagging.map((a) => `${a.title} (${themeName({ number: a.themeNumber, title: a.themeTitle })}): ${execution(a.frequency)}`) }
    : { kind: 'paragraph', text: T.noneLagging });
  return blocks;
}

/** What changed since the previous closed round: status changes, activities added and removed, indicator statuses. */
function changeBlocks(s: TRoundSnapshot, previous: PreviousReport | null): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: T.changes }];
  if (!previous) return [...blocks, { kind: 'paragraph', text: T.firstReport }];
  blocks.push({ kind: 'paragraph', text: T.changesSince(formatQuarterCode(previous.quarter)) });
  const before = new Map(previous.activities.map((a) => [a.activityId, a]));
  const now = new Set(s.activities.map((a) => a.activityId));
  const changed = s.activities.filter((a) => before.has(a.activityId) && before.get(a.activityId)!.status !== a.status);
  const status = nl.labels.activityStatus;
  blocks.push({ kind: 'heading', level: 3, text: T.statusChanges });
  blocks.push(changed.length
    ? table(T.statusChangesCaption, [[T.activity, 4], [T.was, 1.3], [T.is, 1.3]],
      changed.map((a) => row([a.title, status[before.get(a.activityId)!.status], status[a.status]])))
    : { kind: 'paragraph', text: T.noStatusChanges });
  const added = s.activities.filter((a) => !before.has(a.activityId));
  if (added.length) blocks.push({ kind: 'heading', level: 3, text: T.added }, { kind: 'list', items: added.map((a) => a.title) });
  const removed = previous.activities.filter((a) => !now.has(a.activityId));
  if (removed.length) blocks.push({ kind: 'heading', level: 3, text: T.removed }, { kind: 'list', items: removed.map((a) => a.title) });
  if (s.indicators) {
    blocks.push({ kind: 'heading', level: 3, text: T.indicatorChanges });
    if (!previous.indicators) return [...blocks, { kind: 'paragraph', text: T.previousNotRecorded }];
    const was = new Map(previous.indicators.map((i) => [i.id, i.status]));
    const moved = s.indicators.filter((i) => was.has(i.id) && was.get(i.id) !== i.status.status);
    const label = nl.monitor.status;
    blocks.push(moved.length
      ? table(T.indicatorChangesCaption, [[T.indicator, 4], [T.was, 1.3], [T.is, 1.3]],
        moved.map((i) => row([i.name, label[was.get(i.id)!], label[i.status.status]])))
      : { kind: 'paragraph', text: T.noIndicatorChanges });
  }
  return blocks;
}

// The evaluation report -------------------------------------------------------------------------------------------

interface EvaluationActivity {
  id: string;
  title: string;
  status: TActivityStatus;
  goalIds: string[];
  frequency: TFrequencyProgress;
  latestNote: { at: string; authorName: string; note: string } | null;
}

export interface EvaluationContent {
  kind: 'evaluation';
  plan: { id: string; title: string; ownerName: string; periodStart: string; periodEnd: string };
  /** Planned against realised is counted up to here: the end of the programme, or the day it was drawn up when earlier. */
  referenceDate: string;
  themes: { id: string; number: string | null; title: string; goals: { id: string; title: string }[]; activities: EvaluationActivity[] }[];
  indicators: TSnapshotIndicator[];
  budget: TSnapshotBudget;
}

/**
 * The evaluation report of a programme or plan: per theme and goal what was achieved – activities by final status,
 * planned against realised, indicators from baseline to target and the latest measurement, budget planned against
 * spent. Available at any time (its reference date says how far it counts); read by the owner's staff.
 */
export async function evaluationSource(db: Db, planId: string, ctx: RequestContext): Promise<DocumentSource<EvaluationContent>> {
  const content = await db.transaction(async (tx): Promise<EvaluationContent> => {
    const plan = await readAsStaff(tx, planId, ctx);
    const [owner] = await tx.query<{ name: string }>('select name from organisations where id = $1', [plan.ownerId]);
    const themes = await listRecords(tx, R.themes, { planId });
    const goals = await listRecordsWhere(tx, R.goals, 'theme_id', themes.map((t) => t.id));
    const activities = await listRecordsWhere(tx, R.activities, 'theme_id', themes.map((t) => t.id));
    const end = quarterEndDate(plan.periodEnd as string);
    const today = todayInNetherlands();
    const referenceDate = today < end ? today : end;
    const ids = activities.map((a) => a.id);
    const [frequencies, notes, indicators, budgets] = await Promise.all([
      frequencyProgress(tx, activities as unknown as MonitoredActivity[], referenceDate),
      latestNotes(tx, ids),
      planIndicatorFigures(tx, planId),
      budgetUseOfPlans(tx, [planId]),
    ]);
    const budget = budgets.get(planId)!;
    return {
      kind: 'evaluation',
      plan: { id: planId, title: plan.title as string, ownerName: owner?.name ?? '', periodStart: plan.periodStart as string, periodEnd: plan.periodEnd as string },
      referenceDate,
      themes: themes.map((t) => ({
        id: t.id, number: (t.number as string | null) ?? null, title: t.title as string,
        goals: goals.filter((g) => g.themeId === t.id).map((g) => ({ id: g.id, title: g.title as string })),
        activities: activities.filter((a) => a.themeId === t.id).map((a) => ({
          id: a.id, title: a.title as string, status: a.status as TActivityStatus, goalIds: a.goalIds as string[],
          frequency: frequencies.get(a.id)!, latestNote: notes.get(a.id) ?? null,
        })),
      })),
      indicators,
      budget: { total: figures(budget.total), themes: budget.themes.map((t) => ({ themeId: t.themeId, ...figures(t) })), pmSpentCents: budget.pmSpentCents },
    };
  });
  return { title: T.evaluationTitle(content.plan.title), content, tree: evaluationTree(content) };
}

/** The evaluation report as a document tree: a pure function of its content. */
export function evaluationTree(c: EvaluationContent): DocumentTree {
  const title = T.evaluationTitle(c.plan.title);
  const all = c.themes.flatMap((t) => t.activities);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    {
      kind: 'facts',
      items: [
        { label: T.programme, value: c.plan.title },
        { label: T.owner, value: c.plan.ownerName },
        { label: T.period, value: formatPeriod(c.plan.periodStart, c.plan.periodEnd) },
        { label: T.referenceDate, value: formatDate(c.referenceDate) },
      ] satisfies Fact[],
    },
    { kind: 'paragraph', text: T.evaluationIntro(formatDate(c.referenceDate)) },
    { kind: 'heading', level: 2, text: T.summary },
    { kind: 'paragraph', text: T.activityCount(all.length) },
  ];
  if (all.length) {
    blocks.push({ kind: 'paragraph', text: T.finalCounts(statusParts(all.map((a) => a.status))) });
    blocks.push(statusFigure(c.themes.map((t) => ({ theme: t, statuses: t.activities.map((a) => a.status) }))));
  }
  if (c.indicators.length) blocks.push({ kind: 'paragraph', text: T.indicatorCounts(indicatorParts(c.indicators)) });
  const t = c.budget.total;
  blocks.push({ kind: 'paragraph', text: T.budgetSummary(euro(t.plannedCents), formatEuro(t.spentCents), euro(t.remainingCents)) });

  for (const theme of c.themes) {
    const name = themeName(theme);
    const indicators = c.indicators.filter((i) => i.themeId === theme.id);
    blocks.push({ kind: 'heading', level: 2, text: name });
    if (theme.activities.length) blocks.push({ kind: 'paragraph', text: T.finalCounts(statusParts(theme.activities.map((a) => a.status))) });
    blocks.push({ kind: 'heading', level: 3, text: T.goals });
    blocks.push(theme.goals.length
      ? table(T.goalsCaption(name), [[T.goal, 4], [T.goalActivities, 1.6], [T.goalIndicators, 3]], theme.goals.map((g) => {
        const linked = theme.activities.filter((a) => a.goalIds.includes(g.id));
        const measured = c.indicators.filter((i) => i.goalId === g.id);
        return row([
          g.title,
          T.goalActivitiesValue(linked.filter((a) => a.status === 'done').length, linked.length),
          measured.map((i) => `${i.name}: ${nl.monitor.status[i.status.status]}`).join('\n') || nl.app.empty,
        ]);
      }))
      : { kind: 'paragraph', text: T.noGoals });
    if (theme.activities.length) {
      blocks.push({ kind: 'heading', level: 3, text: T.activities });
      blocks.push(table(T.activitiesCaption(name), [[T.activity, 3], [T.status, 1.2], [T.realised, 1.6], [T.latestNote, 4]],
        theme.activities.map((a) => row([a.title, nl.labels.activityStatus[a.status], execution(a.frequency), noteText(a.latestNote)]))));
    }
    blocks.push({ kind: 'heading', level: 3, text: T.indicators }, ...indicatorBlocks(indicators, name, c.plan.ownerName));
    blocks.push({ kind: 'heading', level: 3, text: T.budget }, ...themeBudget(c.budget, theme.id, name));
  }
  const planLevel = c.indicators.filter((i) => !i.themeId);
  if (planLevel.length) blocks.push({ kind: 'heading', level: 2, text: T.planIndicators }, ...indicatorBlocks(planLevel, c.plan.title, c.plan.ownerName));
  blocks.push({ kind: 'heading', level: 2, text: T.budgetHeading }, ...budgetBlocks(c.budget, c.themes, c.plan.title));
  return { lang: 'nl', title, blocks };
}

/** 404 unless the actor is staff of the plan's owner (or a member's, for a joint programme): reports hold working notes. */
async function readAsStaff(tx: Db, planId: string, ctx: RequestContext): Promise<Record_> {
  const plan = await getRecord(tx, R.plans, planId, ctx);
  if (ctx.isSystem) return plan;
  // The reports read like the update rounds they come from: the staff (beheerder, adviseur, bestuurder).
  const subject = { ...(await subjectOf(tx, R.plans, plan)), entity: 'rounds' as const };
  if (!can(ctx.actor, 'read', subject)) throw new AppError('not_found', 'Plan niet gevonden');
  return plan;
}

// Shared pieces ------------------------------------------------------------------------------------------------------

type Theme = { id: string; number: string | null; title: string };

const themeName = (t: { number: string | null; title: string }) => (t.number ? `${nl.document.theme} ${t.number}: ${t.title}` : t.title);

/** The themes in the order of their activities, for snapshots taken before the themes were recorded. */
function themesOfActivities(s: TRoundSnapshot): Theme[] {
  const seen = new Map<string, Theme>();
  for (const a of s.activities) if (!seen.has(a.themeId)) seen.set(a.themeId, { id: a.themeId, number: a.themeNumber, title: a.themeTitle });
  return [...seen.values()];
}

const notRecorded = (): Block => ({ kind: 'paragraph', text: T.notRecorded });

const figures = ({ plannedCents, spentCents, remainingCents, isOverBudget }: UseFigures): UseFigures =>
  ({ plannedCents, spentCents, remainingCents, isOverBudget });

function table(caption: string, columns: [string, number, boolean?][], rows: Row[]): TableBlock {
  return { kind: 'table', caption, columns: columns.map(([label, weight, isNumeric]) => ({ label, weight, isNumeric })), rows };
}

/** "3 gereed, 2 loopt, 1 vertraagd": the statuses that occur, in the statuses' order. */
function statusParts(statuses: TActivityStatus[]): string {
  return ACTIVITY_STATUSES.map((st) => [st, statuses.filter((x) => x === st).length] as const)
    .filter(([, n]) => n).map(([st, n]) => T.statusPart(n, nl.labels.activityStatus[st])).join(', ');
}

function indicatorParts(indicators: TSnapshotIndicator[]): string {
  const counts = new Map<string, number>();
  for (const i of indicators) counts.set(i.status.status, (counts.get(i.status.status) ?? 0) + 1);
  return [...counts].map(([st, n]) => `${n} ${nl.monitor.status[st as keyof typeof nl.monitor.status].toLowerCase()}`).join(', ');
}

/** Planned against realised over the years counted so far: "3 van 4 keer", marked when it lags. */
function execution(f: TFrequencyProgress): string {
  if (!f.isCountable) return T.notCountable;
  const sum = (k: 'realised' | 'plannedToDate') => f.years.reduce((n, y) => n + y[k], 0);
  const text = T.executionValue(sum('realised'), sum('plannedToDate'));
  return f.isLagging ? `${text} (${T.laggingMark})` : text;
}

function noteText(n: { at: string; authorName: string; note: string | null } | null | undefined): string {
  if (!n?.note) return T.noNote;
  return T.noteBy(n.note, formatDate(todayInNetherlands(new Date(n.at))), n.authorName);
}

const euro = (cents: number | null) => (cents === null ? T.pm : formatEuro(cents));

/** The activities per theme and status as a bar chart, with the same counts as a table. */
function statusFigure(themes: { theme: Theme; statuses: TActivityStatus[] }[]): Block {
  const byStatus = (statuses: TActivityStatus[]) =>
    Object.fromEntries(ACTIVITY_STATUSES.map((st) => [st, statuses.filter((x) => x === st).length])) as Record<TActivityStatus, number>;
  const input = themes.map((t) => ({ theme: t.theme, activities: { byStatus: byStatus(t.statuses) } }));
  const svg = renderStatusChart(T.statusChartTitle, input);
  const all = byStatus(themes.flatMap((t) => t.statuses));
  return figure(T.statusChartTitle, svg, table(T.statusCaption, [[T.theme, 3], ...ACTIVITY_STATUSES.map((st) => [nl.labels.activityStatus[st], 1, true] as [string, number, boolean])], [
    ...input.map((t) => row([themeName(t.theme), ...ACTIVITY_STATUSES.map((st) => String(t.activities.byStatus[st]))])),
    row([T.total, ...ACTIVITY_STATUSES.map((st) => String(all[st]))], { isTotal: true }),
  ]));
}

/**
 * Indicators against their targets: a table of baseline, target, latest measurement and status, then per indicator
 * its status in words and – where it has measurements – its chart with the values as a table.
 */
function indicatorBlocks(indicators: TSnapshotIndicator[], where: string, ownName: string): Block[] {
  if (!indicators.length) return [{ kind: 'paragraph', text: T.noIndicators }];
  const blocks: Block[] = [table(T.indicatorsCaption(where), [[T.indicator, 3], [T.baseline, 1.4], [T.target, 1.6], [T.latest, 1.6], [T.status, 1.2]],
    indicators.map((i) => {
      const s = i.status;
      const target = s.target != null && s.comparison
        ? nl.monitor.targetPhrase(nl.monitor.comparison[s.comparison], formatValue(s.target, i.unit), s.targetYear)
        : (i.targetText ?? nl.app.empty);
      const m = s.measurement;
      return row([
        i.name,
        i.baselineValue != null ? nl.monitor.baselinePhrase(formatValue(i.baselineValue, i.unit), i.baselineYear) : nl.app.empty,
        target,
        m ? nl.monitor.valueIn(m.isSmallCount ? nl.meldpuntOverview.lessThanFive : formatValue(m.value, i.unit), m.periodLabel, m.isProvisional) : nl.app.empty,
        nl.monitor.status[s.status],
      ]);
    }))];
  for (const i of indicators) {
    const explanation = explainStatus(i.status, i.unit).join(' ');
    blocks.push({ kind: 'paragraph', text: `${T.statusOf(i.name, nl.monitor.status[i.status.status])} ${explanation}`.trim() });
    const rows = seriesTable(i.series);
    if (!rows.length) continue;
    // A meldpunt count of 1 to 4 is no point on the chart and "minder dan 5" in its table (a document is public).
    const series = i.series.map((s) => ({ ...s, points: s.points.filter((p) => !p.isSmallCount) }));
    const input = { indicator: i, series, ownName, isContradictory: i.status.status === 'contradictory' };
    blocks.push(figure(i.name, renderIndicatorChart(input), table(T.valuesCaption(i.name),
      [[T.period, 1.4], ...i.series.map((s) => [seriesName(s, ownName), 1.4, true] as [string, number, boolean])],
      rows.map((r) => row([r.periodLabel, ...r.cells.map((p) => (p ? `${p.isSmallCount ? nl.meldpuntOverview.lessThanFive : formatIndicatorValue(p.value, i.unit)}${p.isProvisional ? ` (${T.provisional})` : ''}` : nl.app.empty))])),
    ), describeChart(input)));
  }
  return blocks;
}

const figureTitle = (svg: string) => /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';

/**
 * A chart for a document: the <style> element (hover effects, which a page's policy would block) and the classes it
 * styles go, and style attributes become SVG presentation attributes, which every reader draws without a style sheet.
 */
function figure(title: string, svg: string, data: TableBlock, description = figureTitle(svg)): Block {
  const clean = svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    // ECharts numbers its ids and classes per process; without them the same content gives the same document.
    .replace(/ (class|ecmeta_\w+)="[^"]*"/g, '')
    .replace(/\bzr\d+-/g, 'zr-')
    .replace(/ style="([^"]*)"/g, (_, css: string) => css.split(';').map((d) => d.split(':')).filter(([k, v]) => k?.trim() && v)
      .map(([k, ...v]) => ` ${k.trim()}="${v.join(':').trim()}"`).join(''));
  const width = Number(/<svg[^>]*\bwidth="(\d+)"/.exec(clean)?.[1] ?? 720);
  const height = Number(/<svg[^>]*\bheight="(\d+)"/.exec(clean)?.[1] ?? 380);
  return { kind: 'figure', title, description: unescapeXml(description), svg: clean, width, height, table: data };
}

const unescapeXml = (s: string) => s.replace(/&#(\d+);|&(amp|lt|gt|quot);/g, (_, n: string, e: string) =>
  (n ? String.fromCharCode(Number(n)) : ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e as 'amp']));

function budgetRow(label: string, f: UseFigures, isTotal = false): Row {
  const remaining = f.isOverBudget && f.remainingCents !== null ? `${formatEuro(f.remainingCents)} (${T.over})` : euro(f.remainingCents);
  return row([label, euro(f.plannedCents), formatEuro(f.spentCents), remaining], { isTotal });
}

const BUDGET_COLUMNS: [string, number, boolean?][] = [[T.theme, 3], [T.planned, 1.4, true], [T.spent, 1.4, true], [T.remaining, 1.6, true]];

function themeBudget(budget: TSnapshotBudget, themeId: string, name: string): Block[] {
  const use = budget.themes.find((t) => t.themeId === themeId);
  if (!use) return [{ kind: 'paragraph', text: T.noBudget }];
  return [table(T.budgetCaption(name), BUDGET_COLUMNS, [budgetRow(name, use)])];
}

/** Budget use per theme, the lines without a theme, and the total – the budget-use module's figures. */
function budgetBlocks(budget: TSnapshotBudget, themes: Theme[], planTitle: string): Block[] {
  const names = new Map(themes.map((t) => [t.id, themeName(t)]));
  const blocks: Block[] = [table(T.budgetCaption(planTitle), BUDGET_COLUMNS, [
    ...budget.themes.map((t) => budgetRow(t.themeId ? (names.get(t.themeId) ?? T.noTheme) : T.noTheme, t)),
    budgetRow(T.total, budget.total, true),
  ])];
  if (budget.pmSpentCents) blocks.push({ kind: 'paragraph', text: T.pmSpent(formatEuro(budget.pmSpentCents)) });
  return blocks;
}
