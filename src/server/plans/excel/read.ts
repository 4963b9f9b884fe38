import ExcelJS from 'exceljs';
import {
  ACTIVITY_COLUMNS, BUDGET_COLUMNS, MAX_XLSX_COLUMNS, MAX_XLSX_ROWS, PER_YEAR_HEADER, SHEETS, type Cell, type SheetRow, type TXlsxIssue,
} from '../../../domain/programme-xlsx.ts';
import { inspectZip, quoted, runIsolated, uploadText, verifyZip, type ZipCheck } from '../../core/upload.ts';

/*
 * Reading an uploaded workbook into rows of cells by column key. Columns are found by their header in row 1, so a
 * user may reorder or add columns; a sheet or column the import needs and cannot find is a file-level error.
 *
 * An upload may be hostile (review 2026-12, finding 4: a 0.54 MB zip bomb took 3.5 GB). The zip's directory is
 * checked first (core/upload.ts); then a worker thread with its own memory limit inflates it within the sizes it
 * declares and parses it, exceljs stopping at the row limit, and returns only the rows of cells.
 */

export interface ReadSheet {
  rows: SheetRow[];
  /** Budget sheet: the years with an amount column, and whether it has "Per jaar". */
  years: number[];
  hasPerYear: boolean;
}

export interface ReadWorkbook {
  activities: ReadSheet | null;
  budget: ReadSheet | null;
  issues: TXlsxIssue[];
}

const headerKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** A cell's value as text or a number: rich text joined, a formula's result, a date as YYYY-MM-DD. */
function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'WAAR' : 'ONWAAR';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result);
  if ('hyperlink' in v) return String(v.text ?? v.hyperlink);
  if ('error' in v) return String(v.error);
  return null;
}

function findSheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return book.worksheets.find((w) => headerKey(w.name) === headerKey(name));
}

/** Rows below the header, with each known column's cell; a missing required column is an issue. */
function readSheet(sheet: ExcelJS.Worksheet, columns: readonly { key: string; header: string }[], issues: TXlsxIssue[], isBudget = false): ReadSheet | null {
  const at = new Map<string, number>();
  const years: number[] = [];
  let hasPerYear = false;
  sheet.getRow(1).eachCell((cell, n) => {
    const text = headerKey(String(cellValue(cell.value) ?? ''));
    const column = columns.find((c) => headerKey(c.header) === text);
    if (column && !at.has(column.key)) at.set(column.key, n);
    else if (isBudget && /^(19|20)\d{2}$/.test(text)) {
      years.push(Number(text));
      at.set(`y${text}`, n);
    } else if (isBudget && text === headerKey(PER_YEAR_HEADER)) {
      hasPerYear = true;
      at.set('perYear', n);
    }
  });
  const missing = columns.filter((c) => !at.has(c.key));
  if (missing.length) {
    issues.push({
      sheet: quoted(sheet.name), row: 1, column: null, severity: 'error',
      message: `Werkblad "${quoted(sheet.name)}" mist ${missing.length === 1 ? 'de kolom' : 'de kolommen'} ${missing.map((c) => `"${c.header}"`).join(', ')} in rij 1: exporteer het programma opnieuw en werk in dat bestand`,
    });
    return null;
  }
  if (sheet.rowCount > MAX_XLSX_ROWS + 1) {
    issues.push({ sheet: quoted(sheet.name), row: null, column: null, severity: 'error', message: `Werkblad "${quoted(sheet.name)}" heeft meer dan ${MAX_XLSX_ROWS} rijen` });
    return null;
  }
  const rows: SheetRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push({ row: n, cells: Object.fromEntries([...at].map(([key, col]) => [key, cellValue(row.getCell(col).value)])) });
  });
  return { rows, years: years.sort(), hasPerYear };
}

const fileIssue = (message: string, severity: TXlsxIssue['severity'] = 'error'): TXlsxIssue => ({ sheet: null, row: null, column: null, severity, message });
const unread = (message: string): ReadWorkbook => ({ activities: null, budget: null, issues: [fileIssue(message)] });
const CHOOSE_EXPORT = 'kies het bestand dat u uit Regie exporteerde';
const NOT_XLSX = `Dit is geen Excel-bestand (.xlsx) dat Regie kan lezen: ${CHOOSE_EXPORT}, opgeslagen als Excel-werkmap (.xlsx)`;
const zipRefused = (check: Extract<ZipCheck, { ok: false }>) => unread(check.problem === 'too-large' ? `${uploadText.tooLarge()}: ${CHOOSE_EXPORT}` : NOT_XLSX);

/**
 * What exceljs need not read: nothing of it is a value. Data validations it expands to one entry per cell (a range of
 * a whole sheet: billions), so they are skipped. Merged cells stay: a slave cell reads as its master's value.
 */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'tableParts', 'headerFooter', 'pageSetup', 'printOptions', 'pageMargins', 'rowBreaks', 'autoFilter', 'sheetProtection'];

/**
 * Parses the workbook: runs in the worker (`readProgrammeXlsx`), so it may take what its limits allow. exceljs stops a
 * sheet at its row limit while parsing (`maxRows`, `maxCols`: in exceljs 4.4's reader, not in its types).
 */
export async function parseProgrammeXlsx(input: Uint8Array): Promise<ReadWorkbook> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const zip = verifyZip(bytes);
  if (!zip.ok) return zipRefused(zip);
  const book = new ExcelJS.Workbook();
  const options = { ignoreNodes: IGNORED_NODES, maxRows: MAX_XLSX_ROWS + 1, maxCols: MAX_XLSX_COLUMNS };
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer, options);
  } catch (err) {
    const limit = /^Max (row|column) count/.exec(err instanceof Error ? err.message : '');
    if (limit?.[1] === 'row') return unread(`Een werkblad heeft meer dan ${MAX_XLSX_ROWS} rijen: Regie leest hooguit ${MAX_XLSX_ROWS} rijen per werkblad`);
    if (limit) return unread(`Een rij heeft meer dan ${MAX_XLSX_COLUMNS} cellen: Regie leest hooguit ${MAX_XLSX_COLUMNS} kolommen per werkblad`);
    return unread(NOT_XLSX);
  }
  const issues: TXlsxIssue[] = [];
  const activitySheet = findSheet(book, SHEETS.activities);
  const budgetSheet = findSheet(book, SHEETS.budget);
  if (!activitySheet) issues.push(fileIssue(`Het bestand heeft geen werkblad "${SHEETS.activities}": kies een bestand dat u uit Regie exporteerde`));
  if (!budgetSheet) issues.push(fileIssue(`Het bestand heeft geen werkblad "${SHEETS.budget}": de begroting blijft zoals ze is`, 'warning'));
  return {
    activities: activitySheet ? readSheet(activitySheet, ACTIVITY_COLUMNS, issues) : null,
    budget: budgetSheet ? readSheet(budgetSheet, BUDGET_COLUMNS, issues, true) : null,
    issues,
  };
}

/**
 * Reads the workbook; a file that is not one, lacks the activity sheet, or is over a limit gives issues and no rows.
 * The zip's directory is checked here (cheap); the rest runs in a worker thread, whose memory or time running out
 * is an issue too.
 */
export async function readProgrammeXlsx(bytes: Buffer): Promise<ReadWorkbook> {
  const zip = inspectZip(bytes);
  if (!zip.ok) return zipRefused(zip);
  const read = await runIsolated<ReadWorkbook>(new URL(import.meta.url), 'parseProgrammeXlsx', bytes);
  return read.ok ? read.value : unread(`${uploadText.tooComplex}: ${CHOOSE_EXPORT}`);
}
