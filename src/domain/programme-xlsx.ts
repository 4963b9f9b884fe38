import { z } from 'zod';
import { toFieldErrors } from './errors.ts';
import { quoted } from './quote.ts';
import { ZActivityCreate, ZBudgetLineCreate, ZId, type TBudgetAmount } from './schemas.ts';
import { parseTimeframe } from './timeframe.ts';
import { parseFrequency } from './frequency.ts';

/*
 * The programme as an Excel workbook and back (ADR 0018). The layout – sheets, columns, which of them can be edited –
 * is part of the file format and lives here, beside the pure comparison of a read workbook with the stored programme:
 * per row the fields that change (old → new), the new activities, and every row-level error, validated with the same
 * Zod schemas as the API. Rows are matched on their key (the record's id); rows missing from the file are listed,
 * never deleted. The server reads and writes the .xlsx (src/server/modules/programme-xlsx/).
 */

export const SHEETS = { activities: 'Activiteiten', budget: 'Begroting', help: 'Toelichting', lists: 'Lijsten' } as const;

/** The largest upload, as base64 characters (about 7.5 MB of .xlsx: a programme is a few hundred kilobytes). */
export const MAX_XLSX_BASE64 = 10 * 1024 * 1024;
/** Rows per sheet Regie reads; a programme has a few hundred at most. */
export const MAX_XLSX_ROWS = 5000;
/** Cells per row Regie reads: the sheets have 10 to 20 columns, and a user may add some. */
export const MAX_XLSX_COLUMNS = 1000;

/** The key column's value on the budget sheet's totals row: not a line, skipped on import. */
export const TOTAL_KEY = 'Totaal';
/** The text a PM line shows in its amount columns. */
export const PM_TEXT = 'PM';

export interface Column {
  key: string;
  header: string;
  width: number;
  isEditable: boolean;
  /** What the column holds, for the Toelichting sheet. */
  help: string;
}

/** The activity sheet, in order. Betrokkenen are text; "Gekoppelde organisaties" links organisations by name. */
export const ACTIVITY_COLUMNS = [
  { key: 'id', header: 'Sleutel', width: 38, isEditable: false, help: 'De sleutel van de activiteit in Regie. Niet wijzigen; leeg bij een nieuwe activiteit.' },
  { key: 'theme', header: 'Thema', width: 34, isEditable: true, help: 'Het thema, zoals in de keuzelijst. Een ander thema verplaatst de activiteit.' },
  { key: 'title', header: 'Activiteit', width: 50, isEditable: true, help: 'De activiteit (verplicht).' },
  { key: 'timeframeText', header: 'Tijdpad', width: 18, isEditable: true, help: 'Bijvoorbeeld Q2 2023, Q1-Q2 2024, 2023-2024, Doorlopend of Jaarlijks.' },
  { key: 'frequencyText', header: 'Frequentie', width: 20, isEditable: true, help: 'Bijvoorbeeld 1 maal per 6 weken, 4 controles per jaar, Eenmalig of op afroep.' },
  { key: 'stakeholdersText', header: 'Betrokkenen', width: 30, isEditable: true, help: 'De betrokkenen zoals het programma ze noemt (vrije tekst).' },
  { key: 'stakeholderIds', header: 'Gekoppelde organisaties', width: 30, isEditable: true, help: 'Organisaties in Regie die betrokken zijn, gescheiden door een puntkomma; de naam zoals Regie hem kent.' },
  { key: 'explanation', header: 'Toelichting', width: 50, isEditable: true, help: 'Toelichting bij de activiteit.' },
  { key: 'responsibles', header: 'Verantwoordelijk', width: 26, isEditable: false, help: 'Wie verantwoordelijk is; wijzigen in Regie.' },
  { key: 'status', header: 'Status', width: 14, isEditable: false, help: 'De voortgang; wijzigen in Regie, met een toelichting.' },
] as const satisfies readonly Column[];

