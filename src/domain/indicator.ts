import type { TIndicator } from './schemas.ts';

type IndicatorTarget = Pick<
  TIndicator,
  'direction' | 'baselineValue' | 'targetKind' | 'targetValue' | 'targetChangePercent'
>;

/** A finding about a target that does not fit its baseline, shown to the adviser instead of silently computed. */
export interface TargetProblem {
  code: 'relative_mismatch' | 'direction_mismatch';
  /** The value the relative change leads to, where that is the point. */
  expected?: number;
}

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
