/**
 * A table as CSV the way Dutch spreadsheet programs open it without an import wizard: UTF-8 with a byte order mark
 * (Excel reads the file as UTF-8 only with one), fields separated by semicolons (Excel with Dutch regional settings
 * uses the comma as the decimal separator, so it splits on ";"), every value quoted, lines ended by CRLF (RFC 4180).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const quote = (v: unknown) => `"${String(v ?? '').replaceAll('"', '""')}"`;
  // The header's names are plain words of our own: unquoted, as the audit log has always had them.
  return `\uFEFF${[header.join(';'), ...rows.map((r) => r.map(quote).join(';'))].join('\r\n')}\r\n`;
}