/** The budget sheet's fixed columns; the amount columns (per jaar, then each year) follow. */
export const BUDGET_COLUMNS = [
  { key: 'id', header: 'Sleutel', width: 38, isEditable: false, help: 'De sleutel van de post in Regie. Niet wijzigen.' },
  { key: 'parent', header: 'Hoofdpost', width: 30, isEditable: false, help: 'Bij een specificatie: de post waar ze bij hoort.' },
  { key: 'title', header: 'Post', width: 44, isEditable: true, help: 'De naam van de post.' },
  { key: 'nature', header: 'Soort', width: 14, isEditable: false, help: 'Structureel of incidenteel; wijzigen in Regie.' },
  { key: 'funding', header: 'Financiering', width: 16, isEditable: false, help: 'Eigen middelen of subsidie; wijzigen in Regie.' },
] as const satisfies readonly Column[];
export const PER_YEAR_HEADER = 'Per jaar';
export const AMOUNT_HELP = `Bedragen in euro’s. "${PER_YEAR_HEADER}" geldt voor elk jaar van het programma; "${PM_TEXT}": bedrag nog niet bekend.`;

export const yearHeader = (year: number) => String(year);

// The preview -------------------------------------------------------------------------------------------------------

export const ZXlsxRequest = z.object({
  fileName: z.string().trim().min(1, { message: 'Verplicht veld' }).max(255),
  /** The .xlsx file, base64. */
  content: z.string().max(MAX_XLSX_BASE64, { message: 'Het bestand is te groot: maximaal 7 MB' }),
});
export type TXlsxRequest = z.infer<typeof ZXlsxRequest>;

/** The commit names the preview it confirms: when the programme changed since, it is refused (409). */
export const ZXlsxCommit = ZXlsxRequest.extend({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, { message: 'Bekijk eerst de voorbeeldweergave' }),
});
export type TXlsxCommit = z.infer<typeof ZXlsxCommit>;

export const ZXlsxIssue = z.object({
  /** The sheet and row (1-based, as Excel numbers them) and the column header; null where the issue is the file's. */
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  /** An error blocks the import; a warning (a tijdpad Regie cannot read, an edited read-only cell) does not. */
  severity: z.enum(['error', 'warning']),
});
export type TXlsxIssue = z.infer<typeof ZXlsxIssue>;

export const ZFieldChange = z.object({ field: z.string(), column: z.string(), before: z.string(), after: z.string() });
export type TFieldChange = z.infer<typeof ZFieldChange>;

const ZRowChange = z.object({ sheet: z.string(), row: z.number().int(), id: ZId, title: z.string(), changes: z.array(ZFieldChange) });
const ZRowNew = z.object({ sheet: z.string(), row: z.number().int(), title: z.string(), theme: z.string(), changes: z.array(ZFieldChange) });

export const ZXlsxPreview = z.object({
  fileName: z.string(),
  updates: z.array(ZRowChange),
  creates: z.array(ZRowNew),
  unchanged: z.number().int(),
  /** Activities of the programme without a row in the file: not deleted. */
  missing: z.array(z.object({ id: ZId, title: z.string() })),
  issues: z.array(ZXlsxIssue),
  errorCount: z.number().int(),
  isValid: z.boolean(),
  hasChanges: z.boolean(),
  /** Names this preview; the commit sends it back. */
  fingerprint: z.string(),
});
export type TXlsxPreview = z.infer<typeof ZXlsxPreview>;

export const ZXlsxResult = z.object({ updated: z.number().int(), created: z.number().int() });
export type TXlsxResult = z.infer<typeof ZXlsxResult>;

// Reading cells -----------------------------------------------------------------------------------------------------

/** A cell as read: text, a number, or nothing. */
export type Cell = string | number | null;
/** A row of a sheet: its number and its cells by column key. */
export interface SheetRow {
  row: number;
  cells: Record<string, Cell>;
}

/** A text cell as the API stores it: trimmed, line ends unified. */
export const cellText = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c)).replace(/\r\n?/g, '\n').trim();

