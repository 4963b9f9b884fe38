import type { TBudgetAmount } from './schemas.ts';

/** The parts of a budget line that the sums need. */
export interface BudgetLineLike {
  id?: string;
  parentId?: string | null;
  title: string;
  section?: string | null;
  nature?: 'structural' | 'incidental' | null;
  isPm: boolean;
  amounts: TBudgetAmount[];
}

/** A year's key in a total: the year, or 'per_jaar' for amounts that hold every year of the plan. */
export type YearKey = number | 'per_jaar';

export interface BudgetTotals {
  /** Sum of the top-level, non-PM lines per year key, in cents. */
  totalsByYear: Map<YearKey, number>;
  /** Lines whose amount is not yet known. */
  pmCount: number;
  /** Available budget minus the total, per year key; only where an available budget is known. */
  remainderByYear: Map<YearKey, number>;
}

const keyOf = (year: number | null): YearKey => (year === null ? 'per_jaar' : year);

/** Adds the amounts of lines per year key, as written. PM lines add nothing: their amount is not known. */
export function sumAmounts(lines: BudgetLineLike[]): Map<YearKey, number> {
  const totals = new Map<YearKey, number>();
  for (const line of lines) {
    if (line.isPm) continue;
    for (const a of line.amounts) totals.set(keyOf(a.year), (totals.get(keyOf(a.year)) ?? 0) + a.amountCents);
  }
  return totals;
}

/**
 * Totals per year key: an amount "per jaar" holds in every year, so each named year's total includes the per-year
 * amounts ("Projecten € 35.650 per jaar" and a subsidy of 2023 make 2023's total).
 */
export function sumByYear(lines: BudgetLineLike[]): Map<YearKey, number> {
  const written = sumAmounts(lines);
  const perYear = written.get('per_jaar') ?? 0;
  return new Map([...written].map(([year, cents]) => [year, year === 'per_jaar' ? cents : cents + perYear]));
}

/** Totals and remainder of a plan's budget: computed from the lines, never typed in. */
export function computeBudgetTotals(lines: BudgetLineLike[], availableCents: number | null): BudgetTotals {
  const top = lines.filter((l) => !l.parentId);
  const totalsByYear = sumByYear(top);
  const remainderByYear = new Map<YearKey, number>();
  if (availableCents !== null) {
    for (const [year, total] of totalsByYear) remainderByYear.set(year, availableCents - total);
  }
  return { totalsByYear, pmCount: top.filter((l) => l.isPm).length, remainderByYear };
}

/**
 * The total of a selection of lines (one table of the document, one nature), as a document prints it: a sub-line
 * counts only when its main line is not selected too.
 */
export function totalOfSelection(lines: BudgetLineLike[], isSelected: (l: BudgetLineLike) => boolean): Map<YearKey, number> {
  const chosen = lines.filter(isSelected);
  const ids = new Set(chosen.map((l) => l.id));
  return sumByYear(chosen.filter((l) => !l.parentId || !ids.has(l.parentId)));
}

/** A line whose sub-specification does not add up to it, per year key. */
export interface SubLineMismatch {
  lineId?: string;
  title: string;
  year: YearKey;
  lineCents: number;
  subLinesCents: number;
}

/**
 * Finds lines whose sub-lines do not add up to the line ("Globale specificatie" must equal its post), in the years the
 * specification covers: a specification of 2019 says nothing about 2020.
 */
export function findSubLineMismatches(lines: BudgetLineLike[]): SubLineMismatch[] {
  const mismatches: SubLineMismatch[] = [];
  for (const line of lines.filter((l) => !l.parentId && !l.isPm)) {
    const subs = lines.filter((l) => l.parentId && l.parentId === line.id);
    if (!subs.length) continue;
    const own = sumByYear([line]);
    const sub = sumByYear(subs);
    for (const year of sub.keys()) {
      const lineCents = own.get(year) ?? 0;
      const subLinesCents = sub.get(year) ?? 0;
      if (lineCents !== subLinesCents) mismatches.push({ lineId: line.id, title: line.title, year, lineCents, subLinesCents });
    }
  }
  return mismatches;
}

/** Formats cents as Dutch euros: 3565000 → "€ 35.650,00". */
export function formatEuro(cents: number): string {
  return new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
