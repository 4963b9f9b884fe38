import { z } from 'zod';

/** The structured form of a frequentie/aantal. `unparsed` keeps the text and flags it. */
export const ZFrequency = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('recurring'),
    /** How many times per period; with `countMax` a range ("twee/driemaal"). */
    count: z.number().int().positive(),
    countMax: z.number().int().positive().optional(),
    isMinimum: z.boolean().optional(),
    per: z.object({ amount: z.number().int().positive(), unit: z.enum(['week', 'month', 'year']) }),
  }),
  z.object({ kind: z.literal('continuous') }),
  z.object({ kind: z.literal('on_request') }),
  z.object({ kind: z.literal('once') }),
  z.object({ kind: z.literal('unparsed') }),
]);
export type TFrequency = z.infer<typeof ZFrequency>;

const WORDS: Record<string, number> = {
  een: 1, één: 1, eens: 1, eenmaal: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8,
  negen: 9, tien: 10, elf: 11, twaalf: 12,
};
const NUM = String.raw`(\d{1,3}|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)`;
/** A match may start anywhere but inside a word: "Werkgroep vergadert eenmaal per drie weken". */
const START = String.raw`(?<![a-zà-ÿ0-9-])`;
const UNIT = String.raw`(weken|week|maanden|maand|jaren|jaar|kwartaal|kwartalen)`;

function toNumber(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : WORDS[word];
}

function toPer(amount: number, unit: string): { amount: number; unit: 'week' | 'month' | 'year' } {
  if (unit.startsWith('kwarta')) return { amount: amount * 3, unit: 'month' };
  if (unit.startsWith('maand')) return { amount, unit: 'month' };
  if (unit.startsWith('we')) return { amount, unit: 'week' };
  return { amount, unit: 'year' };
}

const ADVERBS: Record<string, { amount: number; unit: 'week' | 'month' | 'year' }> = {
  wekelijks: { amount: 1, unit: 'week' },
  maandelijks: { amount: 1, unit: 'month' },
  kwartaal: { amount: 3, unit: 'month' },
  driemaandelijks: { amount: 3, unit: 'month' },
  jaarlijks: { amount: 1, unit: 'year' },
  tweejaarlijks: { amount: 2, unit: 'year' },
};

/**
 * Parses a frequency as written in the programmes: "1 maal per 6 weken", "4 integrale controles per jaar",
 * "Tweemaal per jaar", "Eens per 4 weken", "Iedere 2 maanden", "op afroep", "Eenmalig", "Minimaal 2 maal per jaar".
 */
export function parseFrequency(text: string): TFrequency {
  // "0x per jaar", "iedere 0 weken": not a frequency a person can plan; kept as text and flagged.
  const parsed = readFrequency(text);
  return ZFrequency.safeParse(parsed).success ? parsed : { kind: 'unparsed' };
}

function readFrequency(text: string): TFrequency {
  const t = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!t) return { kind: 'unparsed' };
  if (/^(op )?afroep\b|^op verzoek\b/.test(t)) return { kind: 'on_request' };
  if (/^(eenmalig|éénmalig|eénmalig)/.test(t)) return { kind: 'once' };
  if (/^doorlopend\b/.test(t)) return { kind: 'continuous' };

  const isMinimum = /(^|\s)(minimaal|ten minste|tenminste)\s/.test(t) || undefined;
  const body = t.replace(/(^|\s)(minimaal|ten minste|tenminste)\s/, '$1');
  let m: RegExpMatchArray | null;

  // "5-wekelijks", "driewekelijks", "2-maandelijks", "wekelijks", "jaarlijks"
  if ((m = body.match(/(?<![a-zà-ÿ0-9])(?:(\d+|twee|drie|vier|vijf|zes)[- ]?)?(wekelijks|maandelijks|driemaandelijks|tweejaarlijks|jaarlijks)\b/))) {
    const base = ADVERBS[m[2]];
    // "jaarlijks op meerdere momenten" is several times a year, not once: leave it to a person.
    if (/meerdere|diverse|verschillende/.test(body)) return { kind: 'unparsed' };
    return { kind: 'recurring', count: 1, per: { ...base, amount: base.amount * (m[1] ? toNumber(m[1]) : 1) }, isMinimum };
  }
  // "per kwartaal"
  if (/^(eens |1x |1 maal )?per kwartaal\b/.test(body)) {
    return { kind: 'recurring', count: 1, per: { amount: 3, unit: 'month' }, isMinimum };
  }
  // "iedere 2 maanden", "elke drie weken", "eens per 4 weken", "1x per 2 weken", "1 maal per 6 weken"
  if ((m = body.match(new RegExp(`${START}(?:iedere|elke|elk|ieder|eens per|1x per|1 ?maal per|eenmaal per|een keer per) ${NUM} ${UNIT}\\b`)))) {
    return { kind: 'recurring', count: 1, per: toPer(toNumber(m[1]), m[2]), isMinimum };
  }
  // "iedere week", "eens per jaar", "1 maal per jaar"
  if ((m = body.match(new RegExp(`${START}(?:iedere|elke|elk|ieder|eens per|1x per|1 ?maal per|eenmaal per|een keer per) ${UNIT}\\b`)))) {
    return { kind: 'recurring', count: 1, per: toPer(1, m[1]), isMinimum };
  }
  // "tweemaal per jaar", "twee/driemaal per jaar", "2x per jaar", "4 maal per jaar", "3 verschillende activiteiten per jaar"
  const count = String.raw`${NUM}(?:\s*/\s*${NUM})?`;
  if ((m = body.match(new RegExp(`${START}${count}\\s*(?:maal|x|keer)?\\b(?:[^,;.]*?) per (?:${NUM} )?${UNIT}\\b`)))) {
    const n = toNumber(m[1]);
    const max = m[2] ? toNumber(m[2]) : undefined;
    return {
      kind: 'recurring',
      count: n,
      ...(max ? { countMax: max } : {}),
      per: toPer(m[3] ? toNumber(m[3]) : 1, m[4]),
      isMinimum,
    };
  }
  // "tweemaal per jaar" written together with maal
  if ((m = body.match(new RegExp(`${START}(een|twee|drie|vier|vijf|zes)(?:/(twee|drie|vier|vijf|zes))?maal per (?:${NUM} )?${UNIT}\\b`)))) {
    const max = m[2] ? toNumber(m[2]) : undefined;
    return {
      kind: 'recurring',
      count: toNumber(m[1]),
      ...(max ? { countMax: max } : {}),
      per: toPer(m[3] ? toNumber(m[3]) : 1, m[4]),
      isMinimum,
    };
  }
  // "ZVHGV op afroep": on request, unless a count was found above ("Iedere 6 weken …; op afroep …").
  if (/(^|\s)(op )?afroep\b|(^|\s)op verzoek\b/.test(t)) return { kind: 'on_request' };
  return { kind: 'unparsed' };
}

/** Planned occurrences in one calendar year (the lower bound of a range), or null when not countable. */
export function plannedPerYear(f: TFrequency): number | null {
  if (f.kind === 'once') return 1;
  if (f.kind !== 'recurring') return null;
  const perYear = { week: 52, month: 12, year: 1 }[f.per.unit] / f.per.amount;
  return Math.floor(f.count * perYear);
}
