import { parse } from 'csv-parse/sync';
import { parsePeriod, type ParsedPeriod } from '../../../domain/period.ts';
import {
  MAX_IMPORT_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_VALUES, type TImportError,
} from '../../../domain/measurement-import.ts';
import { quoted } from '../../../domain/quote.ts';

/*
 * Reading open-data files into figures, without a database: which series the file has, and per figure the region as
 * written (a CBS code or a name), the series, the period and the value, with its line number. Two layouts:
 *
 * - StatLine export (CBS, Politie): a few title lines ("Soort misdrijf: Totaal misdrijven"), header rows per dimension
 *   ("Onderwerp", "Perioden"), a row "Regio's" with the units, one row per region, and "Bron: …" at the end.
 * - A table: one header row with a region column (code or name), a period column, and either one column per indicator
 *   or an indicator column and a value column. StatLine's "list" exports (Perioden;Regio's;…) are such tables too.
 *
 * CBS conventions: `;` with a decimal comma (`,` with a decimal point), `.`, `x` and an empty cell for a missing figure,
 * `-` for nil (0), `*` after a period for a provisional figure, codes right-padded with spaces, and a BOM.
 *
 * An upload may be hostile: a line wider than MAX_IMPORT_COLUMNS or a cell longer than MAX_IMPORT_CELL_CHARS stops
 * the reading at that line, more than MAX_IMPORT_VALUES figures stops it there, and messages quote at most 200
 * characters of a cell. The import runs this in a worker thread with its own memory limit (core/upload.ts).
 */

export interface ParsedSeries {
  key: string;
  label: string;
  description: string | null;
  unit: string | null;
}

export interface ParsedValue {
  line: number;
  /** A CBS code where the file gives one (or the name cell is one), else null. */
  regionCode: string | null;
  regionName: string | null;
  seriesKey: string;
  period: ParsedPeriod;
  /** Null: no figure in the file. */
  value: number | null;
}

export interface ParsedFile {
  format: 'statline' | 'table' | null;
  title: string | null;
  source: string | null;
  series: ParsedSeries[];
  values: ParsedValue[];
  errors: TImportError[];
  lineCount: number;
}

const REGION_CODE = /^(NL\d{2}|PV\d{2}|RE\d{2}|LD\d{2}|GM\d{4}|WK\d{6}|BU\d{8})$/;
const MISSING = new Set(['', '.', '..', 'x', 'X', '?']);
const MAX_ERRORS = 1000;

/** "Geregistreerde misdrijven (aantal)" → "geregistreerde_misdrijven_aantal": the key an indicator is matched on. */
export function seriesKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** A function that remembers its answers: a large file repeats the same few periods and labels on every line. */
function remembered<T>(fn: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (!seen.has(text)) seen.set(text, fn(text));
    return seen.get(text)!;
  };
}

/** A region cell as a code, when it is one ("NL01  " → "NL01"). */
export function asRegionCode(text: string): string | null {
  const t = text.trim().toUpperCase();
  return REGION_CODE.test(t) ? t : null;
}

type NumberResult = number | null | undefined;

/** A figure: a number, null when the file has none, undefined when it cannot be read. */
function parseNumber(raw: string, decimalComma: boolean): NumberResult {
  const t = raw.replace(/[\s\u00a0]/g, '');
  if (MISSING.has(t)) return null;
  if (t === '-') return 0;
  let plain: string | null = null;
  if (decimalComma) {
    if (/^-?\d+(,\d+)?$/.test(t)) plain = t.replace(',', '.');
    else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) plain = t.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d+(\.\d+)?$/.test(t)) plain = t;
  return plain === null ? undefined : Number(plain);
}

interface Row {
  line: number;
  cells: string[];
}

/** The separator: the one of `;`, `,` and tab that occurs most outside quotes in the first lines. */
function detectDelimiter(text: string): string {
  const counts = new Map([[';', 0], [',', 0], ['\t', 0]]);
  let inQuotes = false;
  let lines = 0;
  for (const c of text.slice(0, 20_000)) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
    else if (!inQuotes && c === '\n' && ++lines > 30) break;
  }
  const [best, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ';';
}

