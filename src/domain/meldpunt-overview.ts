import { z } from 'zod';
import { CCV_OUTCOMES, type Duty } from './meldpunt.ts';
import type { TRole } from './permissions.ts';

/*
 * The meldpunt in figures (issue 13, part 5): monthly counts of meldingen become indicator measurements with their own
 * source, and small counts are never published as a number. Pure: the server counts (meldpunt/counts.ts,
 * meldpunt/overview.ts), the public documents and the web app render with these rules.
 */

/** The source written on the measurements the meldpunt counts. */
export const MELDPUNT_SOURCE = 'Meldpunt (Regie)';

/** Counts below this are published as "minder dan 5" (1 to 4: few enough to point at a person). */
export const SMALL_COUNT_LIMIT = 5;

/** Whether a count is too small to publish: 1 to 4 (0 says nothing about anyone). */
export const isSmallCount = (n: number) => n > 0 && n < SMALL_COUNT_LIMIT;

/** Whether a measurement is a meldpunt count too small to publish. */
export const isSmallMeldpuntCount = (m: { source?: string | null; value: number }) => m.source === MELDPUNT_SOURCE && isSmallCount(m.value);

/**
 * A meldpunt-counted indicator has one measurement a month, and a target per year: its status sums the months of each
 * calendar year into one measurement of that year – final when all twelve months are final, else provisional (the
 * running year). Measurements of other sources are left as they are.
 */
export function rollUpMeldpuntMonths<T extends { periodLabel: string; periodStart: string; periodEnd: string; value: number; isProvisional: boolean; source?: string | null }>(
  measurements: readonly T[],
): T[] {
  const years = new Map<string, T[]>();
  const others: T[] = [];
  for (const m of measurements) {
    const year = m.periodStart.slice(0, 4);
    if (m.source !== MELDPUNT_SOURCE || m.periodEnd.slice(0, 4) !== year) others.push(m);
    else years.set(year, [...(years.get(year) ?? []), m]);
  }
  const sums = [...years].map(([year, months]) => ({
    ...months[0], periodLabel: year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`,
    value: months.reduce((sum, m) => sum + m.value, 0),
    isProvisional: months.length < 12 || months.some((m) => m.isProvisional),
  }));
  return [...others, ...sums];
}

const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** A month as "YYYY-MM". */
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Een maand als 2026-03' });

/** The measurement period of a month: its label ("2026 maart", as period texts read), first and last day. */
export function monthPeriod(month: string): { label: string; start: string; end: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { label: `${y} ${MONTH_NAMES[m - 1]}`, start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
}

/** A month's short name for a table or chart: "mrt 2026". */
export const monthName = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${MONTH_NAMES[m - 1].slice(0, 3)} ${y}`;
};

/** The months from `from` to `to`, both included ("YYYY-MM"). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

/** The month `n` months before (negative: after) a month. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Working days (Monday to Friday) after `from` up to and including `to`; 0 on the same day. */
export function workingDaysBetween(from: Date, to: Date): number {
  const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const days = Math.round((day(to) - day(from)) / 86_400_000);
  if (days <= 0) return 0;
  // Five in every whole week, then the days left over one by one.
  let n = Math.floor(days / 7) * 5;
  const start = new Date(day(from)).getUTCDay();
  for (let i = 1; i <= days % 7; i++) {
    const wd = (start + i) % 7;
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

// --- The overview ---------------------------------------------------------------------------------------------------

/** A count as shown: the number, or null with `isSmall` when it is suppressed ("minder dan 5"). */
export const ZShownCount = z.object({ count: z.number().int().nullable(), isSmall: z.boolean() });
export type TShownCount = z.infer<typeof ZShownCount>;

export const ZMeldpuntOverview = z.object({
  municipality: z.object({ id: z.string(), name: z.string() }),
  from: ZMonth,
  to: ZMonth,
  months: z.array(ZMonth),
  /** Whether small counts are suppressed for this reader (not a behandelaar of every category). */
  isSuppressed: z.boolean(),
  categories: z.array(z.object({
    key: z.string(),
    name: z.string(),
    responseDays: z.number().int(),
    /** Per month of `months`. */
    months: z.array(ZShownCount),
    total: ZShownCount,
    /** Response times: of the meldingen that left "nieuw", how many within the category's norm (working days). */
    handled: ZShownCount,
    withinNorm: ZShownCount,
    /** Share handled within the norm, in percent; null without handled meldingen or when suppressed. */
    withinNormPercent: z.number().nullable(),
    /** Still new and past the norm. */
    overdue: ZShownCount,
  })),
  /** The CCV triage's weging 3 outcomes. */
  triageOutcomes: z.array(z.object({ outcome: z.enum(CCV_OUTCOMES), count: ZShownCount })),
});
export type TMeldpuntOverview = z.infer<typeof ZMeldpuntOverview>;

/** A count shown to a reader: suppressed (null, isSmall) when it is small and the reader may not see it exactly. */
export const shownCount = (n: number, isExact: boolean): TShownCount =>
  (!isExact && isSmallCount(n) ? { count: null, isSmall: true } : { count: n, isSmall: isSmallCount(n) });

/** Who reads a municipality's overview: its adviseurs, beheerders and bestuurders, and its behandelaars. */
export function mayReadMeldpuntOverview(
  who: { roles: readonly { organisationId: string; role: TRole }[]; duties?: readonly Duty[] }, municipalityId: string,
): boolean {
  return who.roles.some((r) => r.organisationId === municipalityId && ['adviseur', 'beheerder', 'bestuurder'].includes(r.role))
    || (who.duties ?? []).some((d) => d.duty === 'behandelaar' && d.organisationId === municipalityId);
}