/** Several names in one cell: "Politie; Boa's". */
export const splitNames = (c: Cell | undefined) => cellText(c).split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
const nameKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** An amount in euros as cents: a number cell, or text as people type it ("€ 12.500,00", "12500", "1234.5"). */
export function parseEuros(c: Cell): number | undefined {
  if (typeof c === 'number') return Number.isFinite(c) ? Math.round(c * 100) : undefined;
  const t = cellText(c).replace(/[€\s\u00a0]/g, '');
  let plain: string | null = null;
  if (/^-?\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(t) || /^-?\d+(,\d{1,2})?$/.test(t)) plain = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+(\.\d{1,2})?$/.test(t)) plain = t;
  return plain === null ? undefined : Math.round(Number(plain) * 100);
}

// The comparison -----------------------------------------------------------------------------------------------------

export interface ThemeOption {
  id: string;
  label: string;
  title: string;
}
export interface OrganisationOption {
  id: string;
  name: string;
  shortName?: string | null;
}
/** A stored activity: what the sheet shows and what validation needs. */
export interface StoredActivity {
  id: string;
  version: number;
  themeId: string;
  title: string;
  explanation?: string | null;
  timeframeText: string;
  frequencyText: string;
  stakeholdersText: string;
  stakeholderIds: string[];
  responsibleIds: string[];
  goalIds: string[];
  status: string;
  position: number;
  /** What the read-only columns showed at export: an edit there is reported, not imported. */
  responsibles: string;
  statusLabel: string;
}
export interface StoredBudgetLine {
  id: string;
  version: number;
  parentId?: string | null;
  title: string;
  isPm: boolean;
  amounts: TBudgetAmount[];
  [field: string]: unknown;
}

/** A write the commit makes, through the API's service. */
export type PlannedWrite =
  | { kind: 'update'; entity: 'activities' | 'budget-lines'; id: string; version: number; patch: Record<string, unknown> }
  | { kind: 'create'; entity: 'activities'; record: Record<string, unknown> };

export interface Comparison {
  updates: z.infer<typeof ZRowChange>[];
  creates: z.infer<typeof ZRowNew>[];
  unchanged: number;
  missing: { id: string; title: string }[];
  issues: TXlsxIssue[];
  writes: PlannedWrite[];
}

interface ActivityInput {
  rows: SheetRow[];
  activities: StoredActivity[];
  themes: ThemeOption[];
  organisations: OrganisationOption[];
  /** Keys in the file that belong to an activity of another plan. */
  foreignIds: Set<string>;
  /** The plan's first year, for a tijdpad without one (as the API derives it). */
  planStartYear?: number;
}

const ACTIVITY_TEXT = ['title', 'timeframeText', 'frequencyText', 'stakeholdersText', 'explanation'] as const;
const header = (key: string) => [...ACTIVITY_COLUMNS, ...BUDGET_COLUMNS].find((c) => c.key === key)?.header ?? key;
const isBlankRow = (r: SheetRow) => Object.values(r.cells).every((c) => cellText(c) === '');

/** Matches a name to one option: by its label or name, else by its title or short name; ambiguous matches none. */
function matchOne<T>(text: string, options: T[], names: (o: T) => (string | null | undefined)[]): T[] {
  const k = nameKey(text);
  return options.filter((o) => names(o).some((n) => n && nameKey(n) === k));
}

