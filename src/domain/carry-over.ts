import { z } from 'zod';
import { ZId, PLAN_STATUSES } from './schemas.ts';
import { parseQuarterCode, quarterCode, ZQuarterCode, type TQuarter } from './timeframe.ts';
import type { TBudgetAmount } from './schemas.ts';

/*
 * "Nieuw programma op basis van …": a programme's successor for the next period (ADR 0021). Pure rules: the default
 * period and title, and how a tijdpad and an amount move to the new period.
 */

/** POST /plans/{id}/successor: title and period of the new programme; each defaults (see `successorDefaults`). */
export const ZCarryOverInput = z.object({
  title: z.string().trim().min(1, { message: 'Vul de titel van het nieuwe programma in' }).max(300, { message: 'Maximaal 300 tekens' }).optional(),
  periodStart: ZQuarterCode.optional(),
  periodEnd: ZQuarterCode.optional(),
}).refine((i) => !i.periodStart || !i.periodEnd || i.periodEnd >= i.periodStart, {
  path: ['periodEnd'], message: 'Het einde ligt voor het begin',
});
export type TCarryOverInput = z.infer<typeof ZCarryOverInput>;

/** What was left out of the new programme, and why (the reason's text is in src/text). */
export const LEFT_OUT_KINDS = [
  'closedActivities', 'measurements', 'pastAmounts', 'progress', 'sections', 'decisions', 'availableBudget',
] as const;
export type TLeftOutKind = (typeof LEFT_OUT_KINDS)[number];

export const ZCarryOverResult = z.object({
  plan: z.object({ id: ZId, title: z.string(), periodStart: z.string(), periodEnd: z.string(), status: z.enum(PLAN_STATUSES) }),
  source: z.object({ id: ZId, title: z.string() }),
  /** How many of each were copied. */
  copied: z.object({
    themes: z.number().int(), goals: z.number().int(), activities: z.number().int(), indicators: z.number().int(),
    budgetLines: z.number().int(), regularTasks: z.number().int(),
  }),
  /** What was not copied: a count (null where there is nothing to count, such as the texts) and the reason. */
  leftOut: z.array(z.object({ kind: z.enum(LEFT_OUT_KINDS), count: z.number().int().nullable(), reason: z.string() })),
});
export type TCarryOverResult = z.infer<typeof ZCarryOverResult>;

const addQuarters = (q: TQuarter, n: number): TQuarter => {
  const i = q.year * 4 + q.quarter - 1 + n;
  return { year: Math.floor(i / 4), quarter: (i % 4) + 1 };
};

/** The new programme's period: by default the two years after the old one's end (from a given start: two years). */
export function successorPeriod(oldEnd: string, start?: string, end?: string): { periodStart: string; periodEnd: string } {
  const from = start ? parseQuarterCode(start) : addQuarters(parseQuarterCode(oldEnd), 1);
  return { periodStart: quarterCode(from), periodEnd: end ?? quarterCode(addQuarters(from, 7)) };
}

/** Moves every year written in a text ("Q2 2023", "2023-2024") by `years`. */
export function shiftYears(text: string, years: number): string {
  return years ? text.replace(/\b(19|20)\d{2}\b/g, (y) => String(Number(y) + years)) : text;
}

/** The default title: the old one with its years moved to the new period, or "(vervolg)" when it names none. */
export function successorTitle(title: string, years: number): string {
  const moved = shiftYears(title, years);
  return moved !== title ? moved : `${title} (vervolg)`;
}

/** The years between the starts of two periods. */
export function yearsBetween(oldStart: string, newStart: string): number {
  return parseQuarterCode(newStart).year - parseQuarterCode(oldStart).year;
}

/**
 * A budget line's amounts in the new period: an amount "per jaar" (year null) stays, an amount for a year before the
 * new period does not (it was the old programme's money), one for a year in it stays.
 */
export function carriedAmounts(amounts: TBudgetAmount[], newStartYear: number): { kept: TBudgetAmount[]; dropped: number } {
  const kept = amounts.filter((a) => a.year == null || a.year >= newStartYear);
  return { kept, dropped: amounts.length - kept.length };
}
