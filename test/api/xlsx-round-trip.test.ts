import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDemoDocuments } from '../../src/server/demo.ts';
import { createUser, grantRole } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { importPlanDocuments } from '../../src/server/plans/import-documents.ts';
import { make, signIn, TEST_PASSWORD, useApi } from '../api.ts';
import { convertToPdf, download, hasReaders, readPdf, squeeze, unzipEntry, withScratch } from '../readers.ts';

/*
 * The Excel round trip on the Huizen demo programme: export the workbook, import it unchanged (nothing changes, nothing
 * is written, no audit rows), import it with one edited cell (exactly that change), import broken files (row-level
 * errors, nothing written), a stale preview (409), and who may do it. LibreOffice opens the workbook as a real reader.
 */

const ctx = useApi();
let planId: string;
let titles: string[];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const exported = async () => (await download(ctx.api, `/plans/${planId}/programme.xlsx`)).bytes;
const body = (bytes: Buffer) => ({ fileName: 'programma.xlsx', content: bytes.toString('base64') });
const preview = (bytes: Buffer, api = ctx.api, id = planId) => api.post(`/plans/${id}/programme.xlsx/preview`, body(bytes));
const commit = (bytes: Buffer, fingerprint: string, api = ctx.api) =>
  api.post(`/plans/${planId}/programme.xlsx/commit`, { ...body(bytes), fingerprint });

/** Everything in the audit trail except exports: what a write would add to. */
const writesAudited = async () =>
  (await ctx.db.query<{ n: number }>("select count(*)::int as n from audit_events where action <> 'export'"))[0].n;
const activityRows = async () =>
  ctx.db.query('select a.id, a.version, a.title, a.timeframe_text, a.frequency_text, a.explanation from activities a join themes t on t.id = a.theme_id where t.plan_id = $1 order by a.id', [planId]);

/** Opens the workbook, lets `change` edit it as a user would in Excel, and saves it. */
async function edited(bytes: Buffer, change: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  change(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const sheet = (book: ExcelJS.Workbook, name = 'Activiteiten') => book.getWorksheet(name)!;
/** A cell by row and column header. */
function cell(book: ExcelJS.Workbook, row: number, header: string, name = 'Activiteiten') {
  const ws = sheet(book, name);
  let column = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (c.value === header) column = n;
  });
  if (!column) throw new Error(`no column ${header}`);
  return ws.getCell(row, column);
}

beforeAll(async () => {
  const docs = readDemoDocuments();
  await importPlanDocuments(ctx.db, docs);
  const [huizen] = await ctx.db.query<{ id: string }>("select id from organisations where cbs_code = 'GM0406'");
  await grantRole(ctx.db, ctx.api.session!.userId, huizen.id, 'adviseur', SYSTEM);
  const [plan] = await ctx.db.query<{ id: string }>("select id from plans where owner_id = $1 and kind = 'uvp'", [huizen.id]);
  planId = plan.id;
  titles = docs.flatMap((d) => d.plans).find((p) => p.key === 'huizen-uvp-2023-2024')!.themes.flatMap((t) => t.activities.map((a) => a.title));
  expect(titles.length).toBeGreaterThan(30);
});