/** Compares the activity sheet with the stored programme: what would change, what is new, and every row's errors. */
export function compareActivities(input: ActivityInput): Comparison {
  const sheet = SHEETS.activities;
  const out: Comparison = { updates: [], creates: [], unchanged: 0, missing: [], issues: [], writes: [] };
  const issue = (row: number, column: string | null, message: string, severity: TXlsxIssue['severity'] = 'error') =>
    out.issues.push({ sheet, row, column: column && header(column), message, severity });
  const byId = new Map(input.activities.map((a) => [a.id, a]));
  const themeLabel = new Map(input.themes.map((t) => [t.id, t.label]));
  const orgName = new Map(input.organisations.map((o) => [o.id, o.name]));
  const seen = new Map<string, number>();
  const nextPosition = new Map<string, number>();
  for (const a of input.activities) nextPosition.set(a.themeId, Math.max(nextPosition.get(a.themeId) ?? 0, a.position + 1));

  for (const r of input.rows) {
    if (isBlankRow(r)) continue;
    const key = cellText(r.cells.id);
    const stored = key ? byId.get(key) : undefined;
    if (key && !stored) {
      issue(r.row, 'id', input.foreignIds.has(key)
        ? 'Deze sleutel hoort bij een activiteit van een ander plan: exporteer dit programma opnieuw of maak de sleutel leeg voor een nieuwe activiteit'
        : `Onbekende sleutel "${quoted(key)}": laat de sleutel leeg voor een nieuwe activiteit`);
      continue;
    }
    if (key && seen.has(key)) {
      issue(r.row, 'id', `Deze sleutel staat ook in rij ${seen.get(key)}: elke activiteit staat één keer in het bestand`);
      continue;
    }
    if (key) seen.set(key, r.row);

    const errorsBefore = out.issues.filter((i) => i.severity === 'error').length;
    // Thema
    const themeText = cellText(r.cells.theme);
    let themeId = stored?.themeId;
    if (!themeText) issue(r.row, 'theme', 'Kies een thema');
    else if (!stored || themeText !== themeLabel.get(stored.themeId)) {
      const found = matchOne(themeText, input.themes, (t) => [t.label]);
      const matches = found.length ? found : matchOne(themeText, input.themes, (t) => [t.title]);
      if (matches.length === 1) themeId = matches[0].id;
      else issue(r.row, 'theme', matches.length ? `Meer dan één thema heet "${quoted(themeText)}": kies het uit de lijst` : `Onbekend thema "${quoted(themeText)}": kies een thema van dit programma uit de lijst`);
    }
    // Gekoppelde organisaties
    const orgNames = splitNames(r.cells.stakeholderIds);
    const storedOrgs = stored ? stored.stakeholderIds.map((id) => orgName.get(id) ?? '') : [];
    let stakeholderIds = stored?.stakeholderIds ?? [];
    if (nameKey(orgNames.join(';')) !== nameKey(storedOrgs.join(';'))) {
      stakeholderIds = [];
      for (const name of orgNames) {
        const matches = matchOne(name, input.organisations, (o) => [o.name, o.shortName]);
        if (matches.length === 1) stakeholderIds.push(matches[0].id);
        else issue(r.row, 'stakeholderIds', matches.length ? `Meer dan één organisatie heet "${quoted(name)}"` : `Onbekende betrokkene "${quoted(name)}": gebruik de naam van een organisatie zoals Regie hem kent`);
      }
    }
    // Read-only columns: reported, never imported.
    if (stored) {
      if (cellText(r.cells.status) !== stored.statusLabel) issue(r.row, 'status', 'De status wijzigt u in Regie, met een toelichting; deze wijziging wordt niet geïmporteerd', 'warning');
      if (cellText(r.cells.responsibles) !== stored.responsibles) issue(r.row, 'responsibles', 'Verantwoordelijken wijzigt u in Regie; deze wijziging wordt niet geïmporteerd', 'warning');
    }
    if (out.issues.filter((i) => i.severity === 'error').length > errorsBefore || !themeId) continue;

    const texts = Object.fromEntries(ACTIVITY_TEXT.map((f) => [f, cellText(r.cells[f])]));
    const fields: Record<string, unknown> = { ...texts, explanation: texts.explanation || null, themeId, stakeholderIds };
    const base = stored ?? { themeId, title: '', timeframeText: '', frequencyText: '', stakeholdersText: '', explanation: null, stakeholderIds: [], responsibleIds: [], goalIds: [], status: 'not_started' };
    const changed = Object.keys(fields).filter((f) => JSON.stringify(fields[f] ?? null) !== JSON.stringify((base as Record<string, unknown>)[f] ?? null));
    if (stored && !changed.length) {
      out.unchanged++;
      continue;
    }
    if (stored && changed.includes('themeId') && stored.goalIds.length) {
      issue(r.row, 'theme', 'Deze activiteit dient doelen van haar thema: koppel die eerst los in Regie om haar naar een ander thema te verplaatsen');
      continue;
    }
    const position = stored?.position ?? nextPosition.get(themeId) ?? 0;
    if (!stored) nextPosition.set(themeId, position + 1);
    const merged = { ...(stored ?? {}), ...fields, position, responsibleIds: stored?.responsibleIds ?? [], goalIds: stored?.goalIds ?? [], status: stored?.status ?? 'not_started' };
    const parsed = ZActivityCreate.safeParse(merged);
    if (!parsed.success) {
      for (const e of toFieldErrors(parsed.error.issues)) issue(r.row, e.path.split('.')[0], e.message);
      continue;
    }
    // As the API: a tijdpad or frequency Regie cannot read is stored as written, and flagged.
    if (changed.includes('timeframeText') && texts.timeframeText && parseTimeframe(texts.timeframeText, input.planStartYear).kind === 'unparsed') {
      issue(r.row, 'timeframeText', `Regie kan het tijdpad "${quoted(texts.timeframeText)}" niet lezen; het wordt zo opgeslagen, maar staat niet op de planning`, 'warning');
    }
    if (changed.includes('frequencyText') && texts.frequencyText && parseFrequency(texts.frequencyText).kind === 'unparsed') {
      issue(r.row, 'frequencyText', `Regie kan de frequentie "${quoted(texts.frequencyText)}" niet lezen; ze wordt zo opgeslagen, zonder telling van de uitvoering`, 'warning');
    }
    const show = (f: string, v: unknown) => (f === 'themeId' ? themeLabel.get(String(v)) ?? '' : f === 'stakeholderIds' ? (v as string[]).map((id) => orgName.get(id) ?? id).join('; ') : String(v ?? ''));
    const changes = changed.map((f) => ({ field: f, column: header(f === 'themeId' ? 'theme' : f), before: stored ? show(f, (stored as unknown as Record<string, unknown>)[f]) : '', after: show(f, fields[f]) }));
    if (stored) {
      out.updates.push({ sheet, row: r.row, id: stored.id, title: String(fields.title), changes });
      out.writes.push({ kind: 'update', entity: 'activities', id: stored.id, version: stored.version, patch: Object.fromEntries(changed.map((f) => [f, fields[f]])) });
    } else {
      out.creates.push({ sheet, row: r.row, title: String(fields.title), theme: themeLabel.get(themeId) ?? '', changes: changes.filter((c) => c.after) });
      out.writes.push({ kind: 'create', entity: 'activities', record: { ...fields, position } });
    }
  }
  out.missing = input.activities.filter((a) => !seen.has(a.id)).map((a) => ({ id: a.id, title: a.title }));
  return out;
}

