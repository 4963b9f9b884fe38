import { beforeAll, describe, expect, it } from 'vitest';
import { readDemoDocuments } from '../../src/server/demo.ts';
import { grantRole } from '../../src/server/modules/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/modules/audit.ts';
import { importPlanDocuments } from '../../src/server/modules/import-documents.ts';
import { make, useApi } from '../api.ts';
import { download as downloadAs, hasReaders, readWithRealReaders, squeeze, textOfXml, unzipEntry } from '../readers.ts';

const ctx = useApi();
const download = (url: string, session = ctx.api.session) => downloadAs(ctx.api, url, session);


describe('the council document of the Huizen demo programme', () => {
  let planId: string;
  let titles: string[];
  beforeAll(async () => {
    const docs = readDemoDocuments();
    await importPlanDocuments(ctx.db, docs);
    const [huizen] = await ctx.db.query<{ id: string }>("select id from organisations where cbs_code = 'GM0406'");
    await grantRole(ctx.db, ctx.api.session!.userId, huizen.id, 'bestuurder', SYSTEM);
    const [plan] = await ctx.db.query<{ id: string }>("select id from plans where owner_id = $1 and kind = 'uvp'", [huizen.id]);
    planId = plan.id;
    const seed = docs.flatMap((d) => d.plans).find((p) => p.key === 'huizen-uvp-2023-2024')!;
    titles = seed.themes.flatMap((t) => t.activities.map((a) => a.title));
    expect(titles.length).toBeGreaterThan(30);
  });

  it('as HTML: Dutch, headings in order, every activity in a table with caption and column headers', async () => {
    const res = await download(`/plans/${planId}/document.html`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="uitvoeringsprogramma-veiligheid-huizen-[a-z0-9-]+\.html"$/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'; style-src 'sha256-/);
    const html = res.bytes.toString('utf8');
    expect(html).toMatch(/<html lang="nl">/);
    const levels = [...html.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => i && expect(l, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1] + 1));
    expect(html).toContain('<caption>Activiteiten – Thema 1: Districtelijk Thema Aanpak Ondermijnende Criminaliteit</caption>');
    expect(html).toContain('<th scope="col">Tijdpad</th><th scope="col">Frequentie</th><th scope="col">Betrokkenen</th>');
    const text = squeeze(textOfXml(html));
    for (const title of titles) expect(text, title).toContain(squeeze(title));
    // The budget chapter, in Dutch amounts, with its total.
    expect(html).toContain('<h2>Begroting</h2>');
    expect(html).toMatch(/<th scope="row">Totaal<\/th>(<td class="num">€&nbsp;[\d.]+,\d\d<\/td>|<td class="num">€\s[\d.]+,\d\d<\/td>)/u);
    // The export is in the audit log.
    const audit = await ctx.db.query<{ after: { format: string } }>("select after from audit_events where entity_id = $1 and action = 'export'", [planId]);
    expect(audit.map((a) => a.after.format)).toContain('html');
  });

  it('as Word: a valid .docx whose document holds every activity, with Word headings and a repeating table header', async () => {
    const res = await download(`/plans/${planId}/document.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/\.docx"$/);
    const xml = unzipEntry(res.bytes, 'word/document.xml');
    expect(xml).not.toBeNull();
    const text = squeeze(textOfXml(xml!));
    for (const title of titles) expect(text, title).toContain(squeeze(title));
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toMatch(/<w:tblHeader\/>/);
    expect(unzipEntry(res.bytes, 'word/styles.xml')).toMatch(/<w:lang w:val="nl-NL"/);
  });

  it('as PDF: a PDF file with the title in its metadata', async () => {
    const res = await download(`/plans/${planId}/document.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.bytes.toString('latin1')).toMatch(/\/Lang \(nl-NL\)/);
  });

  /*
   * Real readers: LibreOffice converts the .docx to PDF, pdftoppm renders both PDFs, and the text of each holds every
   * activity. Skipped – loudly – where LibreOffice or poppler-utils is not installed.
   */
  it.skipIf(!hasReaders('the real-reader test of the council documents'))('opens in real readers: LibreOffice converts the .docx, pdftoppm renders the PDFs, every activity in the text', async () => {
    const pages = await readWithRealReaders({
      docx: (await download(`/plans/${planId}/document.docx`)).bytes,
      pdf: (await download(`/plans/${planId}/document.pdf`)).bytes,
    }, titles);
    expect(pages.pdf).toBeGreaterThan(5);
    expect(pages.libreOffice).toBeGreaterThan(5);
  }, 180_000);
});

describe('who may download the council document', () => {
  it('is who may read the plan: 404 for others, and the file name is ASCII for any title', async () => {
    const { api } = ctx;
    const plan = await make.plan(api, { title: 'Veiligheid – Łódź & Zoë' });
    await make.theme(api, { planId: plan.id, title: 'Jeugd & veiligheid' });
    for (const format of ['docx', 'pdf', 'html']) {
      const own = await download(`/plans/${plan.id}/document.${format}`);
      expect(own.status, format).toBe(200);
      expect(own.headers['content-disposition']).toBe(`attachment; filename="veiligheid-odz-zoe.${format}"`);
      expect((await download(`/plans/${plan.id}/document.${format}`, null)).status, format).toBe(404);
    }
    expect((await download(`/plans/00000000-0000-4000-8000-000000000000/document.pdf`)).status).toBe(404);
  });
});