describe('export', () => {
  it('is an .xlsx with an activity row per activity (keyed by its id), the budget and the explanation, audited', async () => {
    const res = await download(ctx.api, `/plans/${planId}/programme.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="uitvoeringsprogramma-veiligheid-huizen-[a-z0-9-]+\.xlsx"$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Activiteiten', 'visible'], ['Begroting', 'visible'], ['Toelichting', 'visible'], ['Lijsten', 'hidden'],
    ]);
    const ws = sheet(book);
    expect(ws.getRow(1).values).toEqual([undefined, 'Sleutel', 'Thema', 'Activiteit', 'Tijdpad', 'Frequentie', 'Betrokkenen', 'Gekoppelde organisaties', 'Toelichting', 'Verantwoordelijk', 'Status']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const stored = await activityRows();
    expect(ws.rowCount - 1).toBe(stored.length);
    expect(ws.getColumn(1).values.slice(2).sort()).toEqual(stored.map((a) => a.id).sort());
    expect(ws.getColumn(3).values.slice(2)).toEqual(titles);
    // The theme column offers the programme's themes, also below the last activity.
    expect(unzipEntry(res.bytes, 'xl/worksheets/sheet1.xml')).toMatch(/<dataValidation type="list"[^>]*sqref="B2:B500"[^>]*><formula1>Lijsten!\$A\$2:\$A\$10<\/formula1>/);
    // The budget: euro cells and a totals row that reproduces the programme's totals.
    const budget = sheet(book, 'Begroting');
    const lines = await ctx.db.query('select id from budget_lines where plan_id = $1', [planId]);
    expect(budget.rowCount - 2).toBe(lines.length);
    const summary = (await ctx.api.get(`/plans/${planId}/budget`)).body;
    const totalRow = budget.getRow(budget.rowCount);
    expect(totalRow.getCell(1).value).toBe('Totaal');
    for (const t of summary.totals as { year: number | null; amountCents: number }[]) {
      expect(cell(book, budget.rowCount, t.year === null ? 'Per jaar' : String(t.year), 'Begroting').value, String(t.year)).toBe(t.amountCents / 100);
    }
    expect(cell(book, 2, '2023', 'Begroting').numFmt).toMatch(/€/);
    const audit = await ctx.db.query<{ after: { format: string } }>("select after from audit_events where entity_id = $1 and action = 'export'", [planId]);
    expect(audit.map((a) => a.after.format)).toContain('xlsx');
  });

  it('prints sensibly: landscape, fit to the width, the header row on every page', async () => {
    const sheetXml = unzipEntry(await exported(), 'xl/worksheets/sheet1.xml')!;
    expect(sheetXml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(sheetXml).toMatch(/<pageSetUpPr fitToPage="1"/);
    expect(unzipEntry(await exported(), 'xl/workbook.xml')).toMatch(/_xlnm\.Print_Titles[^<]*<\/definedName>|Print_Titles/);
  });
});

describe('import', () => {
  it('an unchanged file changes nothing: "geen wijzigingen", nothing written, no audit rows', async () => {
    const bytes = await exported();
    const before = await activityRows();
    const audited = await writesAudited();
    const res = await preview(bytes);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ updates: [], creates: [], missing: [], errorCount: 0, isValid: true, hasChanges: false });
    expect(res.body.unchanged).toBe(before.length + (await ctx.db.query('select id from budget_lines where plan_id = $1', [planId])).length);
    expect(res.body.issues).toEqual([]);
    const done = await commit(bytes, res.body.fingerprint);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ updated: 0, created: 0 });
    expect(await activityRows()).toEqual(before);
    expect(await writesAudited()).toBe(audited);
  });

  it('one edited cell: exactly that change is previewed, and after the commit exactly that field changed', async () => {
    const before = await activityRows();
    const audited = await writesAudited();
    let id = '';
    let oldText = '';
    const bytes = await edited(await exported(), (book) => {
      id = String(cell(book, 5, 'Sleutel').value);
      oldText = String(cell(book, 5, 'Tijdpad').value ?? '');
      cell(book, 5, 'Tijdpad').value = 'Q3 2024';
    });
    const res = await preview(bytes);
    expect(res.body.isValid).toBe(true);
    expect(res.body.creates).toEqual([]);
    expect(res.body.updates).toEqual([{
      sheet: 'Activiteiten', row: 5, id, title: before.find((a) => a.id === id)!.title,
      changes: [{ field: 'timeframeText', column: 'Tijdpad', before: oldText, after: 'Q3 2024' }],
    }]);
    // The preview wrote nothing.
    expect(await activityRows()).toEqual(before);
    const done = await commit(bytes, res.body.fingerprint);
    expect(done.body).toEqual({ updated: 1, created: 0 });
    const after = await activityRows();
    expect(after.filter((a) => a.id !== id)).toEqual(before.filter((a) => a.id !== id));
    const was = before.find((a) => a.id === id)!;
    expect(after.find((a) => a.id === id)).toEqual({ ...was, timeframe_text: 'Q3 2024', version: (was.version as number) + 1 });
    // Through the API's service: the tijdpad is parsed again, and one audit row says what changed.
    const activity = (await ctx.api.get(`/activities/${id}`)).body;
    expect(activity.timeframe).toEqual({ kind: 'range', start: { year: 2024, quarter: 3 }, end: { year: 2024, quarter: 3 } });
    expect(await writesAudited()).toBe(audited + 1);
    const [row] = await ctx.db.query<{ action: string; entity: string }>('select action, entity from audit_events where entity_id = $1 order by id desc limit 1', [id]);
    expect(row).toEqual({ action: 'update', entity: 'activities' });
    // Exporting again and importing that: nothing to do.
    expect((await preview(await exported())).body.hasChanges).toBe(false);
  });

  it('a budget amount and a new activity (a row without a key); rows left out are listed, not deleted', async () => {
    const [line] = await ctx.db.query<{ id: string; amounts: { year: number | null; amountCents: number }[] }>(
      "select id, amounts from budget_lines where plan_id = $1 and not is_pm and amounts::text like '%2023%' order by position limit 1", [planId]);
    const themeLabel = { value: '' };
    let removedId = '';
    const bytes = await edited(await exported(), (book) => {
      const budget = sheet(book, 'Begroting');
      budget.eachRow((r, n) => {
        if (r.getCell(1).value === line.id) cell(book, n, '2023', 'Begroting').value = 12345.67;
      });
      const ws = sheet(book);
      themeLabel.value = String(cell(book, 2, 'Thema').value);
      removedId = String(cell(book, 3, 'Sleutel').value);
      ws.spliceRows(3, 1);
      const row = ws.rowCount + 1;
      cell(book, row, 'Thema').value = themeLabel.value;
      cell(book, row, 'Activiteit').value = 'Voorlichting over babbeltrucs in de bibliotheek';
      cell(book, row, 'Tijdpad').value = 'Q1 2024';
      cell(book, row, 'Gekoppelde organisaties').value = 'Politie';
    });
    const res = await preview(bytes);
    expect(res.body.errorCount, JSON.stringify(res.body.issues)).toBe(0);
    expect(res.body.updates).toHaveLength(1);
    expect(res.body.updates[0]).toMatchObject({ sheet: 'Begroting', id: line.id, changes: [{ field: 'amounts', column: 'Bedragen', after: expect.stringContaining('2023: 12.345,67') }] });
    expect(res.body.creates).toMatchObject([{ title: 'Voorlichting over babbeltrucs in de bibliotheek', theme: themeLabel.value }]);
    expect(res.body.missing.map((m: { id: string }) => m.id)).toEqual([removedId]);
    expect((await commit(bytes, res.body.fingerprint)).body).toEqual({ updated: 1, created: 1 });
    const [stored] = await ctx.db.query<{ amounts: { year: number | null; amountCents: number }[] }>('select amounts from budget_lines where id = $1', [line.id]);
    expect(stored.amounts).toEqual([...line.amounts.filter((a) => a.year !== 2023), { year: 2023, amountCents: 1_234_567 }]);
    const [created] = await ctx.db.query<{ id: string; timeframe: unknown; stakeholders: string[] }>(
      `select a.id, a.timeframe, (select array_agg(o.name) from activity_stakeholders s join organisations o on o.id = s.organisation_id where s.activity_id = a.id) as stakeholders
         from activities a where a.title = 'Voorlichting over babbeltrucs in de bibliotheek'`);
    expect(created.timeframe).toEqual({ kind: 'range', start: { year: 2024, quarter: 1 }, end: { year: 2024, quarter: 1 } });
    expect(created.stakeholders).toEqual(['Politie']);
    expect((await ctx.db.query('select 1 from activities where id = $1', [removedId])).length).toBe(1);
  });

  it('a broken file: row-level errors with sheet, row and column, and nothing written', async () => {
    const [other] = await ctx.db.query<{ id: string }>('select a.id from activities a join themes t on t.id = a.theme_id where t.plan_id <> $1 limit 1', [planId]);
    const before = await activityRows();
    const audited = await writesAudited();
    const bytes = await edited(await exported(), (book) => {
      cell(book, 2, 'Tijdpad').value = 'Q'.repeat(301);
      cell(book, 3, 'Sleutel').value = randomUUID();
      cell(book, 4, 'Thema').value = 'Fietsendiefstal';
      cell(book, 5, 'Sleutel').value = cell(book, 6, 'Sleutel').value;
      cell(book, 7, 'Gekoppelde organisaties').value = 'Politie; Stichting Onbekend';
      cell(book, 8, 'Sleutel').value = other.id;
      cell(book, 9, 'Activiteit').value = '';
      cell(book, 10, 'Tijdpad').value = 'na de zomer';
      cell(book, 11, 'Status').value = 'Gereed';
      cell(book, 3, '2023', 'Begroting').value = 'twaalf euro';
    });
    const res = await preview(bytes);
    expect(res.status).toBe(200);
    expect(res.body.isValid).toBe(false);
    const issues = (res.body.issues as { sheet: string; row: number; column: string; severity: string; message: string }[])
      .map((i) => [i.sheet, i.row, i.column, i.severity]);
    expect(issues).toEqual([
      ['Activiteiten', 2, 'Tijdpad', 'error'],
      ['Activiteiten', 3, 'Sleutel', 'error'],
      ['Activiteiten', 4, 'Thema', 'error'],
      ['Activiteiten', 6, 'Sleutel', 'error'],
      ['Activiteiten', 7, 'Gekoppelde organisaties', 'error'],
      ['Activiteiten', 8, 'Sleutel', 'error'],
      ['Activiteiten', 9, 'Activiteit', 'error'],
      ['Activiteiten', 10, 'Tijdpad', 'warning'],
      ['Activiteiten', 11, 'Status', 'warning'],
      ['Begroting', 3, '2023', 'error'],
    ]);
    const message = (row: number, sheetName = 'Activiteiten') => res.body.issues.find((i: { row: number; sheet: string }) => i.row === row && i.sheet === sheetName).message;
    expect(message(2)).toBe('Maximaal 300 tekens');
    expect(message(3)).toMatch(/^Onbekende sleutel/);
    expect(message(4)).toBe('Onbekend thema "Fietsendiefstal": kies een thema van dit programma uit de lijst');
    expect(message(6)).toBe('Deze sleutel staat ook in rij 5: elke activiteit staat één keer in het bestand');
    expect(message(7)).toMatch(/^Onbekende betrokkene "Stichting Onbekend"/);
    expect(message(8)).toMatch(/ander plan/);
    expect(message(9)).toBe('Verplicht veld');
    expect(message(10)).toMatch(/kan het tijdpad "na de zomer" niet lezen/);
    expect(message(3, 'Begroting')).toMatch(/^Ongeldig bedrag "twaalf euro"/);
    const refused = await commit(bytes, res.body.fingerprint);
    expect(refused.status).toBe(422);
    expect(await activityRows()).toEqual(before);
    expect(await writesAudited()).toBe(audited);
  });

  it('not an Excel file, or a workbook without the sheet: an error for the file, nothing written', async () => {
    const notXlsx = await preview(Buffer.from('regio;periode;waarde\nGM0406;2023;5\n'));
    expect(notXlsx.status).toBe(200);
    expect(notXlsx.body).toMatchObject({ isValid: false, hasChanges: false, errorCount: 1, issues: [{ sheet: null, row: null, severity: 'error', message: expect.stringMatching(/^Dit is geen Excel-bestand/) }] });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Blad1').addRow(['Activiteit', 'Tijdpad']);
    const wrong = await preview(Buffer.from(await book.xlsx.writeBuffer()));
    expect(wrong.body.isValid).toBe(false);
    expect(wrong.body.issues.map((i: { message: string }) => i.message)).toContain('Het bestand heeft geen werkblad "Activiteiten": kies een bestand dat u uit Regie exporteerde');
    const missingColumn = await edited(await exported(), (b) => sheet(b).spliceColumns(4, 1));
    const res = await preview(missingColumn);
    expect(res.body.issues[0]).toMatchObject({ sheet: 'Activiteiten', row: 1, severity: 'error', message: expect.stringContaining('"Tijdpad"') });
    expect((await commit(missingColumn, res.body.fingerprint)).status).toBe(422);
  });

  it('a stale preview is refused (409): someone changed the programme since, and nothing of the file is written', async () => {
    let id = '';
    const bytes = await edited(await exported(), (book) => {
      id = String(cell(book, 6, 'Sleutel').value);
      cell(book, 6, 'Frequentie').value = 'Eens per 4 weken';
    });
    const res = await preview(bytes);
    expect(res.body.updates).toHaveLength(1);
    const current = (await ctx.api.get(`/activities/${id}`)).body;
    expect((await ctx.api.patch(`/activities/${id}`, { explanation: 'Intussen aangevuld', version: current.version })).status).toBe(200);
    const refused = await commit(bytes, res.body.fingerprint);
    expect(refused.status).toBe(409);
    const after = (await ctx.api.get(`/activities/${id}`)).body;
    expect(after.frequencyText).toBe(current.frequencyText);
    expect(after.explanation).toBe('Intussen aangevuld');
    // A fresh preview of the same file shows the change again, and may be committed.
    const again = await preview(bytes);
    expect((await commit(bytes, again.body.fingerprint)).body).toEqual({ updated: 1, created: 0 });
    expect((await ctx.api.get(`/activities/${id}`)).body.explanation).toBe(current.explanation ?? null);
  });
});

describe('an import into an adopted programme', () => {
  it('makes it a draft again, once, like an edit in Regie; an unchanged file leaves it adopted', async () => {
    const plan = await make.plan(ctx.api);
    const theme = await make.theme(ctx.api, { planId: plan.id });
    await make.activity(ctx.api, { themeId: theme.id, title: 'Keurmerk Veilig Ondernemen' });
    await make.activity(ctx.api, { themeId: theme.id, title: 'Weerbaarheidstraining' });
    await make.publishedVersion(ctx.api, plan.id);
    const file = (await download(ctx.api, `/plans/${plan.id}/programme.xlsx`)).bytes;
    const upload = async (bytes: Buffer) => {
      const previewed = (await preview(bytes, ctx.api, plan.id)).body;
      return ctx.api.post(`/plans/${plan.id}/programme.xlsx/commit`, { ...body(bytes), fingerprint: previewed.fingerprint });
    };
    expect((await upload(file)).status).toBe(200);
    expect((await ctx.api.get(`/plans/${plan.id}`)).body.status).toBe('published');
    const both = await edited(file, (book) => {
      cell(book, 2, 'Toelichting').value = 'Met de KVO-partners';
      cell(book, 3, 'Toelichting').value = 'Twee keer per jaar';
    });
    expect((await upload(both)).body).toEqual({ updated: 2, created: 0 });
    expect((await ctx.api.get(`/plans/${plan.id}`)).body.status).toBe('draft');
  });
});

describe('who may export and import', () => {
  it('export: who reads the plan; import: its advisers – not the council, a partner or the public', async () => {
    const [huizen] = await ctx.db.query<{ id: string }>("select id from organisations where cbs_code = 'GM0406'");
    const [police] = await ctx.db.query<{ id: string }>("select id from organisations where partner_kind = 'police' limit 1");
    const as = async (role: 'raadslid' | 'partner', organisationId: string) => {
      const email = `${role}-${randomUUID().slice(0, 6)}@xlsx.test`;
      await createUser(ctx.db, { email, name: role, password: TEST_PASSWORD, memberships: [{ organisationId, role }] }, SYSTEM);
      return ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
    };
    const council = await as('raadslid', huizen.id);
    const partner = await as('partner', police.id);
    const bytes = await exported();
    const councils = await download(council, `/plans/${planId}/programme.xlsx`);
    expect(councils.status).toBe(200);
    // Who is responsible is internal: the staff's workbook names them, the council's leaves the column empty.
    const responsibles = async (bytes: Buffer) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      return Array.from({ length: sheet(book).rowCount - 1 }, (_, n) => String(cell(book, n + 2, 'Verantwoordelijk').value ?? '')).filter(Boolean);
    };
    expect((await responsibles(bytes)).length).toBeGreaterThan(0);
    expect(await responsibles(councils.bytes)).toEqual([]);
    expect((await preview(bytes, council)).status).toBe(403);
    expect((await commit(bytes, '0'.repeat(64), council)).status).toBe(403);
    expect((await preview(bytes, partner)).status).toBe(404);
    expect((await download(ctx.api, `/plans/${planId}/programme.xlsx`, null)).status).toBe(404);
    expect((await preview(bytes, ctx.api.as(null))).status).toBe(404);
    // Another municipality's adviser does not see the plan at all.
    const other = await make.municipality(ctx.api);
    const email = `adviseur-${randomUUID().slice(0, 6)}@xlsx.test`;
    await createUser(ctx.db, { email, name: 'adviseur', password: TEST_PASSWORD, memberships: [{ organisationId: other.id, role: 'adviseur' }] }, SYSTEM);
    expect((await preview(bytes, ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD)))).status).toBe(404);
  });
});

describe('in a real reader', () => {
  const hasThem = hasReaders('the real-reader test of the Excel workbook');
  it.skipIf(!hasThem)('LibreOffice converts the workbook to PDF, pdftoppm renders it, every activity in the text; saved by LibreOffice it imports unchanged', async () => {
    await withScratch(async (dir) => {
      const file = join(dir, 'programma.xlsx');
      writeFileSync(file, await exported());
      const { pages, text } = readPdf(dir, convertToPdf(dir, file));
      expect(pages).toBeGreaterThan(1);
      for (const title of titles) expect(squeeze(text), title).toContain(squeeze(title));
      expect(text).toContain('Totaal per jaar');
      // Saved again by LibreOffice Calc, as a user would after opening it: still no changes.
      const saved = await preview(readFileSync(convertToPdf(dir, file, 'xlsx')));
      expect(saved.body.issues).toEqual([]);
      expect(saved.body).toMatchObject({ isValid: true, hasChanges: false, updates: [], creates: [], missing: [] });
    });
  }, 180_000);
});
