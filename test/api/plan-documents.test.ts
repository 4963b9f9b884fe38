import { beforeAll, describe, expect, it } from 'vitest';
import { readDemoDocuments } from '../../src/server/demo.ts';
import { grantRole } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { importPlanDocuments } from '../../src/server/plans/import-documents.ts';
import { SYSTEM_CONTEXT } from '../../src/server/core/access.ts';
import { planDocumentSource, versionTree } from '../../src/server/documents/index.ts';
import { renderHtml } from '../../src/server/documents/html.ts';
import { stampAdoption } from '../../src/server/documents/tree.ts';
import type { TPlanDoc } from '../../src/domain/plan-document.ts';
import { findPublishedVersion } from '../../src/server/public-site/queries.ts';
import { updateRecord } from '../../src/server/core/write.ts';
import { activities } from '../../src/server/plans/resources.ts';
import { make, useApi } from '../api.ts';
import { download as downloadAs, hasReaders, inspectPdf, readWithRealReaders, squeeze, structureElements, textOfXml, unzipEntry, zipEntries } from '../readers.ts';

const ctx = useApi();
const download = (url: string, session = ctx.api.session) => downloadAs(ctx.api, url, session);

// The demo's seeds, imported once for the file; the test user reads the plans of their organisations as a bestuurder.
beforeAll(async () => {
  await importPlanDocuments(ctx.db, readDemoDocuments());
  const orgs = await ctx.db.query<{ id: string }>(
    "select id from organisations where name in ('Huizen', 'Laren', 'Utrechtse Heuvelrug', 'Basisteam Heuvelrug')");
  expect(orgs).toHaveLength(4);
  for (const org of orgs) await grantRole(ctx.db, ctx.api.session!.userId, org.id, 'bestuurder', SYSTEM);
});