interface BudgetInput {
  rows: SheetRow[];
  lines: StoredBudgetLine[];
  /** The years with a column on the sheet, besides "per jaar". */
  years: number[];
  /** Whether the sheet has a "Per jaar" column. */
  hasPerYear: boolean;
}

const amountKey = (year: number | null) => (year === null ? 'perYear' : `y${year}`);
const sortAmounts = (a: TBudgetAmount[]) => [...a].sort((x, y) => (x.year ?? 0) - (y.year ?? 0));
const showAmounts = (l: { isPm: boolean; amounts: TBudgetAmount[] }) =>
  l.isPm ? PM_TEXT : sortAmounts(l.amounts).map((a) => `${a.year ?? PER_YEAR_HEADER.toLowerCase()}: ${(a.amountCents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2 })}`).join('; ');

/** Compares the budget sheet with the stored lines: a line's title and its amounts per year (or PM) can change. */
export function compareBudget(input: BudgetInput): Comparison {
  const sheet = SHEETS.budget;
  const out: Comparison = { updates: [], creates: [], unchanged: 0, missing: [], issues: [], writes: [] };
  const issue = (row: number, column: string | null, message: string) => out.issues.push({ sheet, row, column, message, severity: 'error' });
  const byId = new Map(input.lines.map((l) => [l.id, l]));
  const seen = new Map<string, number>();
  const columns = [...(input.hasPerYear ? [null] : []), ...input.years];
  for (const r of input.rows) {
    const key = cellText(r.cells.id);
    if (key === TOTAL_KEY || isBlankRow(r)) continue;
    const stored = byId.get(key);
    if (!key) {
      issue(r.row, header('id'), 'Nieuwe posten voegt u toe in Regie; in Excel wijzigt u de naam en de bedragen van bestaande posten');
      continue;
    }
    if (!stored) {
      issue(r.row, header('id'), `Onbekende sleutel "${quoted(key)}": deze post hoort niet bij dit programma`);
      continue;
    }
    if (seen.has(key)) {
      issue(r.row, header('id'), `Deze sleutel staat ook in rij ${seen.get(key)}: elke post staat één keer in het bestand`);
      continue;
    }
    seen.set(key, r.row);
    let isPm = false;
    let bad = false;
    const amounts: TBudgetAmount[] = [];
    for (const year of columns) {
      const raw = r.cells[amountKey(year)] ?? null;
      const column = year === null ? PER_YEAR_HEADER : yearHeader(year);
      if (cellText(raw) === '') continue;
      if (cellText(raw).toUpperCase() === PM_TEXT) {
        isPm = true;
        continue;
      }
      const cents = parseEuros(raw);
      if (cents === undefined) {
        issue(r.row, column, `Ongeldig bedrag "${quoted(cellText(raw))}": gebruik bijvoorbeeld 12500 of 12.500,00 (of ${PM_TEXT})`);
        bad = true;
      } else amounts.push({ year, amountCents: cents });
    }
    if (bad) continue;
    // Amounts of years without a column on the sheet stay as they are.
    const kept = stored.amounts.filter((a) => !columns.includes(a.year));
    const next = { title: cellText(r.cells.title), isPm, amounts: sortAmounts([...kept, ...amounts]) };
    const changed: string[] = [];
    if (next.title !== stored.title) changed.push('title');
    if (next.isPm !== stored.isPm || JSON.stringify(next.amounts) !== JSON.stringify(sortAmounts(stored.amounts))) changed.push('amounts');
    if (!changed.length) {
      out.unchanged++;
      continue;
    }
    const parsed = ZBudgetLineCreate.safeParse({ ...stored, ...next });
    if (!parsed.success) {
      for (const e of toFieldErrors(parsed.error.issues)) {
        issue(r.row, e.path.startsWith('amounts') ? PER_YEAR_HEADER : e.path === 'title' ? header('title') : null,
          e.path.startsWith('amounts') && next.isPm ? `Een PM-post heeft nog geen bedrag: haal ${PM_TEXT} weg of maak de bedragen leeg` : e.message);
      }
      continue;
    }
    const changes = changed.map((f) => f === 'title'
      ? { field: 'title', column: header('title'), before: stored.title, after: next.title }
      : { field: 'amounts', column: 'Bedragen', before: showAmounts(stored), after: showAmounts(next) });
    out.updates.push({ sheet, row: r.row, id: stored.id, title: next.title, changes });
    const patch: Record<string, unknown> = {};
    if (changed.includes('title')) patch.title = next.title;
    if (changed.includes('amounts')) Object.assign(patch, { isPm: next.isPm, amounts: next.amounts });
    out.writes.push({ kind: 'update', entity: 'budget-lines', id: stored.id, version: stored.version, patch });
  }
  return out;
}
