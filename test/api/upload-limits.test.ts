import { beforeAll, describe, expect, it } from 'vitest';
import { ISOLATION_LIMITS } from '../../src/server/core/upload.ts';
import { make, useApi } from '../api.ts';
import { download } from '../readers.ts';
import { readZipText, writeZip, type ZipInput } from '../zip.ts';

/*
 * Hostile uploads (review 2026-12, finding 4): an Excel zip bomb, an archive that lies about its sizes, sheets with too
 * many rows, a workbook that needs too much memory, and CSV files that are too wide, have too long cells or too many
 * figures. Each gets a clear refusal (an issue, or a problem+json on commit), a small answer, and no message repeats
 * more than about 200 characters of the file. The files are built in memory.
 */

const ctx = useApi();
let planId: string;
let exported: Buffer;

const MB = 1024 * 1024;
const xlsxPreview = (bytes: Buffer) => ctx.api.post(`/plans/${planId}/programme.xlsx/preview`, { fileName: 'programma.xlsx', content: bytes.toString('base64') });
const xlsxCommit = (bytes: Buffer) =>
  ctx.api.post(`/plans/${planId}/programme.xlsx/commit`, { fileName: 'programma.xlsx', content: bytes.toString('base64'), fingerprint: '0'.repeat(64) });
const csvPreview = (content: string) => ctx.api.post(`/plans/${planId}/measurement-imports/preview`, { fileName: 'cijfers.csv', content });

/** The exported workbook with some of its parts changed (by name) or added. */
function workbook(change: Record<string, (xml: string) => string | Buffer>, extra: ZipInput[] = [], declared: Record<string, number> = {}): Buffer {
  return writeZip([
    ...readZipText(exported).map(({ name, text }) => {
      const data = change[name] ? change[name](text) : text;
      return { name, data: typeof data === 'string' ? Buffer.from(data) : data, declaredSize: declared[name] };
    }),
    ...extra,
  ]);
}
/** The activity sheet with the theme cell of the first activity holding `text` (a Buffer for the largest). */
const themeCell = (text: string | Buffer) => (xml: string) => {
  const at = xml.search(/<c r="B2"/);
  const end = xml.indexOf('</c>', at) + 4;
  return Buffer.concat([Buffer.from(`${xml.slice(0, at)}<c r="B2" t="inlineStr"><is><t>`), Buffer.from(text), Buffer.from(`</t></is></c>${xml.slice(end)}`)]);
};
/** A sheet with `count` more rows of one number after its own. */
const moreRows = (count: number) => (xml: string) => {
  const last = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
  const rows = Array.from({ length: count }, (_, n) => `<row r="${last + n + 1}"><c r="A${last + n + 1}"><v>1</v></c></row>`).join('');
  return xml.replace('</sheetData>', `${rows}</sheetData>`);
};

