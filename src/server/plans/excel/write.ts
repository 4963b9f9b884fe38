import ExcelJS from 'exceljs';
import { computeBudgetTotals } from '../../../domain/budget.ts';
import {
  ACTIVITY_COLUMNS, AMOUNT_HELP, BUDGET_COLUMNS, PER_YEAR_HEADER, PM_TEXT, SHEETS, TOTAL_KEY, yearHeader, type Column,
} from '../../../domain/programme-xlsx.ts';
import { startYear } from '../definitions.ts';
import { nl } from '../../../text/nl.ts';
import type { Programme } from './load.ts';

/*
 * The programme as an .xlsx workbook (ADR 0018): "Activiteiten" (one row per activity, keyed by its id), "Begroting"
 * (lines and sub-lines with their amounts per year, and a totals row computed by Regie), "Toelichting" (which columns
 * can be edited) and a hidden "Lijsten" sheet behind the drop-down lists. Header rows are frozen and repeat on every
 * printed page; pages are landscape and fit to the width. Read-only columns are grey; the sheets are not protected,
 * because a protected sheet cannot be sorted or filtered – the import reports edits there instead.
 */

const T = nl.excel;
const EURO_FORMAT = '€ #,##0.00;-€ #,##0.00';
const GREY = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEDEDED' } };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFD9E2F3' } };

function addSheet(book: ExcelJS.Workbook, name: string, columns: Column[]) {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'top', wrapText: true };
  columns.forEach((c, n) => {
    const cell = head.getCell(n + 1);
    cell.fill = c.isEditable ? HEADER_FILL : GREY;
    if (!c.isEditable) cell.note = T.readOnlyNote;
  });
  return sheet;
}

const LINE_HEIGHT = 15;

/**
 * The height a row needs for its wrapped text. Excel and LibreOffice keep the stored height when they open a file, so
 * without one a long activity would show (and print) only its first line.
 */
export function rowHeight(texts: { text: string; width: number }[]): number {
  const lines = texts.map(({ text, width }) =>
    text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 0.9) / Math.max(1, width - 1))), 0));
  return Math.max(1, ...lines) * LINE_HEIGHT;
}

/** Grey cells for the read-only columns; wrapped text everywhere, and rows high enough to show it. */
function styleRows(sheet: ExcelJS.Worksheet, columns: Column[]) {
  sheet.eachRow((row, n) => {
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.alignment = { vertical: 'top', wrapText: true, ...(cell.alignment ?? {}) };
      if (!c.isEditable && n > 1) cell.fill = GREY;
    });
    row.height = rowHeight(columns.map((c, i) => ({ text: String(row.getCell(i + 1).text ?? ''), width: c.width })));
  });
}

function activitiesSheet(book: ExcelJS.Workbook, p: Programme) {
  const sheet = addSheet(book, SHEETS.activities, [...ACTIVITY_COLUMNS]);
  const theme = new Map(p.themes.map((t) => [t.id, t.label]));
  const org = new Map(p.organisations.map((o) => [o.id, o.name]));
  for (const a of p.activities) {
    sheet.addRow({
      id: a.id, theme: theme.get(a.themeId), title: a.title, timeframeText: a.timeframeText, frequencyText: a.frequencyText,
      stakeholdersText: a.stakeholdersText, stakeholderIds: a.stakeholderIds.map((id) => org.get(id) ?? '').join('; '),
      explanation: a.explanation ?? '', responsibles: a.responsibles, status: a.statusLabel,
    });
  }
  styleRows(sheet, [...ACTIVITY_COLUMNS]);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ACTIVITY_COLUMNS.length } };
  // The theme column offers the programme's themes, also in rows added below the last activity.
  const themeColumn = ACTIVITY_COLUMNS.findIndex((c) => c.key === 'theme') + 1;
  const letter = sheet.getColumn(themeColumn).letter;
  (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
    `${letter}2:${letter}${Math.max(p.activities.length + 200, 500)}`,
    {
      type: 'list', allowBlank: true, formulae: [`${SHEETS.lists}!$A$2:$A$${Math.max(2, p.themes.length + 1)}`],
      showErrorMessage: true, errorStyle: 'warning', errorTitle: T.themeListTitle, error: T.themeListError,
    },
  );
}

/** The hidden sheet behind the drop-down lists. */
function listsSheet(book: ExcelJS.Workbook, p: Programme) {
  const lists = book.addWorksheet(SHEETS.lists, { state: 'hidden' });
  lists.getColumn(1).values = [T.listThemes, ...p.themes.map((t) => t.label)];
}

