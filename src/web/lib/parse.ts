/*
 * Turning what people type into numbers, the Dutch way ("7,5", "35.650,00"). Each returns undefined for an empty
 * field and NaN for text that is not a number, so the form can say which.
 */

function normalise(text: string): string {
  return text.replace(/\s|\u00a0/g, '').replace(/^€/, '').replace(/,-$/, '');
}

/** "7,5" or "7.5" → 7.5; "1.234,5" → 1234.5. */
export function parseDecimal(text: string): number | undefined {
  const t = normalise(text);
  if (!t) return undefined;
  const plain = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : NaN;
}

/** A whole number such as a year. */
export function parseInteger(text: string): number | undefined {
  const t = normalise(text);
  if (!t) return undefined;
  return /^-?\d+$/.test(t) ? Number(t) : NaN;
}

/** Euros as typed ("35.650,00", "€ 35.650,-", "35650", "1.250") → integer cents, without floating-point error. */
export function parseEuroToCents(text: string): number | undefined {
  let t = normalise(text);
  if (!t) return undefined;
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1);
  if (t.split(',').length > 2) return NaN;
  let whole: string;
  let fraction: string;
  if (t.includes(',')) {
    [whole, fraction] = t.split(',') as [string, string];
    whole = whole.replace(/\.(?=\d{3}(\.|$))/g, ''); // thousands separators
  } else if (/^\d{1,3}(\.\d{3})+$/.test(t)) {
    whole = t.replace(/\./g, ''); // "35.650": thousands separators
    fraction = '';
  } else {
    const parts = t.split('.');
    if (parts.length > 2) return NaN;
    whole = parts[0];
    fraction = parts[1] ?? '';
  }
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) return NaN;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0') || '0');
  return negative ? -cents : cents;
}

/** Cents as the text of an amount field: 3565000 → "35.650,00". */
export function centsToEuroText(cents: number): string {
  return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
}

/** A number as the text of a number field: 7.5 → "7,5". */
export function numberToText(n: number | null | undefined): string {
  return n == null ? '' : String(n).replace('.', ',');
}
