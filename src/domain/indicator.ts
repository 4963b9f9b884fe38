import { isSmallMeldpuntCount, rollUpMeldpuntMonths } from './meldpunt-overview.ts';
import { z } from 'zod';
import { periodYear } from './period.ts';
import type { TIndicator } from './schemas.ts';

type IndicatorTarget = Pick<
  TIndicator,
  'direction' | 'baselineValue' | 'targetKind' | 'targetValue' | 'targetChangePercent'
>;

/** A finding about a target that does not fit its baseline, shown to the adviser instead of silently computed. */
export const ZTargetProblem = z.object({
  code: z.enum(['relative_mismatch', 'direction_mismatch']),
  /** The value the relative change leads to, where that is the point. */
  expected: z.number().optional(),
});
export type TargetProblem = z.infer<typeof ZTargetProblem>;

/**
 * The value an indicator should reach: the stated value, or for a relative target the baseline changed by the
 * percentage. Null when there is no target.
 */
export function resolveTargetValue(i: IndicatorTarget): number | null {
  if (!i.targetKind) return null;
  if (i.targetKind === 'relative') {
    if (i.baselineValue == null || i.targetChangePercent == null) return null;
    return i.baselineValue * (1 + i.targetChangePercent / 100);
  }
  return i.targetValue ?? null;
}

/** How far a stated result may lie from the computed one before it is a contradiction: documents round. */
const RELATIVE_TOLERANCE = 0.05;

/**
 * Checks a target against its baseline. Laren's "pogingen woninginbraken 20 → 60 (-25%)" says both -25% and 60:
 * 20 − 25% is 15, and 60 is higher than the baseline although fewer burglaries is the aim.
 */
export function checkTarget(i: IndicatorTarget): TargetProblem[] {
  const problems: TargetProblem[] = [];
  const base = i.baselineValue;
  if (i.targetKind === 'relative' && base != null && i.targetChangePercent != null && i.targetValue != null) {
    const expected = base * (1 + i.targetChangePercent / 100);
    const scale = Math.max(Math.abs(base), Math.abs(expected), 1);
    if (Math.abs(i.targetValue - expected) / scale > RELATIVE_TOLERANCE) {
      problems.push({ code: 'relative_mismatch', expected: Math.round(expected * 100) / 100 });
    }
  }
  const target = i.targetKind === 'relative' ? (i.targetValue ?? resolveTargetValue(i)) : resolveTargetValue(i);
  if (base != null && target != null && i.targetKind !== 'maximum' && i.targetKind !== 'minimum') {
    if (i.direction === 'lower_is_better' && target > base) problems.push({ code: 'direction_mismatch' });
    if (i.direction === 'higher_is_better' && target < base) problems.push({ code: 'direction_mismatch' });
  }
  return problems;
}

/*
 * Indicator status: where an indicator stands against its target, computed from its baseline, target kind, direction
 * and latest measurement. The rule and the values it used come back as data, so the web app can explain the status
 * in Dutch and the report can print it.
 */

export const INDICATOR_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data', 'no_target', 'contradictory'] as const;
export type TIndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/**
 * Which rule decided: the target contradicts the baseline; there is no target; no measurement (since the baseline
 * year); the target is met; the target year has come (or the target has no year) and it is not met; worse than the
 * baseline; at or ahead of the straight line from baseline to target; behind it; no line to compare with.
 */
export const STATUS_RULES = [
  'contradictory', 'no_target', 'no_measurement', 'no_measurement_since_baseline', 'target_met', 'target_not_met',
  'worse_than_baseline', 'on_path', 'behind_path', 'no_path',
] as const;

/** How a value meets the target: at most (lower is better, a cap), at least (higher is better, a floor), or exactly. */
export const TARGET_COMPARISONS = ['at_most', 'at_least', 'exactly'] as const;

export const ZStatusMeasurement = z.object({
  periodLabel: z.string(),
  periodEnd: z.string(),
  year: z.number().int(),
  value: z.number(),
  isProvisional: z.boolean(),
  /** A meldpunt count of 1 to 4: public documents print "minder dan 5" (domain/meldpunt-overview.ts). */
  isSmallCount: z.boolean().optional(),
});

export const ZIndicatorStatus = z.object({
  status: z.enum(INDICATOR_STATUSES),
  rule: z.enum(STATUS_RULES),
  /** The measurement the status rests on. */
  measurement: ZStatusMeasurement.nullable(),
  /** A provisional measurement newer than the final one used: not counted yet. */
  newerProvisional: ZStatusMeasurement.nullable(),
  /** The value compared with: the target value, or for a relative target the stated or computed result. */
  target: z.number().nullable(),
  targetYear: z.number().int().nullable(),
  comparison: z.enum(TARGET_COMPARISONS).nullable(),
  baselineValue: z.number().nullable(),
  baselineYear: z.number().int().nullable(),
  /** Where the straight line from baseline to target stands in the measurement's year. */
  expected: z.number().nullable(),
  problems: z.array(ZTargetProblem),
});
export type TIndicatorStatusResult = z.infer<typeof ZIndicatorStatus>;

/** What the status needs of a measurement. */
export interface StatusMeasurementInput {
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  kind: 'value' | 'change_percent';
  value: number;
  area?: string | null;
  areaCode?: string | null;
  isProvisional: boolean;
  /** Where the value comes from; "Meldpunt (Regie)" marks a meldpunt count. */
  source?: string | null;
}

