import type { TFrequency } from '../domain/frequency.ts';
import type { TQuarter, TTimeframe } from '../domain/timeframe.ts';
import { commonText } from './nl/common.ts';
import { plansText } from './nl/plans.ts';

const { app, timeframe, frequency } = commonText;

const quarter = (q: TQuarter) => timeframe.quarter(q.quarter, q.year);

/** "2023-Q2" → "Q2 2023". */
export function formatQuarterCode(code: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(code);
  return m ? timeframe.quarter(Number(m[2]), Number(m[1])) : code;
}

/** A plan period: "Q2 2023 t/m Q4 2024". */
export function formatPeriod(start: string, end: string): string {
  return timeframe.range(formatQuarterCode(start), formatQuarterCode(end));
}

/** The quarter codes from start to end inclusive ("2023-Q1" … "2024-Q4"). */
export function quartersBetween(start: string, end: string): string[] {
  const toIndex = (c: string) => Number(c.slice(0, 4)) * 4 + Number(c.slice(6)) - 1;
  const codes: string[] = [];
  for (let i = toIndex(start); i <= toIndex(end) && codes.length < 200; i++) {
    codes.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  }
  return codes;
}

/** The structured reading of a tijdpad, or null when Regie could not read it. */
export function formatTimeframe(tf: TTimeframe): string | null {
  switch (tf.kind) {
    case 'range': {
      const from = quarter(tf.start);
      const to = quarter(tf.end);
      return from === to ? from : timeframe.range(from, to);
    }
    case 'continuous':
      return tf.start ? timeframe.continuousFrom(quarter(tf.start)) : timeframe.continuous;
    case 'annual':
      return tf.steps.length
        ? `${timeframe.annual}: ${tf.steps.map((s) => `${s.quarters.map((q) => `Q${q}`).join('+')} ${s.label}`).join('; ')}`
        : timeframe.annual;
    case 'unparsed':
      return null;
  }
}

/** The structured reading of a frequency, or null when Regie could not read it. */
export function formatFrequency(f: TFrequency): string | null {
  switch (f.kind) {
    case 'recurring': {
      const count = f.countMax ? `${f.count}–${f.countMax}` : String(f.count);
      return frequency.recurring(count, frequency.unit[f.per.unit](f.per.amount), !!f.isMinimum);
    }
    case 'once':
      return frequency.once;
    case 'on_request':
      return frequency.onRequest;
    case 'continuous':
      return frequency.continuous;
    case 'unparsed':
      return null;
  }
}

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** A number the Dutch way: 7,5 and 1.234. */
export function formatNumber(n: number | null | undefined): string {
  return n == null ? app.empty : numberFormat.format(n);
}

/** An ISO date as "12 juni 2023". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return app.empty;
  const d = new Date(`${iso}T12:00:00`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A budget year key: "2023" or "per jaar". */
export function formatYear(year: number | null): string {
  return year === null ? plansText.budget.perYear : String(year);
}

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short' });

/** A moment as "12 juni 2024 om 14:03" – the same date format as `formatDate`, no seconds (review D13) – in the browser's time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
}
