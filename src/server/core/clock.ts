const DUTCH_DATE = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in the Netherlands (YYYY-MM-DD): deadlines and the current quarter follow Dutch days, whatever the
 * server's time zone. */
export function todayInNetherlands(now = new Date()): string {
  const part = Object.fromEntries(DUTCH_DATE.formatToParts(now).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}`;
}
