import { describe, expect, it } from 'vitest';
import {
  computeBudgetUse, daysBetween, periodYears, plannedInYear, subsidyDeadlines, type SpentLike, type UseLineLike,
} from '../../src/domain/budget-use.ts';

const perYear = (id: string, cents: number, over: Partial<UseLineLike> = {}): UseLineLike => ({
  id, isPm: false, amounts: [{ year: null, amountCents: cents }], ...over,
});
const spend = (budgetLineId: string, year: number, amountCents: number): SpentLike => ({ budgetLineId, year, amountCents });
const YEARS = [2023, 2024];

describe('planned per year', () => {
  it('a plan period covers calendar years, also when it starts in Q2', () => {
    expect(periodYears('2023-Q2', '2024-Q4')).toEqual([2023, 2024]);
    expect(periodYears('2019-Q1', '2022-Q4')).toEqual([2019, 2020, 2021, 2022]);
  });

  it('an amount "per jaar" holds in each year of the period and not outside it; a named year adds to it', () => {
    const line = { id: 'a', isPm: false, amounts: [{ year: null, amountCents: 3_565_000 }, { year: 2024, amountCents: 100_000 }] };
    const period = new Set(YEARS);
    expect(plannedInYear(line, 2023, period)).toBe(3_565_000);
    expect(plannedInYear(line, 2024, period)).toBe(3_665_000);
    expect(plannedInYear(line, 2025, period)).toBe(0);
    expect(plannedInYear({ ...line, isPm: true, amounts: [] }, 2023, period)).toBeNull();
  });
});

describe('budget use', () => {
  it('computes planned, spent and remaining per line, per year and in total, and flags overspending', () => {
    const lines = [perYear('com', 500_000), perYear('toezicht', 150_000)];
    const use = computeBudgetUse(lines, [spend('com', 2023, 300_000), spend('com', 2023, 250_000), spend('toezicht', 2024, 10_000)], YEARS);
    const com = use.lines[0];
    expect(com).toMatchObject({ plannedCents: 1_000_000, spentCents: 550_000, remainingCents: 450_000, isOverBudget: false });
    // Over budget in 2023 (5.500 of 5.000), not over the whole period.
    expect(com.years).toEqual([
      { year: 2023, plannedCents: 500_000, spentCents: 550_000, remainingCents: -50_000, isOverBudget: true },
      { year: 2024, plannedCents: 500_000, spentCents: 0, remainingCents: 500_000, isOverBudget: false },
    ]);
    expect(use.byYear.map((y) => [y.year, y.plannedCents, y.spentCents, y.isOverBudget])).toEqual([
      [2023, 650_000, 550_000, false], [2024, 650_000, 10_000, false],
    ]);
    expect(use.total).toEqual({ plannedCents: 1_300_000, spentCents: 560_000, remainingCents: 740_000, isOverBudget: false });
  });

  it('spending on a sub-line counts for its main line once, and the main line plans its own amount', () => {
    const lines = [
      perYear('projecten', 3_565_000),
      perYear('jeugd', 1_265_000, { parentId: 'projecten' }),
      perYear('wijken', 500_000, { parentId: 'projecten' }),
    ];
    const use = computeBudgetUse(lines, [spend('jeugd', 2023, 1_300_000), spend('projecten', 2023, 100_000)], YEARS);
    const [main, jeugd, wijken] = use.lines;
    expect(main).toMatchObject({ plannedCents: 7_130_000, spentCents: 1_400_000 });
    expect(jeugd).toMatchObject({ plannedCents: 2_530_000, spentCents: 1_300_000 });
    expect(jeugd.years[0]).toMatchObject({ year: 2023, plannedCents: 1_265_000, spentCents: 1_300_000, isOverBudget: true });
    expect(wijken.spentCents).toBe(0);
    // The total counts the main line only: 2 × 35.650 planned, 14.000 spent.
    expect(use.total).toMatchObject({ plannedCents: 7_130_000, spentCents: 1_400_000, remainingCents: 5_730_000 });
  });

  it('a PM line has no planned or remaining amount, is never over budget, and stays out of the totals', () => {
    const lines = [perYear('boa', 6_400_000), { id: 'pm', isPm: true, amounts: [] }];
    const use = computeBudgetUse(lines, [spend('pm', 2023, 250_000), spend('boa', 2024, 7_000_000)], YEARS);
    expect(use.lines[1]).toMatchObject({ plannedCents: null, spentCents: 250_000, remainingCents: null, isOverBudget: false });
    expect(use.lines[1].years[0]).toMatchObject({ plannedCents: null, remainingCents: null, isOverBudget: false });
    expect(use.total).toMatchObject({ plannedCents: 12_800_000, spentCents: 7_000_000 });
    expect(use.pmSpentCents).toBe(250_000);
    expect(use.lines[0].years[1].isOverBudget).toBe(true);
  });

  it('reports years outside the period where there is an amount or spending, planning nothing "per jaar" there', () => {
    const use = computeBudgetUse([perYear('a', 100_000, { amounts: [{ year: null, amountCents: 100_000 }, { year: 2022, amountCents: 5 }] })], [spend('a', 2025, 1)], YEARS);
    expect(use.years).toEqual([2022, 2023, 2024, 2025]);
    expect(use.lines[0].years.map((y) => y.plannedCents)).toEqual([5, 100_000, 100_000, 0]);
    expect(use.lines[0].years[3].isOverBudget).toBe(true);
  });

  it('groups main lines by theme, lines without a theme last', () => {
    const lines = [
      perYear('x', 100, { themeId: null }),
      perYear('a', 1_000, { themeId: 'ondermijning' }),
      perYear('a1', 400, { parentId: 'a' }),
      perYear('b', 2_000, { themeId: 'jeugd' }),
      perYear('c', 3_000, { themeId: 'ondermijning' }),
    ];
    const use = computeBudgetUse(lines, [spend('a1', 2023, 500), spend('c', 2024, 7_000)], YEARS);
    expect(use.themes.map(({ years: _, ...t }) => t)).toEqual([
      { themeId: 'ondermijning', plannedCents: 8_000, spentCents: 7_500, remainingCents: 500, isOverBudget: false },
      { themeId: 'jeugd', plannedCents: 4_000, spentCents: 0, remainingCents: 4_000, isOverBudget: false },
      { themeId: null, plannedCents: 200, spentCents: 0, remainingCents: 200, isOverBudget: false },
    ]);
    // Per year: ondermijning overspent in 2024 (7.000 of 4.000), not over the period.
    expect(use.themes[0].years).toEqual([
      { year: 2023, plannedCents: 4_000, spentCents: 500, remainingCents: 3_500, isOverBudget: false },
      { year: 2024, plannedCents: 4_000, spentCents: 7_000, remainingCents: -3_000, isOverBudget: true },
    ]);
  });

  it('a refund lowers what was spent', () => {
    const use = computeBudgetUse([perYear('a', 1_000)], [spend('a', 2023, 1_500), spend('a', 2023, -600)], YEARS);
    expect(use.lines[0].years[0]).toMatchObject({ spentCents: 900, isOverBudget: false });
  });

  it('an empty budget: zero everywhere', () => {
    const use = computeBudgetUse([], [], YEARS);
    expect(use.total).toEqual({ plannedCents: 0, spentCents: 0, remainingCents: 0, isOverBudget: false });
    expect(use.byYear).toHaveLength(2);
    expect(use.themes).toEqual([]);
  });
});

