/**
 * A table as CSV the way Dutch spreadsheet programs open it without an import wizard: UTF-8 with a byte order mark
 * (Excel reads the file as UTF-8 only with one), fields separated by semicolons (Excel with Dutch regional settings
 * uses the comma as the decimal separator, so it splits on ";"), every value quoted, lines ended by CRLF (RFC 4180).
 *
 * Quoting does not stop a spreadsheet from running a cell as a formula (`=HYPERLINK(…)`, `+cmd|…`): text that starts
 * with =, +, -, @, a tab or a carriage return gets a leading apostrophe, which makes the cell text (OWASP, CSV
 * injection). A number stays a number, also a negative one: only text is written by someone else.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const quote = (v: unknown) => `"${neutralised(v).replaceAll('"', '""')}"`;
  // The header's names are plain words of our own: unquoted, as the audit log has always had them.
  return `\uFEFF${[header.join(';'), ...rows.map((r) => r.map(quote).join(';'))].join('\r\n')}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

function neutralised(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const text = String(v ?? '');
  return FORMULA_START.test(text) ? `'${text}` : text;
}
