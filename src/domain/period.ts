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

/** Reads a period; null when it is not one Regie knows. A trailing `*` or "(voorlopig)" marks a provisional figure. */
export function parsePeriod(text: string): ParsedPeriod | null {
  let t = text.replace(/\s+/g, ' ').trim();
  const isProvisional = /\*$|\(?voorlopig\)?$/i.test(t);
  t = t.replace(/\s*(\*|\(?voorlopig\)?)$/i, '').trim().toLowerCase();
  let m = /^(\d{4})(?:jj00)?$/.exec(t);
  if (m && validYear(Number(m[1]))) return months(Number(m[1]), 1, 12, m[1], isProvisional);

  m = /^(\d{4})(?:kw0?|-?q|\s+q)([1-4])$/.exec(t) ?? /^(\d{4}) ([1-4])e kwartaal$/.exec(t);
  if (m && validYear(Number(m[1]))) {
    const q = Number(m[2]);
    return months(Number(m[1]), q * 3 - 2, q * 3, `Q${q} ${m[1]}`, isProvisional);
  }
  m = /^(\d{4})(?:mm|-)(\d{2})$/.exec(t);
  const named = /^(\d{4}) ([a-z]+)$/.exec(t);
  const month = m ? Number(m[2]) : named ? MONTHS.indexOf(named[2]) + 1 : 0;
  const year = Number((m ?? named)?.[1]);
  if (month >= 1 && month <= 12 && validYear(year)) {
    return months(year, month, month, `${MONTHS[month - 1]} ${year}`, isProvisional);
  }
  return null;
}

/** The year a measurement counts for: the year its period ends in. */
export function periodYear(periodEnd: string): number {
  return Number(periodEnd.slice(0, 4));
}