const CSV_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'Een aanhalingsteken wordt niet gesloten',
  CSV_INVALID_CLOSING_QUOTE: 'Na een sluitend aanhalingsteken volgt een onverwacht teken',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'Na een sluitend aanhalingsteken volgt een onverwacht teken',
};

/** The line on which a quote opens that is never closed: where the user should look, not the end of the file. */
function unclosedQuoteLine(text: string): number | null {
  let line = 1;
  let openedOn: number | null = null;
  for (const c of text) {
    if (c === '"') openedOn = openedOn === null ? line : null;
    else if (c === '\n') line++;
  }
  return openedOn;
}

/** A line over a limit: reading stops there. */
class OverLimit extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/** Throws when a line breaks a limit. */
function checkLimits(cells: string[], line: number): void {
  if (cells.length > MAX_IMPORT_COLUMNS) {
    throw new OverLimit(line, `Regel ${line} heeft meer dan ${MAX_IMPORT_COLUMNS} kolommen (${cells.length}): Regie leest hooguit ${MAX_IMPORT_COLUMNS} kolommen`);
  }
  if (cells.some((c) => c.length > MAX_IMPORT_CELL_CHARS)) {
    throw new OverLimit(line, `Regel ${line} heeft een cel van meer dan ${MAX_IMPORT_CELL_CHARS} tekens: is dit een CSV-bestand met cijfers?`);
  }
}

function readRows(text: string, delimiter: string): Row[] | TImportError {
  try {
    // Each record's line, as csv-parse counts it (a quoted cell may span lines); checked as it is read.
    const lines: number[] = [];
    const records = parse(text, {
      delimiter, relax_column_count: true, relax_quotes: false, bom: true, skip_empty_lines: true,
      on_record: (record, context) => {
        checkLimits(record, context.lines);
        lines.push(context.lines);
        return record;
      },
    });
    return records.map((cells, n) => ({ line: lines[n], cells }));
  } catch (err) {
    if (err instanceof OverLimit) return { line: err.line, message: err.message };
    const e = err as { code?: string; lines?: number };
    const line = (e.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(text) : null) ?? e.lines ?? 1;
    return { line, message: `${CSV_MESSAGES[e.code ?? ''] ?? 'Regie kan deze regel niet lezen als CSV'} (regel ${line})` };
  }
}

/** Over MAX_IMPORT_VALUES the reading stops, and the figures read so far are dropped: the file is refused anyway. */
const tooManyValues = (line: number): TImportError => ({
  line,
  message: `Het bestand heeft meer dan ${MAX_IMPORT_VALUES.toLocaleString('nl-NL')} cijfers (regel ${line}): kies in StatLine alleen de regio’s, perioden en onderwerpen die u nodig hebt`,
});

const isBlank = (r: Row) => r.cells.every((c) => !c.trim());
const filled = (r: Row) => r.cells.filter((c) => c.trim()).length;

/** Reads a file; what cannot be read is in `errors`, with its line number. */
export function parseMeasurementFile(input: string): ParsedFile {
  const text = input.replace(/^\uFEFF/, '');
  const empty: ParsedFile = { format: null, title: null, source: null, series: [], values: [], errors: [], lineCount: 0 };
  if (text.includes('\u0000')) return { ...empty, errors: [{ line: 1, message: 'Dit is geen tekstbestand: kies een CSV-bestand' }] };
  const delimiter = detectDelimiter(text);
  const rows = readRows(text, delimiter);
  if (!Array.isArray(rows)) return { ...empty, errors: [rows] };
  const lineCount = text.split(/\r\n|\n|\r/).length - (/(\r\n|\n|\r)$/.test(text) ? 1 : 0);
  const content = rows.filter((r) => !isBlank(r));
  if (!content.length) return { ...empty, lineCount, errors: [{ line: 1, message: 'Het bestand is leeg' }] };
  const result = isTableHeader(content[0]) ? parseTable(content, delimiter) : parseStatLine(content, delimiter);
  const errors = result.errors.length > MAX_ERRORS ? result.errors.slice(0, MAX_ERRORS) : result.errors;
  return { ...result, errors, lineCount };
}

