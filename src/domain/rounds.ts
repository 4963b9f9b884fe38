import { z } from 'zod';
import { ZFrequencyProgress } from './frequency-progress.ts';
import { ZIndicatorStatus } from './indicator.ts';
import { GRANULARITIES } from './indicator-series.ts';
import { FINAL_STATUSES, type TActivityStatus } from './progress.ts';
import { ACTIVITY_STATUSES, DIRECTIONS, TARGET_KINDS, ZDate, ZId } from './schemas.ts';
import { compareQuarters, ZQuarterCode, type TQuarter, type TTimeframe } from './timeframe.ts';

/*
 * Update rounds: each quarter the adviseur of a programme asks the responsible people for an update on their
 * activities. A round is opened for a programme and a quarter, collects updates (progress entries made while it is
 * open), and is closed by the adviseur; closing stores a frozen snapshot that later edits do not change.
 */

export const ROUND_STATUSES = ['open', 'closed'] as const;

/** Whether an activity is asked for an update in a round of `quarter`: its work has begun by then (or its tijdpad
 * is not recognised, so Regie cannot tell) and it is not gereed or vervallen. An activity planned for a later
 * quarter is not asked yet; one whose period is over but that is not gereed is asked: it is overdue. */
export function isAwaitedInRound(activity: { status: TActivityStatus; timeframe: TTimeframe }, quarter: TQuarter): boolean {
  if (FINAL_STATUSES.includes(activity.status)) return false;
  const tf = activity.timeframe;
  if (tf.kind === 'range') return compareQuarters(tf.start, quarter) <= 0;
  if (tf.kind === 'continuous') return !tf.start || compareQuarters(tf.start, quarter) <= 0;
  return true;
}

/** The last day of a quarter code: "2024-Q3" → "2024-09-30". */
export function quarterEndDate(code: string): string {
  const [year, q] = code.split('-Q').map(Number);
  const day = new Date(Date.UTC(year, q * 3, 0)).getUTCDate();
  return `${year}-${String(q * 3).padStart(2, '0')}-${day}`;
}

/** Opening a round: the quarter it reports on and, optionally, the date updates are due. */
export const ZRoundOpen = z.object({
  quarter: ZQuarterCode,
  dueOn: ZDate.nullable().optional(),
});
export type TRoundOpen = z.infer<typeof ZRoundOpen>;

/** A round in a list. `awaited` and `updated` count the activities asked for an update and those that gave one. */
export const ZRound = z.object({
  id: ZId,
  planId: ZId,
  ownerId: ZId,
  quarter: z.string(),
  status: z.enum(ROUND_STATUSES),
  dueOn: z.string().nullable(),
  openedAt: z.string(),
  openedBy: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  version: z.number().int(),
  awaited: z.number().int(),
  updated: z.number().int(),
  /** Open after the date updates were due: "Verlopen" on the start page, the round page and Mijn activiteiten. */
  isOverdue: z.boolean(),
});
export type TRound = z.infer<typeof ZRound>;

/** Whether a round is still open after its due date (`today` as YYYY-MM-DD, in the Netherlands). */
export function isRoundOverdue(round: { status: string; dueOn: string | null }, today: string): boolean {
  return round.status === 'open' && !!round.dueOn && round.dueOn.slice(0, 10) < today;
}

/** The update an activity gave in a round: its latest entry made while the round was open. */
export const ZRoundUpdate = z.object({
  entryId: ZId,
  at: z.string(),
  authorName: z.string(),
  statusTo: z.enum(ACTIVITY_STATUSES).nullable(),
  note: z.string().nullable(),
  percentComplete: z.number().int().nullable(),
  milestone: z.string().nullable(),
});

/** One activity of a round: who should update it, whether they did, and where it stands. */
export const ZRoundActivity = z.object({
  activityId: ZId,
  title: z.string(),
  themeId: ZId,
  themeNumber: z.string().nullable(),
  themeTitle: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  /** Asked for an update in this round (see `isAwaitedInRound`). */
  isAwaited: z.boolean(),
  /** The activity's responsible people, or else its theme's first responsible official. */
  responsibles: z.array(z.object({ personId: ZId, name: z.string(), hasAccount: z.boolean() })),
  update: ZRoundUpdate.nullable(),
  /** The latest percentage and milestone reported, in or before the round. */
  percentComplete: z.number().int().nullable(),
  milestone: z.string().nullable(),
  frequency: ZFrequencyProgress,
  /** The latest note written on the activity up to the moment the figures were taken, in the round or before it (for
   * the progress report: a finished activity gives no update in the round, but its last note says how it ended).
   * Absent in snapshots of rounds closed before it was recorded. */
  latestNote: z.object({ at: z.string(), authorName: z.string(), note: z.string() }).nullable().optional(),
});
export type TRoundActivity = z.infer<typeof ZRoundActivity>;

/** A theme of the programme, in the programme's order (also those without activities, for their indicators). */
export const ZSnapshotTheme = z.object({ id: ZId, number: z.string().nullable(), title: z.string() });

