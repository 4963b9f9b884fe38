import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TPlanExport } from '../../src/domain/plan-views.ts';
import { readDemoDocuments } from '../../src/server/demo.ts';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { importPlanDocuments } from '../../src/server/plans/import-documents.ts';
import { SYSTEM_CONTEXT } from '../../src/server/core/access.ts';
import { getRecord, listRecords } from '../../src/server/core/read.ts';
import { createRecord, updateRecord } from '../../src/server/core/write.ts';
import { ACCOUNT_RESOURCES } from '../../src/server/accounts/definitions.ts';
import { PLAN_RESOURCES } from '../../src/server/plans/resources.ts';

const RESOURCES = [...ACCOUNT_RESOURCES, ...PLAN_RESOURCES];
import { signIn, TEST_PASSWORD, useApi } from '../api.ts';
import { buildApp } from '../../src/server/app.ts';
import { publicStyleSheet } from '../../src/server/public-site/style-sheet.ts';
import { versionOf } from '../published-versions.ts';

const ctx = useApi();
const require = createRequire(import.meta.url);

/** A request to the public site, as a browser without cookies (or with the given session). */
async function visit(url: string, headers: Record<string, string> = {}) {
  const res = await ctx.api.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, headers: res.headers, body: res.body, bytes: res.rawPayload };
}

/** The text of a page without markup or white space (titles wrap in table cells). */
const squeeze = (s: string) => s.replace(/\s+/g, '');
const unescape = (s: string) => s.replace(/&(lt|gt|quot|#39|amp);/g, (_, x: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[x]!);
const textOf = (html: string) => squeeze(unescape(html.replace(/<[^>]+>/g, '')));

const ids: Record<string, string> = {};
/** Version 2's frozen content, as stored. */
let frozen: TPlanExport;
let titles: string[];
/** The day versions 1 and 2 were published (today), as the pages print it. */
let publishedOn: string;

const def = (name: string) => RESOURCES.find((r) => r.name === name)!;

beforeAll(async () => {
  const docs = readDemoDocuments();
  await importPlanDocuments(ctx.db, docs);
  const org = async (cbs: string) => (await ctx.db.query<{ id: string }>('select id from organisations where cbs_code = $1', [cbs]))[0].id;
  const planOf = async (owner: string, kind: string) =>
    (await ctx.db.query<{ id: string }>('select id from plans where owner_id = $1 and kind = $2', [owner, kind]))[0].id;
  ids.huizen = await org('GM0406');
  ids.laren = await org('GM0417');
  ids.uvp = await planOf(ids.huizen, 'uvp');
  ids.larenIvp = await planOf(ids.laren, 'ivp');
  titles = docs.flatMap((d) => d.plans).find((p) => p.key === 'huizen-uvp-2023-2024')!.themes.flatMap((t) => t.activities.map((a) => a.title));
  const { title } = await getRecord(ctx.db, def('plans'), ids.uvp);

  // Through the adoption workflow, each version after a real change: 1 and 2 published (2 is the newest), 3 adopted,
  // 4 sent to the council. Only 1 and 2 are public.
  ids.v1 = (await versionOf(ctx.db, ids.uvp, { title: 'Uitvoeringsprogramma (eerste versie)' })).id;
  // What the document does not print must not reach the open data: an e-mail address, an internal assignee.
  const [theme] = await ctx.db.query<{ id: string; holder: string }>(
    `select t.id, (select person_id from theme_portfolio_holders h where h.theme_id = t.id order by position limit 1) as holder
       from themes t where t.plan_id = $1 order by t.position limit 1`, [ids.uvp],
  );
  const holder = await getRecord(ctx.db, def('people'), theme.holder);
  await updateRecord(ctx.db, def('people'), holder.id, { email: 'burgemeester-geheim@huizen.nl', version: holder.version }, SYSTEM_CONTEXT);
  const intern = await createRecord(ctx.db, def('people'), { name: 'Interne Toegewezene', email: 'intern@huizen.nl', role: 'adviser', organisationId: ids.huizen }, SYSTEM_CONTEXT);
  const [activity] = await listRecords(ctx.db, def('activities'), { themeId: theme.id });
  await updateRecord(ctx.db, def('activities'), activity.id, { responsibleIds: [intern.id], version: activity.version }, SYSTEM_CONTEXT);
  const v2 = await versionOf(ctx.db, ids.uvp, { title: String(title) });
  ids.v2 = v2.id;
  publishedOn = new Date(String(v2.publishedAt)).toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });
  frozen = JSON.parse((await ctx.db.query<{ content: string }>('select content from document_versions where id = $1', [ids.v2]))[0].content);
  ids.v3 = (await versionOf(ctx.db, ids.uvp, { stage: 'adopted', title: 'Vastgesteld, niet gepubliceerd' })).id;
  ids.v4 = (await versionOf(ctx.db, ids.uvp, { stage: 'sent_to_council', title: 'Aan de raad, niet gepubliceerd' })).id;
  ids.laren1 = (await versionOf(ctx.db, ids.larenIvp)).id;
  // The live plan moves on after publication: a new draft activity is not public.
  await createRecord(ctx.db, def('activities'), { themeId: theme.id, title: 'Conceptactiviteit na publicatie' }, SYSTEM_CONTEXT);
  ids.draftPlan = (await createRecord(ctx.db, def('plans'), {
    kind: 'uvp', ownerId: ids.huizen, title: 'Conceptprogramma 2025-2026', periodStart: '2025-Q1', periodEnd: '2026-Q4',
  }, SYSTEM_CONTEXT)).id;
});