/** The years with an amount column: the plan's years, and any other year a line names. */
export function budgetYears(p: Programme): number[] {
  const first = startYear(String(p.plan.periodStart));
  const last = startYear(String(p.plan.periodEnd));
  const years = new Set<number>();
  for (let y = first; y <= last; y++) years.add(y);
  for (const l of p.lines) for (const a of l.amounts) if (a.year !== null) years.add(a.year);
  return [...years].sort();
}

function budgetSheet(book: ExcelJS.Workbook, p: Programme) {
  const years = budgetYears(p);
  const amountColumns: Column[] = [PER_YEAR_HEADER, ...years.map(yearHeader)].map((h) => ({ key: h, header: h, width: 15, isEditable: true, help: AMOUNT_HELP }));
  const columns = [...BUDGET_COLUMNS, ...amountColumns];
  const sheet = addSheet(book, SHEETS.budget, columns);
  const title = new Map(p.lines.map((l) => [l.id, l.title]));
  const mains = p.lines.filter((l) => !l.parentId);
  const ordered = mains.flatMap((m) => [m, ...p.lines.filter((s) => s.parentId === m.id)]);
  for (const l of ordered) {
    const amounts = Object.fromEntries(l.amounts.map((a) => [a.year === null ? PER_YEAR_HEADER : yearHeader(a.year), a.amountCents / 100]));
    const row = sheet.addRow({
      id: l.id, parent: l.parentId ? title.get(l.parentId) : '', title: l.title,
      nature: l.nature ? nl.labels.budgetNature[l.nature as 'structural'] : '', funding: nl.labels.funding[l.funding as 'own'],
      ...(l.isPm ? { [PER_YEAR_HEADER]: PM_TEXT } : amounts),
    });
    if (l.parentId) row.getCell('title').alignment = { indent: 1 };
  }
  // Computed at export, not a formula: the totals follow Regie's rules (a "per jaar" amount counts in every year).
  const totals = computeBudgetTotals(p.lines, null).totalsByYear;
  const perYear = totals.get('per_jaar') ?? 0;
  const total = sheet.addRow({
    id: TOTAL_KEY, title: T.totalRow, [PER_YEAR_HEADER]: perYear / 100,
    ...Object.fromEntries(years.map((year) => [yearHeader(year), (totals.get(year) ?? perYear) / 100])),
  });
  total.font = { bold: true };
  styleRows(sheet, columns);
  for (const c of amountColumns) {
    const column = sheet.getColumn(c.key);
    column.numFmt = EURO_FORMAT;
    column.eachCell((cell, n) => {
      if (n > 1) cell.alignment = { ...cell.alignment, horizontal: 'right' };
    });
  }
  total.eachCell((cell) => (cell.fill = GREY));
}

function helpSheet(book: ExcelJS.Workbook, p: Programme) {
  const sheet = book.addWorksheet(SHEETS.help, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 16 }, { width: 26 }, { width: 20 }, { width: 90 }];
  // The introduction spans the table's width.
  const paragraph = (text: string) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, 4);
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = rowHeight([{ text, width: 140 }]);
    return row;
  };
  paragraph(String(p.plan.title)).font = { bold: true, size: 14 };
  sheet.lastRow!.height = 24;
  paragraph(T.exportedOn(new Date().toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam' })));
  sheet.addRow([]);
  for (const line of T.helpLines) paragraph(line);
  sheet.addRow([]);
  const head = sheet.addRow([T.helpSheet, T.helpColumn, T.helpEditable, T.helpMeaning]);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  const rows: [string, Column][] = [
    ...ACTIVITY_COLUMNS.map((c) => [SHEETS.activities, c] as [string, Column]),
    ...BUDGET_COLUMNS.map((c) => [SHEETS.budget, c] as [string, Column]),
    [SHEETS.budget, { key: 'amounts', header: T.amountColumns, width: 0, isEditable: true, help: AMOUNT_HELP }],
  ];
  for (const [name, c] of rows) {
    const row = sheet.addRow([name, c.header, c.isEditable ? T.yes : T.no, c.help]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = rowHeight([{ text: c.help, width: 90 }, { text: c.header, width: 26 }]);
    if (!c.isEditable) row.eachCell((cell) => (cell.fill = GREY));
  }
}

/** The programme's workbook as bytes. */
export async function writeProgrammeXlsx(p: Programme): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Regie';
  book.title = String(p.plan.title);
  book.created = new Date();
  activitiesSheet(book, p);
  budgetSheet(book, p);
  helpSheet(book, p);
  listsSheet(book, p);
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
