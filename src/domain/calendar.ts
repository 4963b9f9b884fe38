import type { TFrequency } from './frequency.ts';
import { compareQuarters, parseQuarterCode, type TQuarter, type TTimeframe } from './timeframe.ts';

/*
 * A programme's activities as calendar events (the .ics export), from the parsed tijdpad and frequency. Programmes
 * plan in quarters, not on dates, so every event is all-day and starts on the first day of a quarter:
 * - a recurring meeting ("1 maal per 6 weken") is one event with a recurrence rule, from the first quarter of the
 *   activity (within the programme) to the last day of its last quarter – or of the programme for continuous work,
 *   an annual cycle or an unreadable tijdpad;
 * - other activities with a range (Q1-Q2 2024) are one event over their quarters;
 * - an annual cycle ("Jaarlijks Q1: evaluatie; …") is one yearly event per step, for the years of the programme;
 * - continuous work without a rhythm and unreadable tijdpaden are not dated, so they are not in the calendar.
 * Dates are ISO (YYYY-MM-DD); `end` is exclusive, as in iCalendar.
 */

/** An iCalendar recurrence: every `interval` days/weeks/months/years, on these months or days of the month. */
export interface Recurrence {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  byMonth?: number[];
  byMonthDay?: number[];
}

export interface CalendarEventSpec {
  /** Tells the events of one activity apart (the steps of an annual cycle): '' for its only event. */
  part: string;
  start: string;
  end: string;
  /** The RRULE value ("FREQ=WEEKLY;INTERVAL=6;UNTIL=20241231"), or null for a single event. */
  rrule: string | null;
  /** An annual step's label ("evaluatie"). */
  label?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function nextQuarter(q: TQuarter): TQuarter {
  return q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: q.quarter + 1 };
}

/** The first day of a quarter: Q2 2023 → "2023-04-01". */
export function quarterStart(q: TQuarter): string {
  return `${q.year}-${pad((q.quarter - 1) * 3 + 1)}-01`;
}

/** An ISO date moved by whole days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days));
  return d.toISOString().slice(0, 10);
}

/** The last day of a quarter: Q4 2024 → "2024-12-31". */
export function quarterEnd(q: TQuarter): string {
  return addDays(quarterStart(nextQuarter(q)), -1);
}

/** `n` values spread evenly over 1…`size`, from `first`, wrapping around (months of a year, days of a month). */
const spread = (n: number, size: number, first = 1) =>
  Array.from({ length: n }, (_, i) => ((first - 1 + Math.round((i * size) / n)) % size) + 1).sort((a, b) => a - b);

/**
 * The recurrence of a frequency, or null when iCalendar cannot say it exactly. "Tweemaal per jaar" is every 6 months,
 * "1 maal per 6 weken" every 6 weeks, "5 maal per jaar" in 5 months spread over the year from `startMonth`, "2 maal per
 * maand" on the 1st and 15th. A range ("twee/driemaal") takes its lower bound, as `plannedPerYear` does.
 */
export function recurrenceOf(f: TFrequency, startMonth = 1): Recurrence | null {
  if (f.kind !== 'recurring') return null;
  const n = f.count;
  const { amount, unit } = f.per;
  if (unit === 'week') {
    if (amount % n === 0) return { freq: 'WEEKLY', interval: amount / n };
    return (7 * amount) % n === 0 ? { freq: 'DAILY', interval: (7 * amount) / n } : null;
  }
  const months = unit === 'month' ? amount : amount * 12;
  if (months % n === 0) {
    const every = months / n;
    return every % 12 === 0 ? { freq: 'YEARLY', interval: every / 12 } : { freq: 'MONTHLY', interval: every };
  }
  if (n % months === 0 && n / months <= 4) return { freq: 'MONTHLY', interval: 1, byMonthDay: spread(n / months, 28) };
  if (unit === 'year' && (52 * amount) % n === 0) return { freq: 'WEEKLY', interval: (52 * amount) / n };
  if (unit === 'year' && amount === 1 && n < 12) return { freq: 'YEARLY', interval: 1, byMonth: spread(n, 12, startMonth) };
  return null;
}

/** The RRULE value of a recurrence until a date (inclusive). */
export function rruleOf(r: Recurrence, until: string): string {
  return [
    `FREQ=${r.freq}`,
    ...(r.interval > 1 ? [`INTERVAL=${r.interval}`] : []),
    ...(r.byMonth ? [`BYMONTH=${r.byMonth.join(',')}`] : []),
    ...(r.byMonthDay ? [`BYMONTHDAY=${r.byMonthDay.join(',')}`] : []),
    `UNTIL=${until.replaceAll('-', '')}`,
  ].join(';');
}

const later = (a: TQuarter, b: TQuarter) => (compareQuarters(a, b) >= 0 ? a : b);
const earlier = (a: TQuarter, b: TQuarter) => (compareQuarters(a, b) <= 0 ? a : b);

/** The quarters a recurring meeting of this activity runs in: its own range within the programme, or the programme. */
function meetingWindow(tf: TTimeframe, first: TQuarter, last: TQuarter): [TQuarter, TQuarter] | null {
  switch (tf.kind) {
    case 'range': {
      const from = later(tf.start, first);
      const to = earlier(tf.end, last);
      // A range wholly outside the programme keeps its own quarters.
      return compareQuarters(from, to) <= 0 ? [from, to] : [tf.start, tf.end];
    }
    case 'continuous': {
      const from = tf.start ? later(tf.start, first) : first;
      return compareQuarters(from, last) <= 0 ? [from, last] : null;
    }
    default:
      return [first, last];
  }
}

/** The yearly events of an annual cycle's steps, in the years of the programme. */
function annualEvents(steps: { quarters: number[]; label: string }[], first: TQuarter, last: TQuarter): CalendarEventSpec[] {
  return steps.flatMap((step, n) => {
    if (!step.quarters.length) return [];
    const from = Math.min(...step.quarters);
    const to = Math.max(...step.quarters);
    const year = compareQuarters({ year: first.year, quarter: from }, first) < 0 ? first.year + 1 : first.year;
    const start = { year, quarter: from };
    if (compareQuarters(start, last) > 0) return [];
    return [{
      part: `stap-${n + 1}`,
      start: quarterStart(start),
      end: quarterStart(nextQuarter({ year, quarter: to })),
      rrule: `FREQ=YEARLY;UNTIL=${quarterEnd(last).replaceAll('-', '')}`,
      label: step.label,
    }];
  });
}

/** The calendar events of one activity in a programme period ("2023-Q2" to "2024-Q4"). */
export function calendarEventsOf(
  activity: { timeframe: TTimeframe; frequency: TFrequency },
  periodStart: string,
  periodEnd: string,
): CalendarEventSpec[] {
  const first = parseQuarterCode(periodStart);
  const last = parseQuarterCode(periodEnd);
  const { timeframe: tf, frequency } = activity;
  const window = frequency.kind === 'recurring' ? meetingWindow(tf, first, last) : null;
  const rule = window && recurrenceOf(frequency, (window[0].quarter - 1) * 3 + 1);
  if (window && rule) {
    const start = quarterStart(window[0]);
    return [{ part: '', start, end: addDays(start, 1), rrule: rruleOf(rule, quarterEnd(window[1])) }];
  }
  if (tf.kind === 'range') return [{ part: '', start: quarterStart(tf.start), end: quarterStart(nextQuarter(tf.end)), rrule: null }];
  if (tf.kind === 'annual') return annualEvents(tf.steps, first, last);
  return [];
}