export type StatusIndicator = IndicatorTarget & Pick<TIndicator, 'baselineYear' | 'targetYear'>;

/** A measurement of the plan owner's own area (not a reference area), as a value (not a change in percent). */
export const isOwnValue = (m: StatusMeasurementInput) => m.kind === 'value' && !m.area && !m.areaCode;

/** Latest first: the latest end, and of periods ending together the longest (a year before its last quarter). */
const byRecency = (a: StatusMeasurementInput, b: StatusMeasurementInput) =>
  b.periodEnd.localeCompare(a.periodEnd) || a.periodStart.localeCompare(b.periodStart);

const brief = (m: StatusMeasurementInput | undefined) =>
  m ? { periodLabel: m.periodLabel, periodEnd: m.periodEnd, year: periodYear(m.periodEnd), value: m.value, isProvisional: m.isProvisional,
    ...(isSmallMeldpuntCount(m) ? { isSmallCount: true } : {}) } : null;

/** The target value a status compares with; a relative target's stated result counts when it fits the percentage. */
function statusTarget(i: StatusIndicator): number | null {
  if (i.targetKind === 'relative') return i.targetValue ?? resolveTargetValue(i);
  return resolveTargetValue(i);
}

function comparisonOf(i: StatusIndicator, target: number): (typeof TARGET_COMPARISONS)[number] {
  if (i.targetKind === 'maximum') return 'at_most';
  if (i.targetKind === 'minimum') return 'at_least';
  if (i.direction === 'lower_is_better') return 'at_most';
  if (i.direction === 'higher_is_better') return 'at_least';
  // No direction given: the target's side of the baseline says which way is progress.
  if (i.baselineValue != null && target < i.baselineValue) return 'at_most';
  if (i.baselineValue != null && target > i.baselineValue) return 'at_least';
  return 'exactly';
}

/** Whether `a` is at least as good as `b`. */
function isAtLeastAsGood(a: number, b: number, comparison: (typeof TARGET_COMPARISONS)[number]): boolean {
  if (comparison === 'at_most') return a <= b;
  if (comparison === 'at_least') return a >= b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/**
 * The status of an indicator. It uses the latest final measurement of the plan owner's own area after the baseline
 * year; a provisional one only when there is no final one (and a newer provisional one is reported, not counted).
 * Figures of reference areas and changes in percent are not the indicator's own value. A target that contradicts its
 * baseline is flagged, not computed. A meldpunt count's months count as their year's sum (`rollUpMeldpuntMonths`). "Op koers" and "risico" compare with the straight line from the baseline (in the
 * baseline year) to the target (in the target year): at or ahead of it is on track, behind it a risk, worse than the
 * baseline off track. Once the target year has come, a target not met is off track.
 */
export function indicatorStatus(i: StatusIndicator, measurements: readonly StatusMeasurementInput[]): TIndicatorStatusResult {
  const problems = checkTarget(i);
  const target = problems.length ? null : statusTarget(i);
  const comparison = target == null ? null : comparisonOf(i, target);
  const result = {
    measurement: null, newerProvisional: null, target, targetYear: i.targetYear ?? null, comparison,
    baselineValue: i.baselineValue ?? null, baselineYear: i.baselineYear ?? null, expected: null, problems,
  };
  if (problems.length) return { ...result, status: 'contradictory', rule: 'contradictory' };

  const own = rollUpMeldpuntMonths(measurements).filter(isOwnValue).sort(byRecency);
  const since = own.filter((m) => i.baselineYear == null || periodYear(m.periodEnd) > i.baselineYear);
  const used = since.find((m) => !m.isProvisional) ?? since[0];
  const newer = used && !used.isProvisional ? since.find((m) => m.isProvisional && m.periodEnd > used.periodEnd) : undefined;
  const withData = { ...result, measurement: brief(used), newerProvisional: brief(newer) };
  if (target == null || comparison == null) return { ...withData, status: 'no_target', rule: 'no_target' };
  if (!used) {
    return { ...withData, status: 'no_data', rule: own.length ? 'no_measurement_since_baseline' : 'no_measurement' };
  }

  const value = used.value;
  const year = periodYear(used.periodEnd);
  if (isAtLeastAsGood(value, target, comparison)) return { ...withData, status: 'achieved', rule: 'target_met' };
  if (i.targetYear == null || year >= i.targetYear) return { ...withData, status: 'off_track', rule: 'target_not_met' };
  const base = i.baselineValue;
  if (comparison !== 'exactly' && base != null && !isAtLeastAsGood(value, base, comparison)) {
    return { ...withData, status: 'off_track', rule: 'worse_than_baseline' };
  }
  if (comparison === 'exactly' || base == null || i.baselineYear == null || i.targetYear <= i.baselineYear) {
    return { ...withData, status: 'at_risk', rule: 'no_path' };
  }
  const share = Math.min(1, Math.max(0, (year - i.baselineYear) / (i.targetYear - i.baselineYear)));
  const expected = Math.round((base + (target - base) * share) * 1e6) / 1e6;
  return isAtLeastAsGood(value, expected, comparison)
    ? { ...withData, expected, status: 'on_track', rule: 'on_path' }
    : { ...withData, expected, status: 'at_risk', rule: 'behind_path' };
}
