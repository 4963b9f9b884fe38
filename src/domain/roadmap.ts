import type { ACTIVITY_STATUSES } from './schemas.ts';
import { compareQuarters, parseQuarterCode, quarterCode, type TQuarter, type TTimeframe } from './timeframe.ts';

/*
 * The roadmap of a programme: each activity placed on the quarters of the programme period from its parsed tijdpad,
 * what is due in the current quarter and what is overdue. Pure functions, so the roadmap page, its API and the
 * calendar export agree.
 * - A range (Q1-Q2 2024) is planned from its first to its last quarter; its planned end is its last quarter.
 * - "Doorlopend" runs from its start (or the programme's) to the end of the programme and has no planned end.
 * - An annual cycle ("Jaarlijks Q1: evaluatie; …") recurs in its quarters every year, without a planned end.
 * - Due this quarter: not done or cancelled, and its range ends in the current quarter, or – while the programme runs –
 *   a step of its annual cycle falls in it. Overdue: not done or cancelled, and its range ended before the current
 *   quarter. Continuous work is never due or overdue.
 * - A tijdpad Regie cannot read is not placed: such activities are listed apart ("tijdpad niet herkend").
 */

type TActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Statuses after which an activity is neither due nor overdue. */
export const CLOSED_STATUSES: readonly TActivityStatus[] = ['done', 'cancelled'];

/** How an activity shows in a quarter: its only quarter, first, middle or last of a range, ongoing, or an annual step. */
export const ROADMAP_MARKS = ['once', 'start', 'continues', 'end', 'continuous', 'annual'] as const;
export type TRoadmapMark = (typeof ROADMAP_MARKS)[number];

export interface RoadmapActivityLike {
  id: string;
  status: TActivityStatus;
  timeframe: TTimeframe;
}

export interface RoadmapCell {
  quarter: string;
  mark: TRoadmapMark;
  /** An annual step's label ("evaluatie"). */
  label?: string;
}

export interface RoadmapPlacement {
  activityId: string;
  /** Only the quarters with planned work, in order. */
  cells: RoadmapCell[];
  /** Planned work before the programme's first quarter, or after its last. */
  startsBefore: boolean;
  endsAfter: boolean;
  /** The last quarter of a range ("2024-Q2"); null for continuous work and annual cycles. */
  plannedEnd: string | null;
  isDue: boolean;
  /** What is due of an annual cycle this quarter ("evaluatie"). */
  dueLabel?: string;
  isOverdue: boolean;
}

export interface Roadmap {
  /** The programme's quarters, "2023-Q2" … "2024-Q4". */
  quarters: string[];
  currentQuarter: string;
  isCurrentInPeriod: boolean;
  /** Activities with a tijdpad Regie could read, in the order given. */
  placements: RoadmapPlacement[];
  /** Activities whose tijdpad Regie could not read. */
  unplacedIds: string[];
}

/** The quarters from `start` to `end` inclusive (at most 200). */
export function quartersBetween(start: TQuarter, end: TQuarter): TQuarter[] {
  const list: TQuarter[] = [];
  for (let i = start.year * 4 + start.quarter - 1; i <= end.year * 4 + end.quarter - 1 && list.length < 200; i++) {
    list.push({ year: Math.floor(i / 4), quarter: (i % 4) + 1 });
  }
  return list;
}

/** The quarter an ISO date falls in. */
export function quarterOfDate(iso: string): TQuarter {
  return { year: Number(iso.slice(0, 4)), quarter: Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1 };
}

const isClosed = (status: TActivityStatus) => CLOSED_STATUSES.includes(status);
const same = (a: TQuarter, b: TQuarter) => compareQuarters(a, b) === 0;

function rangeMark(q: TQuarter, start: TQuarter, end: TQuarter): TRoadmapMark {
  if (same(start, end)) return 'once';
  return same(q, start) ? 'start' : same(q, end) ? 'end' : 'continues';
}

/** Where an activity's planned work falls in the programme, and whether it is due or overdue in `current`. */
export function placeActivity(a: RoadmapActivityLike, period: TQuarter[], current: TQuarter): RoadmapPlacement {
  const first = period[0];
  const last = period[period.length - 1];
  const tf = a.timeframe;
  const base = { activityId: a.id, startsBefore: false, endsAfter: false, plannedEnd: null, isDue: false, isOverdue: false };
  switch (tf.kind) {
    case 'range':
      return {
        ...base,
        cells: period
          .filter((q) => compareQuarters(tf.start, q) <= 0 && compareQuarters(q, tf.end) <= 0)
          .map((q) => ({ quarter: quarterCode(q), mark: rangeMark(q, tf.start, tf.end) })),
        startsBefore: compareQuarters(tf.start, first) < 0,
        endsAfter: compareQuarters(tf.end, last) > 0,
        plannedEnd: quarterCode(tf.end),
        isDue: !isClosed(a.status) && same(tf.end, current),
        isOverdue: !isClosed(a.status) && compareQuarters(tf.end, current) < 0,
      };
    case 'continuous':
      return {
        ...base,
        cells: period.filter((q) => !tf.start || compareQuarters(tf.start, q) <= 0).map((q) => ({ quarter: quarterCode(q), mark: 'continuous' })),
        startsBefore: !!tf.start && compareQuarters(tf.start, first) < 0,
      };
    case 'annual': {
      const labelIn = (quarter: number) =>
        tf.steps.filter((s) => s.quarters.includes(quarter)).map((s) => s.label).join('; ') || undefined;
      const isStep = (quarter: number) => tf.steps.length === 0 || tf.steps.some((s) => s.quarters.includes(quarter));
      // An annual cycle runs in the years of the programme: once it is over, nothing of it is due.
      const isCurrentInPeriod = compareQuarters(first, current) <= 0 && compareQuarters(current, last) <= 0;
      const dueLabel = tf.steps.length && isCurrentInPeriod ? labelIn(current.quarter) : undefined;
      return {
        ...base,
        cells: period.filter((q) => isStep(q.quarter)).map((q) => ({ quarter: quarterCode(q), mark: 'annual', label: labelIn(q.quarter) })),
        isDue: !isClosed(a.status) && !!dueLabel,
        ...(dueLabel && !isClosed(a.status) ? { dueLabel } : {}),
      };
    }
    case 'unparsed':
      return { ...base, cells: [] };
  }
}

/** The roadmap of a programme period ("2023-Q2" to "2024-Q4") on the day `today` (YYYY-MM-DD). */
export function buildRoadmap(activities: RoadmapActivityLike[], periodStart: string, periodEnd: string, today: string): Roadmap {
  const period = quartersBetween(parseQuarterCode(periodStart), parseQuarterCode(periodEnd));
  const current = quarterOfDate(today);
  const placed = activities.filter((a) => a.timeframe.kind !== 'unparsed');
  return {
    quarters: period.map(quarterCode),
    currentQuarter: quarterCode(current),
    isCurrentInPeriod: period.some((q) => same(q, current)),
    placements: placed.map((a) => placeActivity(a, period, current)),
    unplacedIds: activities.filter((a) => a.timeframe.kind === 'unparsed').map((a) => a.id),
  };
}
