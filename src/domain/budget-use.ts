import { parseQuarterCode } from './timeframe.ts';
import type { TBudgetAmount } from './schemas.ts';

/*
 * Budget use (realisation): what a plan planned, spent and has left, per budget line, per year, per theme and in
 * total, with over-budget flags; and the deadlines of subsidies. Pure functions over budget lines and spending, so the
 * budget page, the API and the dashboards compute the same figures. The rules:
 * - A line plans, in a year, the amount written for that year plus an amount "per jaar"; "per jaar" holds in each
 *   year of the plan period, not outside it.
 * - A PM line plans an unknown amount: its planned and remaining are null and it is never "over budget". Its spending
 *   counts on the line, but not in the plan's (or a theme's) totals, which compare known budgets with their spending;
 *   it is reported beside them (`pmSpentCents`).
 * - Spending on a sub-line also counts for its main line: the sub-lines specify the main line's budget, so the main
 *   line's planned amount is its own (never the sum of its sub-lines) and totals count main lines only – nothing twice.
 */

/** The parts of a budget line that budget use needs. */
export interface UseLineLike {
  id: string;
  parentId?: string | null;
  themeId?: string | null;
  isPm: boolean;
  amounts: TBudgetAmount[];
}

/** Spending on one line in one budget year (one entry, or the sum of several). */
export interface SpentLike {
  budgetLineId: string;
  year: number;
  amountCents: number;
}

/** Planned, spent and remaining; planned and remaining are null where the budget is not known (PM). */
export interface UseFigures {
  plannedCents: number | null;
  spentCents: number;
  remainingCents: number | null;
  isOverBudget: boolean;
}
export interface YearUse extends UseFigures {
  year: number;
}
export interface LineUse extends UseFigures {
  lineId: string;
  years: YearUse[];
}
export interface ThemeUse extends UseFigures {
  /** Null: the main lines that name no theme. */
  themeId: string | null;
  years: YearUse[];
}

export interface BudgetUse {
  /** The years reported: the plan period's, and any other year with an amount or spending. */
  years: number[];
  total: UseFigures;
  byYear: YearUse[];
  /** Main lines and sub-lines, in the order given. */
  lines: LineUse[];
  /** Main lines per theme, in order of first appearance; lines without a theme last. */
  themes: ThemeUse[];
  /** Spending on PM lines, which the totals leave out. */
  pmSpentCents: number;
}

/** Figures from planned and spent: remaining, and whether more was spent than planned. */
export function useFigures(plannedCents: number | null, spentCents: number): UseFigures {
  return {
    plannedCents,
    spentCents,
    remainingCents: plannedCents === null ? null : plannedCents - spentCents,
    isOverBudget: plannedCents !== null && spentCents > plannedCents,
  };
}

/** The calendar years of a plan period ("2023-Q2" … "2024-Q4" → 2023, 2024). */
export function periodYears(periodStart: string, periodEnd: string): number[] {
  const first = parseQuarterCode(periodStart).year;
  const last = parseQuarterCode(periodEnd).year;
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, n) => first + n);
}

