import { z } from 'zod';

/** A calendar quarter, the unit in which programmes plan their work. */
export const ZQuarter = z.object({
  year: z.number().int().min(1990).max(2100),
  quarter: z.number().int().min(1).max(4),
});
export type TQuarter = z.infer<typeof ZQuarter>;

/** The structured form of a tijdpad. `unparsed` keeps the text and flags it for a person to look at. */
export const ZTimeframe = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('range'), start: ZQuarter, end: ZQuarter }),
  z.object({ kind: z.literal('continuous'), start: ZQuarter.optional() }),
  z.object({
    kind: z.literal('annual'),
    steps: z.array(z.object({ quarters: z.array(z.number().int().min(1).max(4)), label: z.string() })),
  }),
  z.object({ kind: z.literal('unparsed') }),
]);
export type TTimeframe = z.infer<typeof ZTimeframe>;

/** "YYYY-Qn", the way plan periods are written in the API. */
export const ZQuarterCode = z.string().regex(/^(19|20)\d{2}-Q[1-4]$/, 'Gebruik de vorm JJJJ-Qn, bijvoorbeeld 2023-Q2');

export function quarterCode(q: TQuarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function parseQuarterCode(code: string): TQuarter {
  const [year, quarter] = code.split('-Q').map(Number);
  return { year, quarter };
}

/** Orders quarters: negative when a is earlier than b. */
export function compareQuarters(a: TQuarter, b: TQuarter): number {
  return a.year * 4 + a.quarter - (b.year * 4 + b.quarter);
}

const QUARTER = String.raw`Q\s*([1-4])`;
const YEAR = String.raw`((?:19|20)\d{2})`;

/**
 * Parses a tijdpad as written in the programmes ("Q1-Q2 2023", "Q4 2023/Q1 2024", "2024 e.v.", "Doorlopend",
 * "Jaarlijks Q1: evaluatie; …"). `defaultYear` fills in a quarter written without a year ("Vanaf Q3").
 */
export function parseTimeframe(text: string, defaultYear?: number): TTimeframe {
  const t = text.replace(/\s+/g, ' ').trim();
  const lower = t.toLowerCase();
  if (!t) return { kind: 'unparsed' };

  if (/^jaarlijks\b/.test(lower)) {
    const steps = [...t.matchAll(/((?:Q\s*[1-4]\s*\+?\s*)+):\s*([^;]+)/gi)].map((m) => ({
      quarters: [...m[1].matchAll(/Q\s*([1-4])/gi)].map((q) => Number(q[1])),
      label: m[2].trim(),
    }));
    return { kind: 'annual', steps };
  }

  let m: RegExpMatchArray | null;
  // "2023/doorlopend", "Doorlopend", "Doorlopen" (sic), "Doorlopend; Q3 en Q4 implementatie …"
  if ((m = lower.match(new RegExp(`^(?:${YEAR}\\s*/\\s*)?doorlopend?(?:$|\\s*[;,.(])`)))) {
    return m[1] ? { kind: 'continuous', start: { year: Number(m[1]), quarter: 1 } } : { kind: 'continuous' };
  }
  // "Vanaf Q3 2023", "Vanaf Q3" (year from context), "Vanaf 2024"
  if ((m = t.match(new RegExp(`^vanaf ${QUARTER}(?:\\s*${YEAR})?$`, 'i')))) {
    const year = m[2] ? Number(m[2]) : defaultYear;
    if (year) return { kind: 'continuous', start: { year, quarter: Number(m[1]) } };
  }
  // "2024 e.v.", "Vanaf 2024"
  if ((m = t.match(new RegExp(`^(?:vanaf )?${YEAR}(?: e\\.?v\\.?)?$`, 'i'))) && /e\.?v|vanaf/i.test(t)) {
    return { kind: 'continuous', start: { year: Number(m[1]), quarter: 1 } };
  }
  // "Q2 2023"
  if ((m = t.match(new RegExp(`^${QUARTER}\\s*${YEAR}$`, 'i')))) {
    const q = { year: Number(m[2]), quarter: Number(m[1]) };
    return { kind: 'range', start: q, end: q };
  }
  // "Q1-Q2 2023", "Q3 Q4 2023", "Q3+Q4 2023", "Q2 en Q3 2023", "Q3 en Q4" (year from context)
  if ((m = t.match(new RegExp(`^${QUARTER}\\s*(?:[-–+/ ]|en)\\s*${QUARTER}(?:\\s*${YEAR})?$`, 'i'))) && (m[3] || defaultYear)) {
    const year = m[3] ? Number(m[3]) : defaultYear!;
    return { kind: 'range', start: { year, quarter: Number(m[1]) }, end: { year, quarter: Number(m[2]) } };
  }
  // "Q4 2023/Q1 2024", "Q42023 /Q12024", "Q4 2023 - Q1 2024"
  if ((m = t.match(new RegExp(`^${QUARTER}\\s*${YEAR}\\s*[-–/]\\s*${QUARTER}\\s*${YEAR}$`, 'i')))) {
    return {
      kind: 'range',
      start: { year: Number(m[2]), quarter: Number(m[1]) },
      end: { year: Number(m[4]), quarter: Number(m[3]) },
    };
  }
  // "Q4 2023-2024": from that quarter to the end of the last year
  if ((m = t.match(new RegExp(`^${QUARTER}\\s*${YEAR}\\s*[-–]\\s*${YEAR}$`, 'i')))) {
    return { kind: 'range', start: { year: Number(m[2]), quarter: Number(m[1]) }, end: { year: Number(m[3]), quarter: 4 } };
  }
  // "2023-2024", "2023 -2024", "2023 2024"
  if ((m = t.match(new RegExp(`^${YEAR}\\s*[-–/ ]\\s*${YEAR}$`)))) {
    return { kind: 'range', start: { year: Number(m[1]), quarter: 1 }, end: { year: Number(m[2]), quarter: 4 } };
  }
  // "2023"
  if ((m = t.match(new RegExp(`^${YEAR}$`)))) {
    const year = Number(m[1]);
    return { kind: 'range', start: { year, quarter: 1 }, end: { year, quarter: 4 } };
  }
  return { kind: 'unparsed' };
}

/** Whether a timeframe has planned work in the given quarter (an annual cycle runs every year). */
export function isActiveInQuarter(tf: TTimeframe, q: TQuarter): boolean {
  switch (tf.kind) {
    case 'range':
      return compareQuarters(tf.start, q) <= 0 && compareQuarters(q, tf.end) <= 0;
    case 'continuous':
      return !tf.start || compareQuarters(tf.start, q) <= 0;
    case 'annual':
      return tf.steps.length === 0 || tf.steps.some((s) => s.quarters.includes(q.quarter));
    case 'unparsed':
      return false;
  }
}
