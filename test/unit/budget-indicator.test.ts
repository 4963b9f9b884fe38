import { describe, expect, it } from 'vitest';
import { computeBudgetTotals, findSubLineMismatches, formatEuro, type BudgetLineLike } from '../../src/domain/budget.ts';
import { checkTarget, resolveTargetValue } from '../../src/domain/indicator.ts';

const line = (title: string, cents: number | null, over: Partial<BudgetLineLike> = {}): BudgetLineLike => ({
  title, isPm: cents === null, amounts: cents === null ? [] : [{ year: null, amountCents: cents }], ...over,
});

describe('budget sums', () => {
  it('adds top-level lines per year, leaves PM out, and computes the remainder', () => {
    const lines = [
      line('Projecten', 3_565_000, { id: 'a' }),
      line('Jeugd & veiligheid', 1_265_000, { parentId: 'a' }),
      line('Overlast openbare ruimte', null),
      line('Monitor', 0, { amounts: [{ year: 2024, amountCents: 450_000 }] }),
    ];
    const t = computeBudgetTotals(lines, 4_000_000);
    expect(t.totalsByYear.get('per_jaar')).toBe(3_565_000);
    // An amount per year holds in 2024 too.
    expect(t.totalsByYear.get(2024)).toBe(3_565_000 + 450_000);
    expect(t.pmCount).toBe(1);
    expect(t.remainderByYear.get('per_jaar')).toBe(435_000);
    expect(t.remainderByYear.get(2024)).toBe(-15_000);
  });

  it('finds a sub-specification that does not add up to its line', () => {
    const lines = [
      line('Aanpak Ondermijning', 10_000_000, { id: 'a' }),
      line('VTH', 1_750_000, { parentId: 'a' }),
      line('OOV', 2_500_000, { parentId: 'a' }),
    ];
    expect(findSubLineMismatches(lines)).toEqual([
      { lineId: 'a', title: 'Aanpak Ondermijning', year: 'per_jaar', lineCents: 10_000_000, subLinesCents: 4_250_000 },
    ]);
    lines.push(line('Rest', 5_750_000, { parentId: 'a' }));
    expect(findSubLineMismatches(lines)).toEqual([]);
  });

  it('checks a specification of one year against that year only', () => {
    const product = line('Lokaal veiligheidsbeleid', 0, { id: 'p', amounts: [{ year: 2019, amountCents: 20_408_700 }, { year: 2020, amountCents: 19_984_300 }] });
    const project = line('Aanpak ondermijning', 0, { parentId: 'p', amounts: [{ year: 2019, amountCents: 20_408_700 }] });
    expect(findSubLineMismatches([product, project])).toEqual([]);
    project.amounts = [{ year: 2019, amountCents: 1 }];
    expect(findSubLineMismatches([product, project])).toHaveLength(1);
  });

  it('formats cents as Dutch euros', () => {
    expect(formatEuro(20_150_000).replace(/\s/g, ' ')).toBe('€ 201.500,00');
  });
});

describe('indicator targets', () => {
  const base = { direction: 'lower_is_better' as const, targetValue: null, targetChangePercent: null };
  it('resolves each target kind', () => {
    expect(resolveTargetValue({ ...base, baselineValue: 79, targetKind: 'relative', targetChangePercent: -25 })).toBeCloseTo(59.25);
    expect(resolveTargetValue({ ...base, baselineValue: 7.3, targetKind: 'absolute', targetValue: 7.5 })).toBe(7.5);
    expect(resolveTargetValue({ ...base, baselineValue: 1.2, targetKind: 'maximum', targetValue: 1.2 })).toBe(1.2);
    expect(resolveTargetValue({ ...base, baselineValue: 50, targetKind: 'minimum', targetValue: 100 })).toBe(100);
    expect(resolveTargetValue({ ...base, baselineValue: 50, targetKind: null })).toBeNull();
  });

  it('flags Laren’s "20 → 60 (-25%)": the stated value contradicts the percentage and the direction', () => {
    const problems = checkTarget({ ...base, baselineValue: 20, targetKind: 'relative', targetChangePercent: -25, targetValue: 60 });
    expect(problems).toEqual([{ code: 'relative_mismatch', expected: 15 }, { code: 'direction_mismatch' }]);
  });

  it('accepts a rounded relative target ("79 → 60 (-25%)", "65 → 59 (-10%)")', () => {
    expect(checkTarget({ ...base, baselineValue: 79, targetKind: 'relative', targetChangePercent: -25, targetValue: 60 })).toEqual([]);
    expect(checkTarget({ ...base, baselineValue: 65, targetKind: 'relative', targetChangePercent: -10, targetValue: 59 })).toEqual([]);
  });

  it('flags an absolute target on the wrong side of the baseline, not a cap or a floor', () => {
    expect(checkTarget({ ...base, direction: 'higher_is_better', baselineValue: 83, targetKind: 'absolute', targetValue: 80 })).toEqual([{ code: 'direction_mismatch' }]);
    expect(checkTarget({ ...base, direction: 'higher_is_better', baselineValue: 83, targetKind: 'absolute', targetValue: 85 })).toEqual([]);
    expect(checkTarget({ ...base, baselineValue: 2.9, targetKind: 'maximum', targetValue: 2.9 })).toEqual([]);
  });
});