/** What a line plans in a year; null for a PM line. */
export function plannedInYear(line: UseLineLike, year: number, inPeriod: ReadonlySet<number>): number | null {
  if (line.isPm) return null;
  const written = line.amounts.find((a) => a.year === year)?.amountCents ?? 0;
  const perYear = inPeriod.has(year) ? (line.amounts.find((a) => a.year === null)?.amountCents ?? 0) : 0;
  return written + perYear;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Budget use of one plan: its lines, the spending on them (per entry or summed per line and year), its period. */
export function computeBudgetUse(lines: UseLineLike[], spent: SpentLike[], planYears: number[]): BudgetUse {
  const inPeriod = new Set(planYears);
  const yearSet = new Set(planYears);
  lines.forEach((l) => l.amounts.forEach((a) => a.year !== null && yearSet.add(a.year)));
  spent.forEach((s) => yearSet.add(s.year));
  const years = [...yearSet].sort((a, b) => a - b);

  // Spending per line (a main line's includes its sub-lines') and year.
  const mainOf = new Map(lines.map((l) => [l.id, l.parentId ?? null]));
  const spentOn = new Map<string, Map<number, number>>();
  const add = (lineId: string, year: number, cents: number) => {
    const perYear = spentOn.get(lineId) ?? new Map<number, number>();
    perYear.set(year, (perYear.get(year) ?? 0) + cents);
    spentOn.set(lineId, perYear);
  };
  for (const s of spent) {
    add(s.budgetLineId, s.year, s.amountCents);
    const main = mainOf.get(s.budgetLineId);
    if (main) add(main, s.year, s.amountCents);
  }
  const spentIn = (lineId: string, year: number) => spentOn.get(lineId)?.get(year) ?? 0;

  const lineUse: LineUse[] = lines.map((line) => {
    const perYear = years.map((year) => ({ year, ...useFigures(plannedInYear(line, year, inPeriod), spentIn(line.id, year)) }));
    const planned = line.isPm ? null : sum(perYear.map((y) => y.plannedCents ?? 0));
    return { lineId: line.id, ...useFigures(planned, sum(perYear.map((y) => y.spentCents))), years: perYear };
  });

  // Totals: main lines with a known budget.
  const known = lines.map((line, n) => ({ line, use: lineUse[n] })).filter(({ line }) => !line.parentId && !line.isPm);
  const pmSpentCents = sum(lines.map((l, n) => (!l.parentId && l.isPm ? lineUse[n].spentCents : 0)));
  const combine = (list: typeof known) => ({
    ...useFigures(sum(list.map((k) => k.use.plannedCents ?? 0)), sum(list.map((k) => k.use.spentCents))),
    years: years.map((year, n) => ({
      year,
      ...useFigures(sum(list.map((k) => k.use.years[n].plannedCents ?? 0)), sum(list.map((k) => k.use.years[n].spentCents))),
    })),
  });

  const { years: byYear, ...total } = combine(known);
  const themeIds = [...new Set(known.map(({ line }) => line.themeId ?? null))].sort((a, b) => (a === null ? 1 : b === null ? -1 : 0));
  return {
    years,
    total,
    byYear,
    lines: lineUse,
    themes: themeIds.map((themeId) => ({ themeId, ...combine(known.filter(({ line }) => (line.themeId ?? null) === themeId)) })),
    pmSpentCents,
  };
}

// Subsidies ----------------------------------------------------------------------------------------------------------

/** How many days before its end date a subsidy is flagged, and before its accountability date. */
export const SUBSIDY_WARNING_DAYS = 90;

export const SUBSIDY_END_STATES = ['ended', 'ending_soon', 'running', 'no_end_date'] as const;
export type TSubsidyEndState = (typeof SUBSIDY_END_STATES)[number];

export interface SubsidyDeadlines {
  endState: TSubsidyEndState;
  /** Days from today to the end date (negative once ended); null without an end date. */
  daysToEnd: number | null;
  /** Whether the accountability date is today or within the warning period. */
  isAccountabilityDue: boolean;
  daysToAccountability: number | null;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/**
 * The deadlines of a subsidy on `today`: ended (the end date has passed), ending soon (within the warning period,
 * the end date itself included), running, or without an end date; and whether its accountability is due soon. A
 * passed accountability date is not flagged: Regie does not know whether the account was given.
 */
export function subsidyDeadlines(
  subsidy: { endDate?: string | null; accountabilityDate?: string | null },
  today: string,
  warningDays = SUBSIDY_WARNING_DAYS,
): SubsidyDeadlines {
  const daysToEnd = subsidy.endDate ? daysBetween(today, subsidy.endDate) : null;
  const daysToAccountability = subsidy.accountabilityDate ? daysBetween(today, subsidy.accountabilityDate) : null;
  const endState: TSubsidyEndState =
    daysToEnd === null ? 'no_end_date' : daysToEnd < 0 ? 'ended' : daysToEnd <= warningDays ? 'ending_soon' : 'running';
  return {
    endState,
    daysToEnd,
    isAccountabilityDue: daysToAccountability !== null && daysToAccountability >= 0 && daysToAccountability <= warningDays,
    daysToAccountability,
  };
}
