/*
 * Periods of measurements as open-data files write them: StatLine's "2023", "2023*" (provisional), "2023 1e kwartaal",
 * "2023 januari", the CBS codes "2023JJ00", "2023KW01", "2023MM01", and the ISO-like "2023-Q1", "2023-03".
 */

/** A measurement period: its label, first and last day, and whether the source calls the figure provisional. */
export interface ParsedPeriod {
  label: string;
  periodStart: string;
  periodEnd: string;
  isProvisional: boolean;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const validYear = (y: number) => y >= 1900 && y <= 2100;

function months(year: number, first: number, last: number, label: string, isProvisional: boolean): ParsedPeriod {
  return {
    label,
    periodStart: `${year}-${pad(first)}-01`,
    periodEnd: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
    isProvisional,
  };
}

const monthNumber = (name: string) =>
  MONTHS.findIndex((full) => full === name || (name.length === 3 && full.startsWith(name))) + 1;

/** Year and quarter or month of a period text, in the forms the sources and people write. */
function readParts(t: string): { year: number; quarter?: number; month?: number } | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:jj00)?$/.exec(t))) return { year: Number(m[1]) };
  if ((m = /^(\d{4})(?:kw0?|-?q| q)([1-4])$/.exec(t) ?? /^(\d{4}) ([1-4])e kwartaal$/.exec(t))) return { year: Number(m[1]), quarter: Number(m[2]) };
  if ((m = /^q([1-4]) (\d{4})$/.exec(t))) return { year: Number(m[2]), quarter: Number(m[1]) };
  if ((m = /^(\d{4})(?:mm|-)(\d{2})$/.exec(t))) return { year: Number(m[1]), month: Number(m[2]) };
  if ((m = /^(\d{4}) ([a-z]+)$/.exec(t))) return { year: Number(m[1]), month: monthNumber(m[2]) };
  if ((m = /^([a-z]+)\.? (\d{4})$/.exec(t))) return { year: Number(m[2]), month: monthNumber(m[1]) };
  return null;
}

/**
 * Reads a period ("2023", "2023*", "2023KW01", "Q1 2023", "2023 januari", "jan 2023"); null when it is not one Regie
 * knows. A trailing `*` or "(voorlopig)" marks a provisional figure.
 */
export function parsePeriod(text: string): ParsedPeriod | null {
  const raw = text.replace(/\s+/g, ' ').trim();
  const isProvisional = /(\*|\(?voorlopig\)?)$/i.test(raw);
  const parts = readParts(raw.replace(/\s*(\*|\(?voorlopig\)?)$/i, '').trim().toLowerCase());
  if (!parts || !validYear(parts.year)) return null;
  const { year, quarter, month } = parts;
  if (quarter) return months(year, quarter * 3 - 2, quarter * 3, `Q${quarter} ${year}`, isProvisional);
  if (month !== undefined) {
    return month >= 1 && month <= 12 ? months(year, month, month, `${MONTHS[month - 1]} ${year}`, isProvisional) : null;
  }
  return months(year, 1, 12, String(year), isProvisional);
}

/** The year a measurement counts for: the year its period ends in. */
export function periodYear(periodEnd: string): number {
  return Number(periodEnd.slice(0, 4));
}