describe('the council document of the Huizen demo programme', () => {
  let planId: string;
  let titles: string[];
  let themeOneActivities: number;
  beforeAll(async () => {
    const docs = readDemoDocuments();
    const [huizen] = await ctx.db.query<{ id: string }>("select id from organisations where cbs_code = 'GM0406'");
    const [plan] = await ctx.db.query<{ id: string }>("select id from plans where owner_id = $1 and kind = 'uvp'", [huizen.id]);
    planId = plan.id;
    const seed = docs.flatMap((d) => d.plans).find((p) => p.key === 'huizen-uvp-2023-2024')!;
    titles = seed.themes.flatMap((t) => t.activities.map((a) => a.title));
    themeOneActivities = seed.themes[0].activities.length;
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
    expect(html).toMatch(/<h2 id="hoofdstuk-\d+">Begroting<\/h2>/);
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
   * The PDF is tagged (issue 12; the Besluit digitale toegankelijkheid overheid): poppler reads its structure tree –
   * headings, tables with header cells – and its metadata.
   */
  it.skipIf(!hasReaders('the tagged-PDF test'))('as PDF: tagged – headings in order, the activity table with column headers, the title and Dutch in its metadata', async () => {
    const pdf = await inspectPdf((await download(`/plans/${planId}/document.pdf`)).bytes);
    const [{ title }] = await ctx.db.query<{ title: string }>('select title from plans where id = $1', [planId]);
    expect(pdf.info).toMatch(/^Tagged:\s+yes$/m);
    expect(/^Title:\s+(.*)$/m.exec(pdf.info)?.[1]).toBe(title);
    expect(pdf.meta).toMatch(/<dc:language><rdf:Bag><rdf:li>nl(-NL)?<\/rdf:li><\/rdf:Bag><\/dc:language>/);
    expect(pdf.meta).toContain('<pdfuaid:part>1</pdfuaid:part>');
    // The title is the one H1, chapters H2, their parts H3: never a skipped level.
    const headings = [...pdf.structure.matchAll(/^\s*H([1-6]) "(.*)" \(block\)$/gm)].map((m) => ({ level: Number(m[1]), text: m[2] }));
    expect(headings[0]).toEqual({ level: 1, text: title });
    expect(headings.filter((h) => h.level === 1)).toHaveLength(1);
    headings.forEach((h, i) => i && expect(h.level, h.text).toBeLessThanOrEqual(headings[i - 1].level + 1));
    expect(headings).toEqual(expect.arrayContaining([
      { level: 2, text: 'Inhoudsopgave' }, { level: 2, text: 'Besluit' }, { level: 2, text: 'Begroting' },
      { level: 2, text: 'Thema 1: Districtelijk Thema Aanpak Ondermijnende Criminaliteit' }, { level: 3, text: 'Activiteiten' },
    ]));
    // The first theme's activity table (after its H3 "Activiteiten", up to the next heading): a Table with its caption
    // (Typst puts it in the Table, or – after some page breaks, a quirk of Typst 0.14 – beside it in a Div), a header
    // row of TH cells scoped to their column, and a row of TD cells per activity.
    const theme = pdf.structure.slice(pdf.structure.indexOf('H2 "Thema 1: Districtelijk Thema Aanpak Ondermijnende Criminaliteit"'));
    const activities = theme.slice(theme.indexOf('H3 "Activiteiten"')).split(/\n {2}H\d /)[0];
    const [table] = structureElements(activities, 'Table');
    expect(structureElements(activities, 'Caption')).toHaveLength(1);
    const headers = structureElements(structureElements(table, 'THead')[0], 'TH');
    expect(headers).toHaveLength(5);
    for (const th of headers) expect(th).toMatch(/\/Scope \/Column/);
    const [body] = structureElements(table, 'TBody');
    expect(structureElements(body, 'TR')).toHaveLength(themeOneActivities);
    expect(structureElements(body, 'TD')).toHaveLength(5 * themeOneActivities);
    expect(structureElements(body, 'TH')).toHaveLength(0);
    // Its caption and header row as text.
    const text = squeeze(pdf.pages.map((p) => p.text).join(''));
    expect(text).toContain(squeeze('Activiteiten – Thema 1: Districtelijk Thema Aanpak Ondermijnende Criminaliteit Activiteit Tijdpad Frequentie Betrokkenen Toelichting'));
  });

  it.skipIf(!hasReaders('the PDF page test'))('in PDF: the themes on landscape pages after a portrait start, the title in the header and page numbers in the footer', async () => {
    const { pages } = await inspectPdf((await download(`/plans/${planId}/document.pdf`)).bytes);
    const [{ title }] = await ctx.db.query<{ title: string }>('select title from plans where id = $1', [planId]);
    const landscape = pages.map((p) => p.width > p.height);
    const first = landscape.indexOf(true);
    expect(first).toBeGreaterThan(0);
    expect(landscape.slice(first).every(Boolean), 'landscape to the end').toBe(true);
    // The first landscape page starts (after its header) with the first theme.
    expect(squeeze(pages[first].text).startsWith(squeeze(`${title}Thema 1: Districtelijk Thema Aanpak Ondermijnende Criminaliteit`))).toBe(true);
    pages.forEach((p, i) => {
      expect(p.text, `page ${i + 1}`).toContain(title);
      expect(p.text, `page ${i + 1}`).toContain(`Pagina ${i + 1} van ${pages.length}`);
    });
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

  it('has a table of contents whose links reach the chapters, and every chapter in it', async () => {
    const html = (await download(`/plans/${planId}/document.html`)).bytes.toString('utf8');
    const nav = /<nav aria-label="Inhoudsopgave"><h2>Inhoudsopgave<\/h2><ol>(.*?)<\/ol><\/nav>/s.exec(html);
    expect(nav).not.toBeNull();
    const links = [...nav![1].matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ id: m[1], text: m[2] }));
    const chapters = [...html.matchAll(/<h2 id="([^"]+)">([^<]+)<\/h2>/g)].map((m) => ({ id: m[1], text: m[2] }));
    expect(links).toEqual(chapters);
    expect(links.map((l) => l.text)).toEqual(expect.arrayContaining(['Besluit', 'Inleiding', 'Thema 1: Districtelijk Thema Aanpak Ondermijnende Criminaliteit', 'Begroting']));
    for (const { id } of links) expect(html.match(new RegExp(`id="${id}"`, 'g')), id).toHaveLength(1);
    // The decision's points, numbered, near the start: before the first theme.
    expect(html).toMatch(/<h2 id="hoofdstuk-1">Besluit<\/h2>.*?<ol><li>Instemmen met het Uitvoeringsprogramma Veiligheid 2023-2024\.<\/li>/s);
  });

  it('in Word: the themes on landscape pages after a portrait start, the title in the header and page numbers in the footer', async () => {
    const bytes = (await download(`/plans/${planId}/document.docx`)).bytes;
    const xml = unzipEntry(bytes, 'word/document.xml')!;
    const sections = [...xml.matchAll(/<w:pgSz [^>]*>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).not.toMatch(/w:orient="landscape"/);
    expect(sections[1]).toMatch(/w:orient="landscape"/);
    expect(Number(/w:w="(\d+)"/.exec(sections[1])![1])).toBeGreaterThan(Number(/w:h="(\d+)"/.exec(sections[1])![1]));
    // The landscape section starts at the first theme: its heading (a bookmark) comes after the first section break.
    const anchor = /<w:hyperlink [^>]*w:anchor="([^"]+)"[^>]*>(?:(?!<\/w:hyperlink>).)*Thema 1: Districtelijk/s.exec(xml)![1];
    const heading = xml.indexOf(`w:name="${anchor}"`);
    expect(heading).toBeGreaterThan(xml.indexOf('<w:sectPr'));
    expect(xml.lastIndexOf('<w:pStyle w:val="Heading2"/>', heading)).toBeGreaterThan(xml.indexOf('<w:sectPr'));
    const headers = zipEntries(bytes).filter((n) => /^word\/header\d+\.xml$/.test(n));
    const footers = zipEntries(bytes).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(headers.length).toBeGreaterThan(0);
    expect(footers.length).toBeGreaterThan(0);
    expect(textOfXml(unzipEntry(bytes, headers[0])!)).toContain('Uitvoeringsprogramma veiligheid Huizen');
    const footer = unzipEntry(bytes, footers[0])!;
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    // The table of contents links to the chapters' bookmarks.
    const anchors = [...xml.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(5);
    for (const a of anchors) expect(xml.match(new RegExp(`<w:bookmarkStart w:name="${a}" `, 'g')), a).toHaveLength(1);
  });
});

/** The seed plans by key, as the demo imports them. */
function seedPlan(key: string): TPlanDoc {
  return readDemoDocuments().flatMap((d) => d.plans).find((p) => p.key === key)!;
}

async function planIdByTitle(title: string) {
  const [plan] = await ctx.db.query<{ id: string }>('select id from plans where title = $1', [title]);
  return plan.id;
}

/** The table row of the document (HTML) whose first cell is `name`. */
function rowOf(html: string, name: string): string {
  const cell = `<td>${name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</td>`;
  const at = html.indexOf(`<tr>${cell}`);
  expect(at, name).toBeGreaterThan(-1);
  return html.slice(at, html.indexOf('</tr>', at));
}

const nlNumber = (n: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }).format(n);
const euro = (cents: number) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);