// Tables -------------------------------------------------------------------------------------------------------------

const CODE_COLUMNS = new Set(['regio_code', 'regiocode', 'region_code', 'regioncode', 'code', 'gm_code', 'gemeentecode', 'statcode', 'cbs_code', 'cbscode', 'regios_code', 'gebiedscode']);
const NAME_COLUMNS = new Set(['regio', 'regios', 'regio_s', 'region', 'gemeente', 'gemeentenaam', 'statnaam', 'naam', 'regio_naam', 'regionaam', 'gebied', 'gebiedsnaam']);
const PERIOD_COLUMNS = new Set(['jaar', 'periode', 'perioden', 'period', 'year', 'jaartal']);
const INDICATOR_COLUMNS = new Set(['indicator', 'onderwerp', 'onderwerpen', 'indicator_key', 'sleutel', 'variabele', 'topic', 'key']);
const VALUE_COLUMNS = new Set(['waarde', 'value', 'val']);
const PROVISIONAL_COLUMNS = new Set(['voorlopig', 'provisional', 'is_provisional']);

const headerKey = (cell: string) => seriesKey(cell);
const findColumn = (header: string[], names: Set<string>) => header.findIndex((h) => names.has(headerKey(h)));

function isTableHeader(first: Row): boolean {
  return filled(first) >= 3 && findColumn(first.cells, PERIOD_COLUMNS) >= 0 &&
    (findColumn(first.cells, CODE_COLUMNS) >= 0 || findColumn(first.cells, NAME_COLUMNS) >= 0);
}

function parseProvisional(raw: string | undefined): boolean {
  return /^(ja|j|yes|y|true|1|voorlopig)$/i.test((raw ?? '').trim());
}

