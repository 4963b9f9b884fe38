import { isOwnValue, type StatusMeasurementInput } from './indicator.ts';
import { isSmallMeldpuntCount } from './meldpunt-overview.ts';

/*
 * The measurements of an indicator as series for a chart and its table: the own area's values, and one series per
 * reference area. Changes in percent are no points on a line of values, so they stay out (the measurement list shows
 * them). Own values of different period lengths (half years beside years, as Laren's police figures) are separate
 * series: joining them in one line would draw a fall that is only a shorter period.
 */

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** A value with its unit, the Dutch way: "27,4%", "27,4 per 1.000 inwoners"; a count ("aantal") needs no unit. */
export function formatIndicatorValue(value: number, unit?: string | null): string {
  const n = numberFormat.format(value);
  if (!unit || unit === 'aantal') return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

export const GRANULARITIES = ['day', 'month', 'quarter', 'half_year', 'year', 'multi_year'] as const;
export type TGranularity = (typeof GRANULARITIES)[number];

const DAY = 86_400_000;
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The length class of a period, from its first and last day. */
export function granularityOf(periodStart: string, periodEnd: string): TGranularity {
  const days = Math.round((time(periodEnd) - time(periodStart)) / DAY) + 1;
  if (days <= 1) return 'day';
  if (days <= 31) return 'month';
  if (days <= 92) return 'quarter';
  if (days <= 184) return 'half_year';
  if (days <= 366) return 'year';
  return 'multi_year';
}

/** The middle of a period as a decimal year (2023 → 2023.5), the x of its point on a chart. */
export function periodMidpoint(periodStart: string, periodEnd: string): number {
  const middle = (time(periodStart) + time(periodEnd) + DAY) / 2;
  const year = new Date(middle).getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  return year + (middle - start) / (Date.UTC(year + 1, 0, 1) - start);
}

export interface SeriesPoint {
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  isProvisional: boolean;
  /** A meldpunt count of 1 to 4: public documents print "minder dan 5" and draw no point. */
  isSmallCount?: boolean;
}

export interface MeasurementSeries {
  /** "own", "own:half_year", or the reference area's code or name. */
  key: string;
  /** Null for the plan owner's own area. */
  area: { code: string | null; name: string } | null;
  /** Set when the own values come in more than one period length. */
  granularity: TGranularity | null;
  points: SeriesPoint[];
}

type SeriesInput = StatusMeasurementInput;

const point = (m: SeriesInput): SeriesPoint => ({
  periodLabel: m.periodLabel, periodStart: m.periodStart, periodEnd: m.periodEnd, value: m.value, isProvisional: m.isProvisional,
  ...(isSmallMeldpuntCount(m) ? { isSmallCount: true } : {}),
});
const chronological = (a: SeriesPoint, b: SeriesPoint) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd);

/**
 * The series of an indicator: own values first (one series, or one per period length), then each reference area in
 * the order of `areaOrder` (codes), then the others by name. `regionName` names an area known only by its code.
 */
export function measurementSeries(
  measurements: readonly SeriesInput[],
  regionName: (code: string) => string | undefined = () => undefined,
  areaOrder: readonly string[] = [],
): MeasurementSeries[] {
  const values = measurements.filter((m) => m.kind === 'value');
  const own = values.filter(isOwnValue);
  const lengths = [...new Set(own.map((m) => granularityOf(m.periodStart, m.periodEnd)))];
  // The longest period first: the year series is the main line.
  lengths.sort((a, b) => GRANULARITIES.indexOf(b) - GRANULARITIES.indexOf(a));
  const ownSeries = lengths.map((g) => ({
    key: lengths.length > 1 ? `own:${g}` : 'own',
    area: null,
    granularity: lengths.length > 1 ? g : null,
    points: own.filter((m) => granularityOf(m.periodStart, m.periodEnd) === g).map(point).sort(chronological),
  }));

  const areas = new Map<string, MeasurementSeries>();
  for (const m of values.filter((v) => !isOwnValue(v))) {
    const key = m.areaCode ?? m.area ?? ''; // Not an own value: it has an area code or an area name.
    const series = areas.get(key) ?? {
      key, area: { code: m.areaCode ?? null, name: m.area || regionName(key) || key }, granularity: null, points: [],
    };
    series.points.push(point(m));
    areas.set(key, series);
  }
  const rank = (s: MeasurementSeries) => {
    const n = areaOrder.indexOf(s.key);
    return n === -1 ? areaOrder.length : n;
  };
  const others = [...areas.values()].sort((a, b) => rank(a) - rank(b) || a.area!.name.localeCompare(b.area!.name, 'nl'));
  others.forEach((s) => s.points.sort(chronological));
  return [...ownSeries, ...others];
}

/** One row per period for the table beside a chart: the value of each series in that period, or null. */
export interface SeriesTableRow {
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  cells: (SeriesPoint | null)[];
}

/** The series as a table: periods in time order, one column per series. */
export function seriesTable(series: readonly MeasurementSeries[]): SeriesTableRow[] {
  const rows = new Map<string, SeriesTableRow>();
  series.forEach((s, column) => {
    for (const p of s.points) {
      const key = `${p.periodStart}|${p.periodEnd}`;
      const row = rows.get(key) ?? { periodLabel: p.periodLabel, periodStart: p.periodStart, periodEnd: p.periodEnd, cells: series.map(() => null) };
      row.cells[column] = p;
      rows.set(key, row);
    }
  });
  return [...rows.values()].sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd));
}
