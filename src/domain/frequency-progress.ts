import { z } from 'zod';
import type { TFrequency } from './frequency.ts';
import type { TActivityStatus } from './schemas.ts';
import { compareQuarters, type TQuarter, type TTimeframe } from './timeframe.ts';

/*
 * Planned against realised for activities with a frequency ("4 integrale controles per jaar", "1 maal per 6 weken"):
 * how many times the activity should have taken place up to a date, per calendar year, against the occurrences
 * recorded, and whether it lags.
 *
 * How the planned number is computed: the frequency is spread evenly over the activity's period (its tijdpad; the
 * programme's period where the tijdpad is continuous without end, an annual cycle or not recognised), in months, and
 * only whole occurrences count: "4 per jaar" from Q2 2023 is 3 in 2023 and 4 in 2024; "eens per twee jaar" over 2023–
 * 2024 is 0 and 1; "eenmalig" is due at the end of its period. A range ("twee/driemaal") counts its lower bound, a
 * minimum ("minimaal 2 maal") its number. Continuous, on-request and unrecognised frequencies cannot be counted: the
 * occurrences are shown, nothing is flagged.
 *
 * When it lags: fewer occurrences in a year than were planned up to one month before the reference date. The month
 * is the tolerance: an occurrence that was just due may still be recorded (or happen a little late) before Regie
 * flags it. After the year's last month has passed, the whole year's number counts. An activity that is gereed or
 * vervallen is never flagged.
 */

/** The tolerance: occurrences planned in the last month before the reference date are not yet expected. */
export const LAG_TOLERANCE_MONTHS = 1;

export const ZYearProgress = z.object({
  year: z.number().int(),
  /** Planned in the part of this year that lies in the activity's period. */
  planned: z.number().int(),
  /** Planned in this year up to the reference date. */
  plannedToDate: z.number().int(),
  /** Planned in this year up to the reference date minus the tolerance: fewer realised than this is a lag. */
  expected: z.number().int(),
  realised: z.number().int(),
  isLagging: z.boolean(),
});
export type TYearProgress = z.infer<typeof ZYearProgress>;

export const ZFrequencyProgress = z.object({
  /** Whether the frequency can be counted (recurring or once). */
  isCountable: z.boolean(),
  /** The period the frequency is spread over, as dates (first and last day); null when not countable. */
  period: z.object({ start: z.string(), end: z.string() }).nullable(),
  referenceDate: z.string(),
  years: z.array(ZYearProgress),
  isLagging: z.boolean(),
});
export type TFrequencyProgress = z.infer<typeof ZFrequencyProgress>;

export interface FrequencyProgressInput {
  frequency: TFrequency;
  timeframe: TTimeframe;
  /** The programme's period, for a tijdpad without an end of its own. */
  planPeriod: { start: TQuarter; end: TQuarter };
  /** Dates (YYYY-MM-DD) of the recorded occurrences. */
  occurrences: readonly string[];
  /** "Today" (YYYY-MM-DD): what was planned up to this date counts. */
  referenceDate: string;
  /** Gereed and vervallen are never flagged. */
  status?: TActivityStatus;
}

const EPSILON = 1e-9;

/** A date as months since year 0 at the end of that day: 2024-06-30 → 2024 × 12 + 6. */
function monthsAtEndOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return y * 12 + (m - 1) + Math.min(d, days) / days;
}

const quarterStart = (q: TQuarter) => q.year * 12 + (q.quarter - 1) * 3;
const quarterEnd = (q: TQuarter) => q.year * 12 + q.quarter * 3;
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const firstDay = (q: TQuarter) => iso(q.year, (q.quarter - 1) * 3 + 1, 1);
const lastDay = (q: TQuarter) => iso(q.year, q.quarter * 3, new Date(Date.UTC(q.year, q.quarter * 3, 0)).getUTCDate());

/** The period, in quarters, over which the frequency is spread. */
export function activityPeriod(timeframe: TTimeframe, planPeriod: { start: TQuarter; end: TQuarter }): { start: TQuarter; end: TQuarter } {
  switch (timeframe.kind) {
    case 'range':
      return compareQuarters(timeframe.start, timeframe.end) <= 0 ? { start: timeframe.start, end: timeframe.end } : planPeriod;
    case 'continuous': {
      const start = timeframe.start ?? planPeriod.start;
      return { start, end: compareQuarters(start, planPeriod.end) <= 0 ? planPeriod.end : start };
    }
    default:
      return planPeriod;
  }
}

/** Occurrences per month of the period, or null when the frequency cannot be counted. */
function ratePerMonth(f: TFrequency, periodMonths: number): number | null {
  if (f.kind === 'once') return 1 / periodMonths;
  if (f.kind !== 'recurring') return null;
  const perYear = { week: 52, month: 12, year: 1 }[f.per.unit] / f.per.amount;
  return (f.count * perYear) / 12;
}

/** A date one month (the tolerance) earlier, at the same day or the month's last. */
function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const days = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(d, days));
}

/** Planned against realised per year up to the reference date, and whether the activity lags. */
export function compareFrequency(input: FrequencyProgressInput): TFrequencyProgress {
  const { frequency, referenceDate } = input;
  const realisedIn = (year: number) => input.occurrences.filter((d) => d <= referenceDate && Number(d.slice(0, 4)) === year).length;
  const occurrenceYears = input.occurrences.filter((d) => d <= referenceDate).map((d) => Number(d.slice(0, 4)));
  const period = activityPeriod(input.timeframe, input.planPeriod);
  const start = quarterStart(period.start);
  const end = quarterEnd(period.end);
  const rate = ratePerMonth(frequency, end - start);

  if (rate === null) {
    const years = [...new Set(occurrenceYears)].sort();
    return {
      isCountable: false, period: null, referenceDate, isLagging: false,
      years: years.map((year) => ({ year, planned: 0, plannedToDate: 0, expected: 0, realised: realisedIn(year), isLagging: false })),
    };
  }

  /** Whole occurrences planned from the start of the period to the end of `date`'s month fraction. */
  const cumulative = (months: number) => Math.floor(rate * (Math.min(Math.max(months, start), end) - start) + EPSILON);
  const endOfYear = (year: number) => (year + 1) * 12;
  const inYear = (year: number, months: number) => Math.max(0, cumulative(Math.min(months, endOfYear(year))) - cumulative(endOfYear(year - 1)));
  const now = monthsAtEndOf(referenceDate);
  const due = monthsAtEndOf(monthsBefore(referenceDate, LAG_TOLERANCE_MONTHS));
  const isFinal = input.status === 'done' || input.status === 'cancelled';

  const years = new Set(occurrenceYears);
  for (let y = period.start.year; y <= period.end.year; y++) years.add(y);
  const rows = [...years].sort().map((year) => {
    const expected = inYear(year, due);
    const realised = realisedIn(year);
    return {
      year,
      planned: inYear(year, Infinity),
      plannedToDate: inYear(year, now),
      expected,
      realised,
      isLagging: !isFinal && realised < expected,
    };
  });
  return {
    isCountable: true,
    period: { start: firstDay(period.start), end: lastDay(period.end) },
    referenceDate,
    years: rows,
    isLagging: rows.some((r) => r.isLagging),
  };
}