function parseTable(rows: Row[], delimiter: string): Omit<ParsedFile, 'lineCount'> {
  const [head, ...data] = rows;
  const header = head.cells.map((c) => c.trim());
  const errors: TImportError[] = [];
  const decimalComma = delimiter === ';';
  const col = {
    code: findColumn(header, CODE_COLUMNS),
    name: findColumn(header, NAME_COLUMNS),
    period: findColumn(header, PERIOD_COLUMNS),
    indicator: findColumn(header, INDICATOR_COLUMNS),
    value: findColumn(header, VALUE_COLUMNS),
    provisional: findColumn(header, PROVISIONAL_COLUMNS),
  };
  if (col.indicator >= 0 && col.value < 0) {
    return { format: 'table', title: null, source: null, series: [], values: [], errors: [{ line: head.line, message: `Er is een kolom "${quoted(header[col.indicator])}" maar geen kolom "waarde" (regel ${head.line})` }] };
  }
  const special = new Set(Object.values(col).filter((n) => n >= 0));
  const cell = (r: Row, n: number) => (n >= 0 ? (r.cells[n] ?? '') : '');
  const periodOf = remembered(parsePeriod);
  const keyOf = remembered(seriesKey);

  // Without an indicator column every other numeric column is a series; other text columns are dimensions.
  const others = header.map((_, n) => n).filter((n) => !special.has(n));
  const isNumeric = (n: number) => {
    let hasNumber = false;
    for (const r of data) {
      const value = parseNumber(cell(r, n), decimalComma);
      if (value === undefined) return false;
      hasNumber ||= value !== null;
    }
    return hasNumber;
  };
  const valueColumns = col.indicator >= 0 ? [] : others.filter(isNumeric);
  const isValueColumn = new Set(valueColumns);
  const dimensions = col.indicator >= 0 ? [] : others.filter((n) => !isValueColumn.has(n));
  const varying = dimensions.filter((n) => new Set(data.map((r) => cell(r, n).trim())).size > 1);
  const constant = dimensions.filter((n) => !varying.includes(n)).map((n) => `${header[n]}: ${cell(data[0] ?? head, n).trim()}`);
  if (col.indicator < 0 && !valueColumns.length) {
    errors.push({ line: head.line, message: `Geen kolom met getallen gevonden (regel ${head.line})` });
  }

  const series = new Map<string, ParsedSeries>();
  const values: ParsedValue[] = [];
  rows: for (const r of data) {
    if (r.cells.length !== head.cells.length) {
      errors.push({ line: r.line, message: `Regel ${r.line} heeft ${r.cells.length} kolommen, de kopregel ${head.cells.length}` });
      continue;
    }
    const periodText = cell(r, col.period).trim();
    const parsed = periodOf(periodText);
    if (!parsed) {
      errors.push({ line: r.line, message: `Onbekende periode "${quoted(periodText)}" (regel ${r.line}); gebruik bijvoorbeeld 2023, 2023KW01 of 2023MM01` });
      continue;
    }
    const period = { ...parsed, isProvisional: parsed.isProvisional || parseProvisional(cell(r, col.provisional)) };
    const nameText = cell(r, col.name).trim();
    const regionCode = asRegionCode(cell(r, col.code)) ?? asRegionCode(nameText);
    const regionName = nameText || null;
    if (!regionCode && !regionName) {
      errors.push({ line: r.line, message: `Regel ${r.line} noemt geen regio` });
      continue;
    }
    const dimensionLabel = varying.map((n) => cell(r, n).trim()).join(' – ');
    const columns = col.indicator >= 0 ? [{ label: cell(r, col.indicator).trim(), raw: cell(r, col.value) }] : valueColumns.map((n) => ({ label: header[n], raw: cell(r, n) }));
    for (const c of columns) {
      const label = dimensionLabel ? `${c.label} – ${dimensionLabel}` : c.label;
      const key = keyOf(label);
      if (!key) {
        errors.push({ line: r.line, message: `Regel ${r.line} noemt geen indicator` });
        continue;
      }
      const value = parseNumber(c.raw, decimalComma);
      if (value === undefined) {
        errors.push({ line: r.line, message: unreadable(c.raw, r.line, decimalComma) });
        continue;
      }
      if (!series.has(key)) series.set(key, { key, label, description: constant.join('; ') || null, unit: null });
      if (values.length >= MAX_IMPORT_VALUES) {
        errors.push(tooManyValues(r.line));
        values.length = 0;
        break rows;
      }
      values.push({ line: r.line, regionCode, regionName, seriesKey: key, period, value });
    }
  }
  return { format: 'table', title: null, source: null, series: [...series.values()], values, errors };
}

function unreadable(raw: string, line: number, decimalComma: boolean): string {
  return `Onleesbaar getal "${quoted(raw.trim())}" (regel ${line}); ${decimalComma ? 'gebruik een komma als decimaalteken, bijvoorbeeld 27,4' : 'gebruik een punt als decimaalteken, bijvoorbeeld 27.4'}`;
}

// StatLine exports ---------------------------------------------------------------------------------------------------