describe('the public site shows published versions', () => {
  it('lists the organisations that published something, with their address', async () => {
    const res = await visit('/openbaar');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<html lang="nl"');
    expect(res.body).toMatch(/<a class="utrecht-link utrecht-link--html-a" href="\/openbaar\/huizen">Huizen<\/a> <span[^>]*>\(2 publicaties\)/);
    expect(res.body).toContain('href="/openbaar/laren"');
    // Utrechtse Heuvelrug has plans, but nothing published.
    expect(res.body).not.toContain('Heuvelrug');
  });

  it('shows a municipality’s newest version of each document, the earlier ones below it, and nothing unpublished', async () => {
    const res = await visit('/openbaar/huizen');
    expect(res.status).toBe(200);
    const latest = res.body.indexOf(`href="/openbaar/huizen/${ids.v2}"`);
    const earlier = res.body.indexOf('Eerdere versies');
    expect(latest).toBeGreaterThan(0);
    expect(earlier).toBeGreaterThan(latest);
    expect(res.body.indexOf(`href="/openbaar/huizen/${ids.v1}"`)).toBeGreaterThan(earlier);
    expect(res.body).toContain(`Vastgesteld door college van b&amp;w op 13 juni 2023; gepubliceerd op ${publishedOn}`);
    for (const hidden of [ids.v3, ids.v4, ids.draftPlan, ids.uvp, 'niet gepubliceerd', 'Conceptprogramma']) expect(res.body).not.toContain(hidden);
    // The current programme's open data, announced in the head; not the earlier version's.
    expect(res.body).toContain(`<link rel="alternate" type="application/json" href="/openbaar/huizen/${ids.v2}/open-data.json"`);
    expect(res.body).not.toContain(`href="/openbaar/huizen/${ids.v1}/open-data.json"`);
  });

  it('answers a CBS code, an organisation id (the app links so), and an address with a trailing slash, with the one address of the page', async () => {
    for (const [from, to] of [
      ['/openbaar/GM0406', '/openbaar/huizen'], [`/openbaar/gm0406/${ids.v2}`, `/openbaar/huizen/${ids.v2}`],
      [`/openbaar/${ids.huizen}/${ids.v2}`, `/openbaar/huizen/${ids.v2}`],
      // And a trailing slash to the address without it.
      ['/openbaar/', '/openbaar'], ['/openbaar/huizen/', '/openbaar/huizen'], [`/openbaar/huizen/${ids.v2}/`, `/openbaar/huizen/${ids.v2}`],
    ]) {
      const res = await visit(from);
      expect(res.status, from).toBe(301);
      expect(res.headers.location).toBe(to);
    }
  });

  it('shows the frozen document in the site: every activity of the Huizen UVP, the version’s facts and its downloads', async () => {
    const res = await visit(`/openbaar/huizen/${ids.v2}`);
    expect(res.status).toBe(200);
    const text = textOf(res.body);
    for (const title of titles) expect(text, title).toContain(squeeze(title));
    // As adopted: a draft activity added afterwards is not in it.
    expect(res.body).not.toContain('Conceptactiviteit na publicatie');
    expect(res.body).toMatch(/<h1 class="utrecht-heading-1">Uitvoeringsprogramma/);
    expect(res.body).toContain('<table class="utrecht-table"><caption id="tabel-1" class="utrecht-table__caption">Activiteiten – Thema 1: Districtelijk Thema Aanpak Ondermijnende Criminaliteit</caption>');
    expect(res.body).toContain('<dt>Kenmerk</dt><dd>Z/23/123456</dd>');
    expect(res.body).toContain('<dt>Vastgesteld door</dt><dd>College van B&amp;W</dd>');
    expect(res.body).toContain(`<dt>Gepubliceerd op</dt><dd>${publishedOn}</dd>`);
    for (const file of ['document.pdf', 'document.docx', 'document.html', 'open-data.json', 'open-data.csv']) {
      expect(res.body).toContain(`href="/openbaar/huizen/${ids.v2}/${file}"`);
    }
    expect(res.body).toContain(`<link rel="alternate" type="application/json" href="/openbaar/huizen/${ids.v2}/open-data.json"`);
    expect(res.body).toContain(`<link rel="alternate" type="text/csv" href="/openbaar/huizen/${ids.v2}/open-data.csv"`);
    // The earlier version points to the newer one.
    expect((await visit(`/openbaar/huizen/${ids.v1}`)).body).toMatch(new RegExp(`Er is een nieuwere versie van dit document: <a [^>]*href="/openbaar/huizen/${ids.v2}"`));
  });

  it('draws a version adopted through the workflow from its frozen content as its stored HTML: same activities, same adoption facts', async () => {
    const [stored] = await ctx.db.query<{ html: string }>('select html from document_versions where id = $1', [ids.v2]);
    const page = (await visit(`/openbaar/huizen/${ids.v2}`)).body;
    const doc = page.slice(page.indexOf('<div class="regie-public-document">'), page.indexOf('</main>'));
    // What a screen reader reads of a cell: the page's column labels for phones are hidden from it (aria-hidden).
    const cells = (html: string) => [...html.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)]
      .map((m) => textOf(m[1].replace(/<span [^>]*aria-hidden="true">[^<]*<\/span>/g, '')));
    const facts = (html: string) => [...html.matchAll(/<dt[^>]*>([\s\S]*?)<\/dt><dd[^>]*>([\s\S]*?)<\/dd>/g)].map((m) => `${textOf(m[1])}: ${textOf(m[2])}`);
    const headings = (html: string) => [...html.matchAll(/<h([1-3])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => textOf(m[2]));
    // Every table cell (the activity tables, regular tasks, budget), every fact and heading, in the same order.
    expect(cells(doc).length).toBeGreaterThan(titles.length);
    expect(cells(doc)).toEqual(cells(stored.html));
    for (const title of titles) expect(cells(doc)).toContain(squeeze(title));
    expect(facts(doc)).toEqual(facts(stored.html));
    expect(headings(`${page.slice(page.indexOf('<main'), page.indexOf('<section'))}${doc}`)).toEqual(headings(stored.html));
    // The adoption stamped on both: the version, its stage, by whom and when, the reference; no live status.
    for (const fact of ['Versie: 2', 'Status: Vastgesteld', 'Vastgesteld door: College van B&W, 13 juni 2023', 'Kenmerk besluit: Z/23/123456']) {
      expect(facts(doc).map((f) => f.replace(/\s+/g, '')), fact).toContain(fact.replace(/\s+/g, ''));
    }
    expect(facts(doc).filter((f) => f.startsWith('Status:'))).toHaveLength(1);
    // And in the site's NL Design System classes, not the standalone document's.
    expect(doc).toContain('<table class="utrecht-table">');
    expect(doc).toContain('<h2 class="utrecht-heading-2">');
  });

  it('has a stable address per programme that leads to its newest published version, also by an earlier title', async () => {
    const slug = (await ctx.db.query<{ title: string }>('select title from document_versions where id = $1', [ids.v2]))[0].title
      .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    for (const path of [`/openbaar/huizen/${slug}`, '/openbaar/huizen/uitvoeringsprogramma-eerste-versie', `/openbaar/GM0406/${slug}`]) {
      let res = await visit(path);
      if (res.status === 301) res = await visit(String(res.headers.location));
      expect(res.status, path).toBe(302);
      expect(res.headers.location, path).toBe(`/openbaar/huizen/${ids.v2}`);
    }
    // Linked as a full URL to copy from the organisation's page and from every version's page: without a configured
    // public URL, the request's host (inject's is localhost:80); a forwarded host only counts from a trusted proxy.
    const link = (origin: string) => `<a class="utrecht-link utrecht-link--html-a" href="${origin}/openbaar/huizen/${slug}">${origin}/openbaar/huizen/${slug}</a>`;
    expect((await visit('/openbaar/huizen')).body).toContain(`Vaste link naar de nieuwste versie: ${link('http://localhost:80')}`);
    expect((await visit(`/openbaar/huizen/${ids.v1}`, { 'x-forwarded-host': 'phishing.example' })).body).toContain(link('http://localhost:80'));
    const configured = await buildApp(ctx.db, { publicUrl: 'https://regie.huizen.nl' });
    const behindProxy = await buildApp(ctx.db, { trustProxy: true });
    try {
      expect((await configured.inject({ url: `/openbaar/huizen/${ids.v1}` })).body).toContain(link('https://regie.huizen.nl'));
      const forwarded = await behindProxy.inject({ url: '/openbaar/huizen', headers: { 'x-forwarded-host': 'veiligheid.huizen.nl', 'x-forwarded-proto': 'https' } });
      expect(forwarded.body).toContain(link('https://veiligheid.huizen.nl'));
    } finally {
      await configured.close();
      await behindProxy.close();
    }
    // An unpublished version's title leads nowhere; neither does another organisation's programme.
    for (const path of ['/openbaar/huizen/vastgesteld-niet-gepubliceerd', '/openbaar/huizen/aan-de-raad-niet-gepubliceerd', `/openbaar/laren/${slug}`]) {
      expect((await visit(path)).status, path).toBe(404);
    }
  });

  it('serves the stored files byte for byte', async () => {
    const [stored] = await ctx.db.query<{ docx: Uint8Array; pdf: Uint8Array; html: string }>('select docx, pdf, html from document_versions where id = $1', [ids.v2]);
    const pdf = await visit(`/openbaar/huizen/${ids.v2}/document.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(pdf.bytes, Buffer.from(stored.pdf))).toBe(0);
    const docx = await visit(`/openbaar/huizen/${ids.v2}/document.docx`);
    expect(docx.headers['content-disposition']).toMatch(/^attachment; filename="uitvoeringsprogramma-veiligheid-huizen-[a-z0-9-]+-versie-2\.docx"$/);
    expect(Buffer.compare(docx.bytes, Buffer.from(stored.docx))).toBe(0);
    const html = await visit(`/openbaar/huizen/${ids.v2}/document.html`);
    expect(html.body).toBe(stored.html);
    expect(html.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
  });

  it('has caching headers and answers a repeat visit with 304', async () => {
    const first = await visit(`/openbaar/huizen/${ids.v2}`);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers.etag).toMatch(/^"[\w-]{27}"$/);
    const again = await visit(`/openbaar/huizen/${ids.v2}`, { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect((await visit(`/openbaar/huizen/${ids.v2}/document.pdf`)).headers['cache-control']).toBe('public, max-age=86400');
  });
});

describe('nothing else is reachable, also not by guessing addresses', () => {
  const unreachable = () => [
    `/openbaar/huizen/${ids.v3}`, // adopted, not published
    `/openbaar/huizen/${ids.v4}`, // sent to the council, not published
    `/openbaar/huizen/${ids.uvp}`, // the live plan's id
    `/openbaar/huizen/${ids.draftPlan}`, // a draft plan
    `/openbaar/huizen/${ids.laren1}`, // Laren's published version under Huizen's address
    `/openbaar/laren/${ids.v2}`, // and Huizen's under Laren's
    `/openbaar/huizen/${randomUUID()}`,
    '/openbaar/huizen/niet-een-id',
    "/openbaar/huizen/1'%20or%20'1'='1",
    `/openbaar/huizen/${ids.v3}/document.pdf`,
    `/openbaar/huizen/${ids.v3}/document.docx`,
    `/openbaar/huizen/${ids.v4}/document.html`,
    `/openbaar/huizen/${ids.v3}/open-data.json`,
    `/openbaar/huizen/${ids.v4}/open-data.csv`,
    `/openbaar/laren/${ids.v2}/open-data.json`,
    `/openbaar/huizen/${ids.v2}/geheim.txt`,
    '/openbaar/utrechtse-heuvelrug', // plans, but nothing published
    '/openbaar/GM1581',
    '/openbaar/nergens',
    `/openbaar/nergens/${ids.v2}`,
    '/openbaar/stijl/onbekend.css',
    '/openbaar/stijl/..%2F..%2Fpackage.json',
    `/openbaar/huizen/${ids.v2}/document.pdf/meer`,
  ];

  it('answers each with the same 404 page, anonymous and signed in alike', async () => {
    const bodies = new Set<string>();
    for (const session of [null, ctx.api.session]) {
      for (const url of unreachable()) {
        const res = await visit(url, session ? { cookie: session.cookie } : {});
        expect(res.status, url).toBe(404);
        expect(res.headers['content-type'], url).toMatch(/^text\/html/);
        expect(res.headers['cache-control'], url).toBe('no-store');
        bodies.add(res.body);
      }
    }
    expect(bodies.size).toBe(1);
    const [page] = bodies;
    expect(page).toContain('<h1 class="utrecht-heading-1">Pagina niet gevonden</h1>');
    expect(page).toContain('of het document is (nog) niet gepubliceerd');
  });
});

describe('open data of a published programme', () => {
  it('JSON: the frozen content with its licence, less e-mail addresses and people the document does not print', async () => {
    const res = await visit(`/openbaar/huizen/${ids.v2}/open-data.json`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const data = JSON.parse(res.body);
    expect(data.licence).toEqual({ id: 'CC0-1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.nl' });
    expect(data.publisher).toEqual({ name: 'Huizen', cbsCode: 'GM0406' });
    expect(data.version).toMatchObject({ id: ids.v2, number: 2, adoptedOn: '2023-06-13', decisionReference: 'Z/23/123456' });
    expect(Date.parse(data.version.publishedAt)).toBeGreaterThan(Date.now() - 600_000);
    expect(data.version.address).toMatch(new RegExp(`/openbaar/huizen/${ids.v2}$`));
    // The themes, goals, activities and budget as adopted.
    expect(data.plan.title).toBe(frozen.title);
    expect(data.plan.themes.map((t: { title: string }) => t.title)).toEqual(frozen.themes.map((t) => t.title));
    expect(data.plan.themes.flatMap((t: TPlanExport['themes'][number]) => t.activities.map((a) => a.title))).toEqual(titles);
    expect(data.plan.budgetLines).toEqual(frozen.budgetLines);
    // People: the portefeuillehouders and officials by name and function, never an address or an internal assignee.
    const printed = new Set(frozen.themes.flatMap((t) => [...t.portfolioHolderIds, ...t.officialIds]));
    expect(data.plan.people.length).toBe(printed.size);
    expect(data.plan.people.every((p: { id: string }) => printed.has(p.id))).toBe(true);
    expect(data.plan.people.some((p: { name: string }) => p.name === 'Niek Meijer')).toBe(true);
    for (const secret of ['burgemeester-geheim@huizen.nl', 'intern@huizen.nl', 'Interne Toegewezene', '"email"']) {
      expect(res.body).not.toContain(secret);
    }
    // Nobody is named as responsible for an activity (an internal assignment), though version 2 assigned the first one.
    expect(frozen.themes[0].activities[0].responsibleIds).toHaveLength(1);
    expect(data.plan.themes.flatMap((t: TPlanExport['themes'][number]) => t.activities.flatMap((a) => a.responsibleIds))).toEqual([]);
    // The frozen content has the assignment (the comparison shows it to the staff), but no e-mail address at all.
    expect(JSON.stringify(frozen)).toContain('Interne Toegewezene');
    expect(JSON.stringify(frozen)).not.toContain('@huizen.nl');
    // The workflow's facts are the version's, not the plan's.
    expect(data.plan.status).toBeUndefined();
  });

  it('CSV: the activity table in UTF-8 with a BOM and semicolons, one line per activity, as adopted', async () => {
    const res = await visit(`/openbaar/huizen/${ids.v2}/open-data.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body).toMatch(/^\uFEFFThemanummer;Thema;Activiteit;Tijdpad;Frequentie;Betrokkenen;Toelichting\r\n"/);
    const rows = parse<Record<string, string>>(res.body, { bom: true, delimiter: ';', columns: true });
    // Text that a spreadsheet would take for a formula ("- Actualiseren …" in a list) starts with an apostrophe.
    const cell = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    const expected = frozen.themes.flatMap((t) => t.activities.map((a) => ({
      Themanummer: t.number ?? '', Thema: cell(t.title), Activiteit: cell(a.title), Tijdpad: cell(a.timeframeText), Frequentie: cell(a.frequencyText),
      Betrokkenen: cell(a.stakeholdersText), Toelichting: cell(a.explanation ?? ''),
    })));
    expect(rows.some((r) => r.Toelichting.startsWith("'- "))).toBe(true);
    expect(rows).toEqual(expected);
    expect(rows.length).toBe(titles.length);
  });
});

describe('design tokens of the public site', () => {
  const asRole = async (role: 'beheerder' | 'adviseur') => {
    const email = `${role}-${randomUUID().slice(0, 6)}@huizen.test`;
    await createUser(ctx.db, { email, name: role, password: TEST_PASSWORD, memberships: [{ organisationId: ids.huizen, role }] }, SYSTEM);
    return ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
  };

  it('the beheerder sets colours, a header name and a contact address; the site carries them as NL Design System tokens', async () => {
    const beheerder = await asRole('beheerder');
    const { version } = (await beheerder.get(`/organisations/${ids.huizen}`)).body;
    const publicSite = { primaryColor: '#1A5A8C', linkColor: '#0B5394', headerName: 'Gemeente Huizen', contactEmail: 'webredactie@huizen.test' };
    const res = await beheerder.patch(`/organisations/${ids.huizen}`, { publicSite, version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.publicSite).toEqual(publicSite);

    const page = await visit('/openbaar/huizen');
    expect(page.body).toContain('<a class="regie-public-brand" href="/openbaar/huizen">Gemeente Huizen</a>');
    const sheet = /<link rel="stylesheet" href="(\/openbaar\/huizen\/huisstijl\.css\?v=[0-9a-f]{10})">/.exec(page.body)![1];
    const css = await visit(sheet);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('--utrecht-page-header-background-color: #1A5A8C;');
    expect(css.body).toContain('--utrecht-link-color: #0B5394;');
    expect(page.body).not.toMatch(/ style=/);
    expect((await visit('/openbaar/toegankelijkheid')).body).toContain('href="mailto:webredactie@huizen.test"');
  });

  it('refuses colours without enough contrast and malformed values field by field (422), and changes nothing', async () => {
    const beheerder = await asRole('beheerder');
    const before = (await beheerder.get(`/organisations/${ids.huizen}`)).body;
    const res = await beheerder.patch(`/organisations/${ids.huizen}`, {
      publicSite: { primaryColor: '#FFCC00', linkColor: 'blauw', contactEmail: 'geen adres' }, version: before.version,
    });
    expect(res.status).toBe(422);
    const errors = Object.fromEntries(res.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(errors['publicSite.primaryColor']).toMatch(/^De huisstijlkleur heeft te weinig contrast met wit \(1,51:1, nodig is 4,5:1 voor WCAG AA\)/);
    expect(errors['publicSite.linkColor']).toMatch(/kleurcode als #1A5A8C/);
    expect(errors['publicSite.contactEmail']).toBe('Ongeldig e-mailadres');
    expect((await beheerder.get(`/organisations/${ids.huizen}`)).body).toEqual(before);
  });

  it('is the beheerder’s: an adviser may not change it, and a partner organisation has none', async () => {
    const adviseur = await asRole('adviseur');
    const { version } = (await adviseur.get(`/organisations/${ids.huizen}`)).body;
    expect((await adviseur.patch(`/organisations/${ids.huizen}`, { publicSite: { primaryColor: '#000000' }, version })).status).toBe(403);
    const partner = await ctx.api.post('/organisations', { kind: 'partner', partnerKind: 'police', name: 'Politie (site)', publicSite: { primaryColor: '#000000' } });
    expect(partner.status).toBe(422);
    expect(partner.body.errors).toEqual([{ path: 'publicSite', message: 'Alleen een gemeente of samenwerking publiceert' }]);
  });
});

describe('every public page', () => {
  it('is HTML without any script, under a policy that allows none', async () => {
    const pages = ['/openbaar', '/openbaar/huizen', `/openbaar/huizen/${ids.v2}`, `/openbaar/huizen/${ids.v1}`, '/openbaar/laren',
      `/openbaar/laren/${ids.laren1}`, '/openbaar/toegankelijkheid', '/openbaar/nergens'];
    for (const url of pages) {
      const res = await visit(url);
      expect(res.body, url).not.toMatch(/<script/i);
      expect(res.body, url).not.toMatch(/\son[a-z]+=/i);
      expect(res.headers['content-security-policy'], url).toBe(
        "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'",
      );
      // Every style sheet it loads is served.
      for (const [, href] of res.body.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)) expect((await visit(href)).status, href).toBe(200);
    }
  });

  it('loads one style sheet with only the NL Design System rules and tokens it uses, well under 60 kB, cached for good', async () => {
    const pages = ['/openbaar', '/openbaar/huizen', `/openbaar/huizen/${ids.v2}`, `/openbaar/laren/${ids.laren1}`, '/openbaar/toegankelijkheid', '/openbaar/nergens'];
    const { name, css } = publicStyleSheet();
    expect(name).toMatch(/^site-[0-9a-f]{12}\.css$/);
    const res = await visit(`/openbaar/stijl/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe(css);
    expect(Buffer.byteLength(css)).toBeLessThan(45_000);
    for (const old of ['tokens.css', 'utrecht.css', 'site.css']) expect((await visit(`/openbaar/stijl/${old}`)).status, old).toBe(404);

    const full = readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8');
    const tokens = readFileSync(require.resolve('@utrecht/design-tokens/dist/index.css'), 'utf8');
    const hasRules = (sheet: string, cls: string) => new RegExp(`\\.${cls}(?![\\w-])[^{}]*\\{`).test(sheet);
    const used = new Set<string>();
    for (const url of pages) {
      const body = (await visit(url)).body;
      expect([...body.matchAll(/<link rel="stylesheet" href="\/openbaar\/stijl\/([^"]+)">/g)].map((m) => m[1]), url).toEqual([name]);
      for (const [, list] of body.matchAll(/class="([^"]+)"/g)) for (const c of list.split(' ')) if (c.startsWith('utrecht-')) used.add(c);
    }
    // Every class of the pages, the tables' cells included, has its rules, as far as NL Design System has any.
    expect([...used]).toEqual(expect.arrayContaining(['utrecht-table__cell', 'utrecht-heading-1', 'utrecht-heading-2', 'utrecht-skip-link--visible-on-focus']));
    for (const c of used) if (hasRules(full, c)) expect(hasRules(css, c), c).toBe(true);
    // Every token the kept rules read is there; most of the 1,400 are not.
    const defined = (sheet: string) => new Set([...sheet.matchAll(/(--utrecht-[\w-]+)\s*:/g)].map((m) => m[1]));
    const all = defined(tokens);
    const kept = defined(css);
    for (const [, read] of css.matchAll(/var\(\s*(--utrecht-[\w-]+)/g)) if (all.has(read)) expect(kept.has(read), read).toBe(true);
    expect(kept.size).toBeLessThan(all.size / 4);
  });

  it('gives every cell of a document table its column label, for the cards on a phone, hidden from screen readers', async () => {
    const body = (await visit(`/openbaar/huizen/${ids.v2}`)).body;
    const firstRow = /<tbody class="utrecht-table__body"><tr class="utrecht-table__row">([\s\S]*?)<\/tr>/.exec(body)![1];
    const labels = [...firstRow.matchAll(/<td[^>]*><span class="regie-public-cell-label" aria-hidden="true">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(labels.slice(0, 2)).toEqual(['Activiteit', 'Tijdpad']);
    expect(labels.length).toBe([...firstRow.matchAll(/<td/g)].length);
  });

  it('has the accessibility statement in Dutch: the standard, how it is tested and whom to contact', async () => {
    const res = await visit('/openbaar/toegankelijkheid');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<h1 class="utrecht-heading-1">Toegankelijkheidsverklaring</h1>');
    expect(res.body).toContain('WCAG) 2.1 op niveau A en AA');
    expect(res.body).toContain('axe-core');
    expect(res.body).toContain('Een probleem melden');
  });
});
