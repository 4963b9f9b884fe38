import type { TIndicatorStatusResult } from '../domain/indicator.ts';
import { formatIndicatorValue, type MeasurementSeries } from '../domain/indicator-series.ts';
import { commonText } from './nl/common.ts';
import { indicatorsText } from './nl/indicators.ts';

/*
 * Indicator texts built from data: the status explained, a series named. Shared by the web app and the server, which
 * writes the same Dutch into its charts (and the report, into documents).
 */

const { chart, indicator, monitor: M } = indicatorsText;
const { app } = commonText;

/** The name of a series in a chart's legend and its table: the area, or the own municipality (per period length). */
export function seriesName(s: MeasurementSeries, ownName: string): string {
  if (s.area) return s.area.name;
  return s.granularity ? chart.ownWithLength(ownName, chart.granularity[s.granularity]) : ownName;
}

/** A value with its unit, or a dash. */
export function formatValue(value: number | null | undefined, unit?: string | null): string {
  return value == null ? app.empty : formatIndicatorValue(value, unit);
}

/**
 * The status explained in Dutch: which rule decided, with the values it used, and what it did with provisional
 * figures. One sentence per line.
 */
export function explainStatus(s: TIndicatorStatusResult, unit?: string | null): string[] {
  const m = s.measurement;
  const latest = m ? M.valueIn(formatValue(m.value, unit), m.periodLabel, m.isProvisional) : '';
  const target = s.target != null && s.comparison ? M.targetPhrase(M.comparison[s.comparison], formatValue(s.target, unit), s.targetYear) : '';
  const lines: string[] = [];
  switch (s.rule) {
    case 'contradictory':
      lines.push(M.rule.contradictory);
      break;
    case 'no_target':
      lines.push(M.rule.no_target);
      if (m) lines.push(M.latest(latest));
      break;
    case 'no_measurement':
      lines.push(M.rule.no_measurement);
      break;
    case 'no_measurement_since_baseline':
      lines.push(M.rule.no_measurement_since_baseline(s.baselineYear ?? 0));
      break;
    case 'target_met':
      lines.push(M.rule.target_met(latest, target));
      break;
    case 'target_not_met':
      lines.push(M.rule.target_not_met(latest, target, s.targetYear));
      break;
    case 'worse_than_baseline':
      lines.push(M.rule.worse_than_baseline(latest, M.baselinePhrase(formatValue(s.baselineValue, unit), s.baselineYear)));
      break;
    case 'on_path':
    case 'behind_path': {
      const expected = M.valueIn(formatValue(s.expected, unit), String(m?.year ?? ''), false);
      lines.push(M.rule[s.rule](latest, expected));
      lines.push(`${indicator.target}: ${target}; ${indicator.baseline.toLowerCase()}: ${M.baselinePhrase(formatValue(s.baselineValue, unit), s.baselineYear)}.`);
      break;
    }
    case 'no_path':
      lines.push(M.rule.no_path(latest, target));
      break;
  }
  if (m?.isProvisional && s.rule !== 'no_target') lines.push(M.provisionalUsed);
  const newer = s.newerProvisional;
  if (newer) lines.push(M.newerProvisional(M.valueIn(formatValue(newer.value, unit), newer.periodLabel, false)));
  return lines;
}