describe('subsidy deadlines', () => {
  it('counts whole days across months and years', () => {
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it('ended, ending within 90 days (the end date included), running, or without an end date', () => {
    expect(subsidyDeadlines({ endDate: '2023-12-31' }, '2024-01-01')).toMatchObject({ endState: 'ended', daysToEnd: -1 });
    expect(subsidyDeadlines({ endDate: '2024-12-31' }, '2024-12-31')).toMatchObject({ endState: 'ending_soon', daysToEnd: 0 });
    expect(subsidyDeadlines({ endDate: '2024-12-31' }, '2024-10-02')).toMatchObject({ endState: 'ending_soon', daysToEnd: 90 });
    expect(subsidyDeadlines({ endDate: '2024-12-31' }, '2024-10-01')).toMatchObject({ endState: 'running', daysToEnd: 91 });
    expect(subsidyDeadlines({ endDate: null }, '2024-10-01')).toMatchObject({ endState: 'no_end_date', daysToEnd: null });
  });

  it('flags an accountability date within 90 days, not one that has passed', () => {
    expect(subsidyDeadlines({ accountabilityDate: '2025-03-01' }, '2025-01-15').isAccountabilityDue).toBe(true);
    expect(subsidyDeadlines({ accountabilityDate: '2025-03-01' }, '2025-03-02').isAccountabilityDue).toBe(false);
    expect(subsidyDeadlines({ accountabilityDate: '2025-07-01' }, '2025-01-15').isAccountabilityDue).toBe(false);
  });
});

describe('today', () => {
  it('is the Dutch date, whatever the server’s time zone', async () => {
    const { todayInNetherlands } = await import('../../src/server/core/clock.ts');
    expect(todayInNetherlands(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(todayInNetherlands(new Date('2024-06-30T21:59:00Z'))).toBe('2024-06-30');
    expect(todayInNetherlands(new Date('2024-06-30T22:00:00Z'))).toBe('2024-07-01');
  });
});
