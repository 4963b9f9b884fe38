import ExcelJS from 'exceljs';
import {
  ACTIVITY_COLUMNS, BUDGET_COLUMNS, MAX_XLSX_ROWS, PER_YEAR_HEADER, SHEETS, type Cell, type SheetRow, type TXlsxIssue,
} from '../../../domain/programme-xlsx.ts';

/*
 * Reading an uploaded workbook into rows of cells by column key. Columns are found by their header in row 1, so a
 * user may reorder or add columns; a sheet or column the import needs and cannot find is a file-level error.
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
  if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
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
      sheet: sheet.name, row: 1, column: null, severity: 'error',
      message: `Werkblad "${sheet.name}" mist ${missing.length === 1 ? 'de kolom' : 'de kolommen'} ${missing.map((c) => `"${c.header}"`).join(', ')} in rij 1: exporteer het programma opnieuw en werk in dat bestand`,
    });
    return null;
  }
  if (sheet.rowCount > MAX_XLSX_ROWS + 1) {
    issues.push({ sheet: sheet.name, row: null, column: null, severity: 'error', message: `Werkblad "${sheet.name}" heeft meer dan ${MAX_XLSX_ROWS} rijen` });
    return null;
  }
  const rows: SheetRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push({ row: n, cells: Object.fromEntries([...at].map(([key, col]) => [key, cellValue(row.getCell(col).value)])) });
  });
  return { rows, years: years.sort(), hasPerYear };
}

/** Reads the workbook; a file that is not one, or lacks the activity sheet, gives issues and no rows. */
export async function readProgrammeXlsx(bytes: Buffer): Promise<ReadWorkbook> {
  const issues: TXlsxIssue[] = [];
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    issues.push({ sheet: null, row: null, column: null, severity: 'error', message: 'Dit is geen Excel-bestand (.xlsx) dat Regie kan lezen: kies het bestand dat u uit Regie exporteerde, opgeslagen als Excel-werkmap (.xlsx)' });
    return { activities: null, budget: null, issues };
  }
  const activitySheet = findSheet(book, SHEETS.activities);
  const budgetSheet = findSheet(book, SHEETS.budget);
  if (!activitySheet) {
    issues.push({ sheet: null, row: null, column: null, severity: 'error', message: `Het bestand heeft geen werkblad "${SHEETS.activities}": kies een bestand dat u uit Regie exporteerde` });
  }
  if (!budgetSheet) {
    issues.push({ sheet: null, row: null, column: null, severity: 'warning', message: `Het bestand heeft geen werkblad "${SHEETS.budget}": de begroting blijft zoals ze is` });
  }
  return {
    activities: activitySheet ? readSheet(activitySheet, ACTIVITY_COLUMNS, issues) : null,
    budget: budgetSheet ? readSheet(budgetSheet, BUDGET_COLUMNS, issues, true) : null,
    issues,
  };
}