/** The answer is small, and no message in it quotes more than about 200 characters of the file. */
function expectSmall(res: { body: unknown }) {
  const json = JSON.stringify(res.body);
  expect(json.length).toBeLessThan(100 * 1024);
  const messages = [...json.matchAll(/"message":"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) expect(m.length, m.slice(0, 100)).toBeLessThan(400);
}

beforeAll(async () => {
  const plan = await make.plan(ctx.api);
  planId = plan.id;
  const theme = await make.theme(ctx.api, { planId });
  await make.activity(ctx.api, { themeId: theme.id });
  exported = (await download(ctx.api, `/plans/${planId}/programme.xlsx`)).bytes;
  expect(exported.length).toBeGreaterThan(1000);
});

describe('Excel', () => {
  it('the exported workbook still reads, with no issues', async () => {
    const res = await xlsxPreview(workbook({}));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ issues: [], isValid: true, hasChanges: false });
  });

  it('a zip bomb (one cell that unpacks to 60 MB) is refused before it is read: one clear issue, a small answer', async () => {
    const bomb = workbook({ 'xl/worksheets/sheet1.xml': themeCell(Buffer.alloc(60 * MB, 'a')) });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const res = await xlsxPreview(bomb);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isValid: false, errorCount: 1, issues: [{ sheet: null, row: null, severity: 'error', message: expect.stringMatching(/^Dit bestand is uitgepakt te groot/) }] });
    expectSmall(res);
    const refused = await xlsxCommit(bomb);
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expectSmall(refused);
  });

  it('an entry that packs extremely well (a 5 MB cell) is refused too, though the whole stays under the limit', async () => {
    const res = await xlsxPreview(workbook({ 'xl/worksheets/sheet1.xml': themeCell(Buffer.alloc(5 * MB, 'a')) }));
    expect(res.body.issues).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Dit bestand is uitgepakt te groot/) })]);
    expectSmall(res);
  });

  it('an archive that declares small sizes but unpacks to more is refused: what is inflated is bounded, not only what is declared', async () => {
    const lying = workbook({ 'xl/worksheets/sheet1.xml': themeCell(Buffer.alloc(60 * MB, 'a')) }, [], { 'xl/worksheets/sheet1.xml': 20_000 });
    const res = await xlsxPreview(lying);
    expect(res.body.issues).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Dit bestand is uitgepakt te groot/) })]);
    expectSmall(res);
  });

  it('a long cell value is quoted in its issue cut to about 200 characters', async () => {
    const res = await xlsxPreview(workbook({ 'xl/worksheets/sheet1.xml': themeCell(`${'Onbekend '.repeat(5000)}`) }));
    expect(res.status).toBe(200);
    const issue = res.body.issues.find((i: { column: string }) => i.column === 'Thema');
    expect(issue.message).toMatch(/^Onbekend thema "Onbekend Onbekend .*…": kies een thema/);
    expect(issue.message.length).toBeLessThan(300);
  });

  it('reading stops at 5000 rows on any sheet: a sheet of 200,000 rows is refused without loading it', async () => {
    const res = await xlsxPreview(workbook({ 'xl/worksheets/sheet3.xml': moreRows(200_000) }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isValid: false, issues: [expect.objectContaining({ message: expect.stringMatching(/meer dan 5000 rijen/) })] });
    const activities = await xlsxPreview(workbook({ 'xl/worksheets/sheet1.xml': moreRows(6000) }));
    expect(activities.body.issues).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/meer dan 5000 rijen/) })]);
  });

  it('a workbook that needs more memory than its worker may use gets a clear issue, not a 500, and the server stays up', async () => {
    // One merged range of 4 million cells: exceljs makes a cell object for each. The worker's limit is lowered for the
    // test (the app runs in this process), so it is reached in seconds; a file within limits still reads under it.
    const merged = workbook({ 'xl/worksheets/sheet4.xml': (xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:T200000"/></mergeCells>') });
    const memoryMb = ISOLATION_LIMITS.memoryMb;
    ISOLATION_LIMITS.memoryMb = 64;
    try {
      expect((await xlsxPreview(workbook({}))).body).toMatchObject({ issues: [], isValid: true });
      const res = await xlsxPreview(merged);
      expect(res.status).toBe(200);
      expect(res.body.issues).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Dit bestand is te groot of te ingewikkeld om te lezen/) })]);
      expectSmall(res);
    } finally {
      ISOLATION_LIMITS.memoryMb = memoryMb;
    }
    expect((await ctx.api.get('/health')).status).toBe(200);
  });
});

describe('CSV', () => {
  it('a file with 100,000 columns is refused at the first line that is too wide', async () => {
    const wide = `regio_code;jaar;${Array.from({ length: 100_000 }, (_, n) => `c${n}`).join(';')}\nGM0406;2023;${'1;'.repeat(99_999)}1\n`;
    const res = await csvPreview(wide);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isValid: false, errors: [{ line: 1, message: expect.stringMatching(/meer dan 1000 kolommen/) }] });
    expectSmall(res);
  });

  it('a cell of 2 MB is refused, and is not repeated in the answer', async () => {
    const res = await csvPreview(`regio_code;jaar;waarde_x\nGM0406;"${'9'.repeat(2 * MB)}";1\n`);
    expect(res.body).toMatchObject({ isValid: false, errors: [{ line: 2, message: expect.stringMatching(/meer dan 1000 tekens/) }] });
    expectSmall(res);
  });

  it('a long cell value is quoted in its error cut to about 200 characters', async () => {
    const res = await csvPreview(`regio_code;jaar;waarde_x\nGM0406;${'9'.repeat(900)};1\n`);
    expect(res.body.errors[0].message).toMatch(/^Onbekende periode "9{200}…" \(regel 2\)/);
    expectSmall(res);
  });

  it('a file with more than 500,000 figures is refused', async () => {
    const periods = Array.from({ length: 600 }, () => '2023').join(';');
    const rows = Array.from({ length: 1000 }, (_, n) => `GM${String(n).padStart(4, '0')};${'.;'.repeat(599)}.`).join('\n');
    const res = await csvPreview(`Misdrijven\nPerioden;${periods}\nRegio's;${'aantal;'.repeat(599)}aantal\n${rows}\n`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isValid: false, errors: [expect.objectContaining({ message: expect.stringMatching(/meer dan 500\.000 cijfers/) })] });
    expectSmall(res);
  });
});
