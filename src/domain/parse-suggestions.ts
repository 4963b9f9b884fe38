import { parseFrequency } from './frequency.ts';
import { parseTimeframe } from './timeframe.ts';

/*
 * What the user probably meant, when a tijdpad or frequency cannot be read ("Q5 2023" → "Q1–Q4 2023"), for the hint
 * under the field (review D12). Every suggestion is a text the parser reads; null when there is no good guess.
 */

const YEARS = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;

/** The first candidate the timeframe parser reads. */
const firstTimeframe = (candidates: string[], defaultYear?: number) =>
  candidates.find((c) => parseTimeframe(c, defaultYear).kind !== 'unparsed') ?? null;

/** A tijdpad the parser reads, close to an unreadable one; null when the text is readable, empty or beyond a guess. */
export function suggestTimeframe(text: string, defaultYear?: number): string | null {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || parseTimeframe(t, defaultYear).kind !== 'unparsed') return null;
  const candidates: string[] = [];
  // "3e kwartaal 2024", "kwartaal 3 2024", "q3-2024", "Q3'24"
  const normalised = t
    .replace(/\b([1-4])e kwartaal\b/gi, 'Q$1')
    .replace(/\bkwartaal ([1-4])\b/gi, 'Q$1')
    .replace(/\bq\s*([1-4])\s*[-']\s*(\d{2,4})\b/gi, (_, q: string, y: string) => `Q${q} ${y.length === 2 ? `20${y}` : y}`)
    .replace(/\bq([1-4])\b/g, 'Q$1')
    .replace(/\s*t\/m\s*/gi, ' - ');
  if (normalised !== t) candidates.push(normalised);
  const years = [...t.matchAll(YEARS)].map((m) => Number(m[1]));
  if (years.length) {
    const [first, last] = [Math.min(...years), Math.max(...years)];
    if (/\b(eind|najaar|laatste kwartaal)\b/i.test(t)) candidates.push(`Q4 ${last}`);
    if (/\b(begin|start|eerste kwartaal)\b/i.test(t)) candidates.push(`Q1 ${first}`);
    if (/\b(voorjaar)\b/i.test(t)) candidates.push(`Q1-Q2 ${first}`);
    if (/\b(medio|zomer|midden)\b/i.test(t)) candidates.push(`Q2-Q3 ${first}`);
    // "Q5 2023", "in de loop van 2023": the whole year (or years).
    candidates.push(first === last ? `Q1–Q4 ${first}` : `Q1 ${first} - Q4 ${last}`);
  } else if (/\bdoorl/i.test(t)) {
    candidates.push('Doorlopend');
  }
  return firstTimeframe(candidates, defaultYear);
}

const UNIT_WORDS = String.raw`(week|weken|maand|maanden|kwartaal|jaar|jaren)`;

/** A frequency the parser reads, close to an unreadable one; null when the text is readable, empty or beyond a guess. */
export function suggestFrequency(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!t || parseFrequency(t).kind !== 'unparsed') return null;
  const candidates: string[] = [];
  let m: RegExpMatchArray | null;
  // "3x/jaar", "3 x p/j", "2 keer in het jaar", "4 maal jaarlijks"
  if ((m = t.match(new RegExp(String.raw`(\d{1,3})\s*(?:x|maal|keer)?\s*(?:/|p/|per|in het|in de|elk|ieder|elke)\s*${UNIT_WORDS}\b`)))) {
    candidates.push(`${m[1]} maal per ${m[2]}`);
  }
  if ((m = t.match(/(\d{1,3})\s*(?:x|maal|keer)\s*p\/?j\b/))) candidates.push(`${m[1]} maal per jaar`);
  if ((m = t.match(/(\d{1,3})\s*(?:x|maal|keer)\s*(?:jaarlijks|per jaar)/))) candidates.push(`${m[1]} maal per jaar`);
  // "per maand", "p/m"
  if ((m = t.match(new RegExp(`^(?:per|p/)\\s*${UNIT_WORDS}\\b`)))) candidates.push(`1 maal per ${m[1]}`);
  if (/jaaragenda|jaarplanning|jaarcyclus|jaarlijkse/.test(t)) candidates.push('Jaarlijks');
  if (/wekelijk|weekelijks/.test(t)) candidates.push('Wekelijks');
  if (/maandelijk/.test(t)) candidates.push('Maandelijks');
  if (/op aanvraag|indien nodig|zo nodig|wanneer nodig|ad hoc/.test(t)) candidates.push('Op afroep');
  if (/^(één|een)(keer|malig)|^1\s*(x|keer|maal)$/.test(t)) candidates.push('Eenmalig');
  return candidates.find((c) => parseFrequency(c).kind !== 'unparsed') ?? null;
}