const REGION_HEADER = /^(regio'?s|regios|regio|gemeenten?|wijken en buurten|provincies|politie-?eenheden)$/i;
const TOPIC_HEADER = /^onderwerpe?n?$/i;
const PERIOD_HEADER = /^perioden?$/i;

function parseStatLine(rows: Row[], delimiter: string): Omit<ParsedFile, 'lineCount'> {
  const decimalComma = delimiter === ';';
  const fail = (line: number, message: string) => ({ format: 'statline' as const, title: null, source: null, series: [], values: [], errors: [{ line, message }] });
  // Title lines: rows of one cell before the table.
  let n = 0;
  const preamble: string[] = [];
  while (n < rows.length && filled(rows[n]) <= 1 && rows[n].cells.length <= 1) preamble.push(rows[n++].cells[0].trim());
  const title = preamble[0] || null;
  const filters = preamble.slice(1).filter((p) => p.includes(':'));
  const headerStart = n;
  while (n < rows.length && !REGION_HEADER.test(rows[n].cells[0].trim())) n++;
  if (n >= rows.length) {
    return fail(rows[headerStart]?.line ?? 1, 'Regie herkent de indeling niet: verwacht een StatLine-export met de regio’s in de rijen (een regel "Regio\'s"), of een tabel met kolommen voor regio(code), periode en waarde');
  }
  const headerRows = rows.slice(headerStart, n);
  const unitRow = rows[n];
  const width = unitRow.cells.length;
  const periodRow = headerRows.find((r) => PERIOD_HEADER.test(r.cells[0].trim()));
  const topicRow = headerRows.find((r) => TOPIC_HEADER.test(r.cells[0].trim()));
  const dimensionRows = headerRows.filter((r) => r !== periodRow && r !== topicRow);
  const periodFilter = filters.find((f) => PERIOD_HEADER.test(f.split(':')[0].trim()))?.split(':').slice(1).join(':').trim();
  const topicFilter = filters.find((f) => TOPIC_HEADER.test(f.split(':')[0].trim()))?.split(':').slice(1).join(':').trim();
  if (!periodRow && !periodFilter) return fail(unitRow.line, `Geen regel "Perioden" gevonden boven regel ${unitRow.line}`);

  const errors: TImportError[] = [];
  const columns: { seriesKey: string; period: ParsedPeriod }[] = [];
  const series = new Map<string, ParsedSeries>();
  for (let c = 1; c < width; c++) {
    const periodText = (periodRow?.cells[c] ?? periodFilter ?? '').trim();
    const period = parsePeriod(periodText);
    if (!period) {
      errors.push({ line: periodRow?.line ?? unitRow.line, message: `Onbekende periode "${quoted(periodText)}" in kolom ${c + 1} (regel ${periodRow?.line ?? unitRow.line})` });
      continue;
    }
    const topic = (topicRow?.cells[c] ?? topicFilter ?? title ?? '').trim();
    const label = [topic, ...dimensionRows.map((r) => (r.cells[c] ?? '').trim())].filter(Boolean).join(' – ');
    const key = seriesKey(label);
    const description = filters.filter((f) => !PERIOD_HEADER.test(f.split(':')[0].trim())).join('; ') || null;
    if (!series.has(key)) series.set(key, { key, label, description, unit: unitRow.cells[c]?.trim() || null });
    columns[c] = { seriesKey: key, period };
  }

  const values: ParsedValue[] = [];
  let source: string | null = null;
  lines: for (const r of rows.slice(n + 1)) {
    if (r.cells.length === 1) {
      // A footer line ("Bron: Politie", "© CBS").
      const m = /^bron:\s*(.+)$/i.exec(r.cells[0].trim());
      if (m) source = m[1];
      continue;
    }
    if (r.cells.length !== width) {
      errors.push({ line: r.line, message: `Regel ${r.line} heeft ${r.cells.length} kolommen, de regel "Regio's" ${width}` });
      continue;
    }
    const region = r.cells[0].trim();
    for (let c = 1; c < width; c++) {
      if (!columns[c]) continue;
      const value = parseNumber(r.cells[c], decimalComma);
      if (value === undefined) {
        errors.push({ line: r.line, message: unreadable(r.cells[c], r.line, decimalComma) });
        continue;
      }
      if (values.length >= MAX_IMPORT_VALUES) {
        errors.push(tooManyValues(r.line));
        values.length = 0;
        break lines;
      }
      values.push({ line: r.line, regionCode: asRegionCode(region), regionName: region, ...columns[c], value });
    }
  }
  if (!values.length && !errors.length) errors.push({ line: unitRow.line, message: `Er staan geen regio’s onder regel ${unitRow.line}` });
  return { format: 'statline', title, source, series: [...series.values()], values, errors };
}