describe('the plan documents of the IVPs and a local part', () => {
  it('Huizen IVP: mission and ambition, every indicator with its baseline and target, the budget per product and year', async () => {
    const seed = seedPlan('huizen-ivp-2019-2022');
    const planId = await planIdByTitle(seed.title);
    const html = (await download(`/plans/${planId}/document.html`)).bytes.toString('utf8');
    for (const chapter of ['Onze missie', 'Ambitie', 'Indicatoren', 'Begroting']) expect(html).toMatch(new RegExp(`<h2 id="hoofdstuk-\\d+">${chapter}</h2>`));
    expect(html).toContain('De inwoners van Huizen zijn betrokken en actieve burgers.');
    const indicators = [...seed.indicators, ...seed.themes.flatMap((t) => t.indicators)];
    expect(indicators.length).toBeGreaterThan(15);
    for (const i of indicators) {
      const row = rowOf(html, i.name);
      if (i.baselineYear) expect(row, i.name).toContain(`(${i.baselineYear})`);
      if (i.baselineValue != null) expect(row, i.name).toContain(nlNumber(i.baselineValue));
      if (i.targetText) expect(textOfXml(row), i.name).toContain(i.targetText);
    }
    // Dutch numbers with the unit, the year in brackets; a relative target as written.
    expect(rowOf(html, 'Gecertificeerde PolitieKeurmerk Veilig Wonen (PKVW)-woningen')).toContain('<td>4.535 woningen (2018)</td>');
    // The plan-level indicators in their own chapter, the theme's under its goals.
    expect(html.indexOf('Huizers die zich veilig voelen')).toBeLessThan(html.indexOf('>Thema 1: Georganiseerde en ondermijnende criminaliteit</h2>'));
    expect(html).toMatch(/<h3>Doelen<\/h3>\n<ul>(?:(?!<h).)*<\/ul>\n<h3>Indicatoren<\/h3>\n<table><caption>Indicatoren – Thema 1: Georganiseerde/s);
    // Per product and year with the subtotals the source document prints, then the specification of 2019.
    for (const printed of seed.printedTotals) {
      const section = printed.section!.replace(/&/g, '&amp;');
      const table = html.slice(html.indexOf(`<caption>Begroting – ${section}</caption>`));
      const subtotal = /<tr class="total"><th scope="row">Subtotaal [^<]*<\/th>(.*?)<\/tr>/.exec(table)![1];
      expect(subtotal, printed.label).toContain(euro(printed.amountCents));
    }
    expect(html).toMatch(/<caption>Begroting – Producten<\/caption><thead><tr><th scope="col">Post<\/th><th scope="col" class="num">2019<\/th><th scope="col" class="num">2020<\/th><th scope="col" class="num">2021<\/th><th scope="col" class="num">2022<\/th>/);
  });

  it('Laren IVP: the contradictory target as written, flagged in words', async () => {
    const planId = await planIdByTitle(seedPlan('laren-ivp-2019-2022').title);
    const html = (await download(`/plans/${planId}/document.html`)).bytes.toString('utf8');
    const row = rowOf(html, 'Aantal pogingen woninginbraken');
    expect(row).toContain('<td>20 (2017)</td>');
    expect(row).toContain('60 (-25%) (2021)');
    expect(row).toContain('Let op: dit doel spreekt de nulmeting tegen.');
    expect(row).toContain('Het percentage leidt tot 15, niet tot de genoemde doelwaarde.');
    // A target that fits its baseline is not flagged.
    expect(rowOf(html, 'Aantal auto-inbraken')).not.toContain('Let op');
  });

  it('Utrechtse Heuvelrug: the local part prints the joint themes first, marked as the joint part of the basisteam', async () => {
    const seed = seedPlan('utrechtse-heuvelrug-uvp-2023-2024');
    const joint = seedPlan('basisteam-heuvelrug-uvp-2023-2024');
    const planId = await planIdByTitle(seed.title);
    const html = (await download(`/plans/${planId}/document.html`)).bytes.toString('utf8');
    const text = squeeze(textOfXml(html));
    for (const a of [...joint.themes, ...seed.themes].flatMap((t) => t.activities)) expect(text, a.title).toContain(squeeze(a.title));
    const first = html.indexOf('>Thema 1.1: Ondermijning</h2>');
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThan(html.indexOf('>Thema 2.1: Ondermijning</h2>'));
    expect(html.slice(first)).toMatch(/^[^]*?<\/h2>\n<p>Gezamenlijk deel Basisteam Heuvelrug: dit thema staat in ‘Uitvoeringsprogramma 2023-2024 – gezamenlijk deel basisteam Heuvelrug’/);
    expect(html).not.toMatch(/>Thema 2\.1: Ondermijning<\/h2>\n<p>Gezamenlijk deel/);
    // The TOC names the joint themes too.
    expect(html).toMatch(/<a href="#hoofdstuk-\d+">Thema 1\.1: Ondermijning<\/a>/);
  });

  it('an adopted version draws the same document as the live plan when nothing changed (the tree is a function of content)', async () => {
    for (const key of ['huizen-ivp-2019-2022', 'utrechtse-heuvelrug-uvp-2023-2024']) {
      const planId = await planIdByTitle(seedPlan(key).title);
      const [{ owner_id: ownerId }] = await ctx.db.query<{ owner_id: string }>('select owner_id from plans where id = $1', [planId]);
      const adopted = await make.publishedVersion(ctx.api, planId);
      const version = (await findPublishedVersion(ctx.db, ownerId, adopted.id))!;
      const live = await planDocumentSource(ctx.db, planId, SYSTEM_CONTEXT);
      const stamped = stampAdoption(live.tree, version);
      const frozen = await versionTree(version);
      expect(frozen, key).toEqual(stamped);
      // The stored HTML file is the live plan's document with the adoption stamped on it.
      expect(version.html).toBe(renderHtml(stamped));
      if (key.startsWith('utrechtse')) expect(renderHtml(frozen)).toContain('Gezamenlijk deel Basisteam Heuvelrug');
    }
    // The local part prints the joint themes: an edit in the joint programme makes the adopted local part a draft again.
    const localId = await planIdByTitle(seedPlan('utrechtse-heuvelrug-uvp-2023-2024').title);
    const status = async () => (await ctx.db.query<{ status: string }>('select status from plans where id = $1', [localId]))[0].status;
    expect(await status()).toBe('published');
    const [joint] = await ctx.db.query<{ id: string; version: number }>(
      `select a.id, a.version from activities a join themes t on t.id = a.theme_id join plans p on p.id = t.plan_id
        where p.title = $1 order by a.position limit 1`, [seedPlan('basisteam-heuvelrug-uvp-2023-2024').title]);
    await updateRecord(ctx.db, activities, joint.id, { title: 'Een nieuwe gezamenlijke activiteit', version: joint.version }, SYSTEM_CONTEXT);
    expect(await status()).toBe('draft');
    expect((await download(`/plans/${localId}/document.html`)).bytes.toString('utf8')).toContain('Een nieuwe gezamenlijke activiteit');
  });

  it.skipIf(!hasReaders('the real-reader test of the IVP document'))('Huizen IVP in real readers: every indicator in the Word and PDF text', async () => {
    const seed = seedPlan('huizen-ivp-2019-2022');
    const planId = await planIdByTitle(seed.title);
    const names = [...seed.indicators, ...seed.themes.flatMap((t) => t.indicators)].map((i) => i.name);
    const pages = await readWithRealReaders({
      docx: (await download(`/plans/${planId}/document.docx`)).bytes,
      pdf: (await download(`/plans/${planId}/document.pdf`)).bytes,
    }, [...names, 'Inhoudsopgave', 'Subtotaal Producten', '€ 521.988,00']);
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

describe('user text in the PDF', () => {
  /*
   * Typst typesets the PDF: a title or text with Typst's markup or code in it must print as typed – never set a page
   * colour, import a package, read a file or end a string.
   */
  it.skipIf(!hasReaders('the PDF text test'))('prints as typed: Typst markup and code in a title, heading, table or list are text', async () => {
    const { api } = ctx;
    const title = 'Plan #set page(fill: red) *vet* _schuin_ $x^2$ @ref <label> [a] \\ `code` // geen commentaar " Zoë € 1.000';
    const plan = await make.plan(api, { title });
    const theme = await make.theme(api, { planId: plan.id, title: '= Geen kop #import "@preview/cetz:0.4.0": *', ambition: '- #read("/etc/passwd")\n"); #panic("x") //' });
    await make.activity(api, { themeId: theme.id, title: '#{ panic("code") } ]} \\u{41} <x> @y', explanation: '```raw``` ~ -- --- ... \\"' });
    const pdf = await inspectPdf((await download(`/plans/${plan.id}/document.pdf`)).bytes);
    expect(/^Title:\s+(.*)$/m.exec(pdf.info)?.[1]).toBe(title);
    const text = squeeze(pdf.pages.map((p) => p.text).join(''));
    for (const typed of [
      title, '= Geen kop #import "@preview/cetz:0.4.0": *', '#read("/etc/passwd")', '"); #panic("x") //',
      '#{ panic("code") } ]} \\u{41} <x> @y', '```raw``` ~ -- --- ... \\"',
    ]) expect(text, typed).toContain(squeeze(typed));
    expect(text).not.toContain('root:');
  });
});