/** A series of an indicator's measurements, as the chart and its table show it (see `measurementSeries`). */
export const ZSnapshotSeries = z.object({
  key: z.string(),
  area: z.object({ code: z.string().nullable(), name: z.string() }).nullable(),
  granularity: z.enum(GRANULARITIES).nullable(),
  points: z.array(z.object({
    periodLabel: z.string(), periodStart: z.string(), periodEnd: z.string(), value: z.number(), isProvisional: z.boolean(),
    isSmallCount: z.boolean().optional(),
  })),
});

/** An indicator as it stood when the figures were taken: its target, its measurements as series, and its status. */
export const ZSnapshotIndicator = z.object({
  id: ZId,
  themeId: ZId.nullable(),
  goalId: ZId.nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  direction: z.enum(DIRECTIONS),
  baselineValue: z.number().nullable(),
  baselineYear: z.number().int().nullable(),
  targetKind: z.enum(TARGET_KINDS).nullable(),
  targetValue: z.number().nullable(),
  targetChangePercent: z.number().nullable(),
  targetYear: z.number().int().nullable(),
  targetText: z.string().nullable(),
  series: z.array(ZSnapshotSeries),
  status: ZIndicatorStatus,
});
export type TSnapshotIndicator = z.infer<typeof ZSnapshotIndicator>;

const ZUseFigures = z.object({
  plannedCents: z.number().int().nullable(),
  spentCents: z.number().int(),
  remainingCents: z.number().int().nullable(),
  isOverBudget: z.boolean(),
});
/** Budget use (planned, spent, remaining) in total and per theme, as the budget-use module computes it. */
export const ZSnapshotBudget = z.object({
  total: ZUseFigures,
  themes: z.array(ZUseFigures.extend({ themeId: ZId.nullable() })),
  pmSpentCents: z.number().int(),
});
export type TSnapshotBudget = z.infer<typeof ZSnapshotBudget>;

/**
 * A round's figures as of a reference date: the live view of an open round, and – stored when the round closes – the
 * frozen report of a closed one. Built by one function (server: `buildRoundSnapshot`), which the progress report
 * reads; indicator and budget figures are to be added here, as new optional keys, by the parts that bring them.
 */
export const ZRoundSnapshot = z.object({
  schemaVersion: z.literal(1),
  roundId: ZId,
  planId: ZId,
  planTitle: z.string(),
  ownerName: z.string(),
  quarter: z.string(),
  /** Planned against realised is counted up to this date: the quarter's last day, or the closing day when earlier. */
  referenceDate: z.string(),
  /** When the figures were taken: the closing moment of a closed round. */
  takenAt: z.string(),
  totals: z.object({
    activities: z.number().int(),
    awaited: z.number().int(),
    updated: z.number().int(),
    lagging: z.number().int(),
    byStatus: z.record(z.enum(ACTIVITY_STATUSES), z.number().int()),
  }),
  activities: z.array(ZRoundActivity),
  /** Themes, indicators and budget use: recorded by rounds closed since the progress report (issue 5); absent in older
   * snapshots, which the report then says rather than filling in today's figures. */
  themes: z.array(ZSnapshotTheme).optional(),
  indicators: z.array(ZSnapshotIndicator).optional(),
  budget: ZSnapshotBudget.optional(),
});
export type TRoundSnapshot = z.infer<typeof ZRoundSnapshot>;

/** A reminder sent in a round: when, by whom, to how many people, how many by e-mail. */
export const ZRoundReminder = z.object({ at: z.string(), by: z.string(), recipients: z.number().int(), emailed: z.number().int() });

/** GET /rounds/{id}: the round, its plan, the figures (live while open, frozen once closed) and the reminders. */
export const ZRoundDetail = ZRound.extend({
  plan: z.object({ id: ZId, title: z.string(), periodStart: z.string(), periodEnd: z.string() }),
  snapshot: ZRoundSnapshot,
  reminders: z.array(ZRoundReminder),
});
export type TRoundDetail = z.infer<typeof ZRoundDetail>;

/** The answer to sending reminders. */
export const ZReminderResult = z.object({
  recipients: z.number().int(),
  emailed: z.number().int(),
  /** Whether Regie can send e-mail at all (SMTP configured). */
  isMailConfigured: z.boolean(),
  /** Responsible people of activities without an update who have no account: nobody to remind. */
  withoutAccount: z.array(z.string()),
});
export type TReminderResult = z.infer<typeof ZReminderResult>;

/** GET /me/updates: the open rounds with activities awaiting the user's update, for the start page. */
export const ZMyUpdates = z.object({
  pending: z.number().int(),
  rounds: z.array(z.object({
    roundId: ZId,
    planId: ZId,
    planTitle: z.string(),
    ownerName: z.string(),
    quarter: z.string(),
    dueOn: z.string().nullable(),
    isOverdue: z.boolean(),
    pending: z.number().int(),
    lastReminder: z.object({ at: z.string(), by: z.string() }).nullable(),
  })),
});
export type TMyUpdates = z.infer<typeof ZMyUpdates>;
