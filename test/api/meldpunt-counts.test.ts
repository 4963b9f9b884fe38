import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../src/server/core/access.ts';
import { insertMelding } from '../../src/server/meldpunt/repository.ts';
import { newTraceId } from '../../src/server/meldpunt/processing-log.ts';
import { refreshCounts } from '../../src/server/meldpunt/counts.ts';
import { stepVersion } from '../../src/server/documents/versions.ts';
import { MELDPUNT_SOURCE } from '../../src/domain/meldpunt-overview.ts';
import { loadDemoIfEmpty } from '../../src/server/demo.ts';
import { DEMO_LINKED_INDICATOR } from '../../src/server/meldpunt/demo.ts';
import { createTestDb } from '../db.ts';
import { make, useApi } from '../api.ts';
import { meldpuntFixture, type MeldpuntFixture } from '../meldpunt.ts';

/*
 * The meldpunt in figures (issue 13, part 5): monthly counts become measurements of a linked indicator (updated in
 * place, never twice, merged duplicates left out), small counts are "minder dan 5" in public documents, and the
 * overview for the OOV team with its who-may and its suppressed cells.
 */

const ctx = useApi();
let f: MeldpuntFixture;
let indicatorId: string;
let planId: string;

/** Stores a melding of a category, received at a time, optionally moved out of "nieuw" after some hours. */
async function melding(key: string, receivedAt: string, o: { status?: string; movedAfterHours?: number; outcome?: string } = {}) {
  const { id } = await ctx.db.transaction((tx) => insertMelding(tx, ctx.api.app.cipher, {
    municipalityId: f.municipality.id, categoryId: f.category(key).id, source: 'public', answers: { wat: 'Testmelding' }, receivedAt,
  }, newTraceId()));
  if (o.movedAfterHours !== undefined) {
    const at = new Date(Date.parse(receivedAt) + o.movedAfterHours * 3_600_000).toISOString();
    await ctx.db.query(`insert into melding_events (id, melding_id, kind, from_status, to_status, at) values ($1, $2, 'status', 'nieuw', 'in_behandeling', $3)`,
      [randomUUID(), id, at]);
    await ctx.db.query(`update meldingen set status = 'in_behandeling' where id = $1`, [id]);
  }
  if (o.status) await ctx.db.query('update meldingen set status = $2 where id = $1', [id, o.status]);
  if (o.outcome) await ctx.db.query(`update meldingen set triage = $2 where id = $1`, [id, JSON.stringify({ 3: { weging: 3, ernst: 'laag', uitkomst: o.outcome, toelichting: '' } })]);
  return id;
}

/** A page of the public site, without a session, following the redirect to the organisation's address. */
async function publicGet(url: string): Promise<{ status: number; body: string }> {
  let res = await ctx.api.app.inject({ method: 'GET', url });
  if (res.statusCode === 301) res = await ctx.api.app.inject({ method: 'GET', url: String(res.headers.location) });
  return { status: res.statusCode, body: res.body };
}

const measurements = async () => ((await ctx.api.get(`/measurements?indicatorId=${indicatorId}`)).body as { periodStart: string; value: number; source: string; isProvisional: boolean }[])
  .sort((a, b) => a.periodStart.localeCompare(b.periodStart));

beforeAll(async () => {
  f = await meldpuntFixture(ctx.api, ctx.db);
  planId = (await make.plan(ctx.api, { ownerId: f.municipality.id, title: 'Uitvoeringsprogramma Telstad', periodStart: '2024-Q1', periodEnd: '2025-Q4' })).id;
  // July 2024: three jeugdoverlast (one on the 31st at 23:30 Dutch time: still July); August: six and a merged duplicate.
  for (const d of ['2024-07-02T10:00:00Z', '2024-07-15T10:00:00Z', '2024-07-31T21:30:00Z']) await melding('jeugdoverlast', d, { movedAfterHours: 20 });
  for (let n = 1; n <= 6; n++) await melding('jeugdoverlast', `2024-08-${String(n + 1).padStart(2, '0')}T09:00:00Z`, { movedAfterHours: n <= 2 ? 24 * 20 : 2, outcome: n <= 5 ? 'geen_actie' : 'riec' });
  await melding('jeugdoverlast', '2024-08-20T09:00:00Z', { status: 'samengevoegd' });
  await melding('woonoverlast', '2024-08-05T09:00:00Z');
  indicatorId = (await make.indicator(ctx.api, { planId, name: 'Meldingen jongerenoverlast', unit: 'aantal', meldpuntCategoryKey: 'jeugdoverlast' })).id;
}, 120_000);

describe('counts for the safety plan', () => {
  it('refuses a category the municipality\'s meldpunt does not have', async () => {
    const res = await ctx.api.post('/indicators', { planId, name: 'Onzin', meldpuntCategoryKey: 'bestaat-niet' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'meldpuntCategoryKey', message: 'Het meldpunt van deze gemeente heeft deze categorie niet' }]);
  });

  it('turns the monthly counts into measurements, merged duplicates left out, and updates them in place', async () => {
    const first = await f.as.behandelaar.request('POST', `/meldpunt/counts/refresh?municipality=${f.municipality.id}`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.created).toBeGreaterThan(2);
    let ms = await measurements();
    expect(ms.slice(0, 3).map((m) => [m.periodStart, m.value, m.source])).toEqual([
      ['2024-07-01', 3, MELDPUNT_SOURCE], ['2024-08-01', 6, MELDPUNT_SOURCE], ['2024-09-01', 0, MELDPUNT_SOURCE],
    ]);
    expect(ms.at(-1)!.isProvisional).toBe(true);
    expect(ms.slice(0, -1).every((m) => !m.isProvisional)).toBe(true);

    // Again: nothing changes.
    const again = await f.as.adviseur.request('POST', `/meldpunt/counts/refresh?municipality=${f.municipality.id}`);
    expect(again.body).toMatchObject({ created: 0, updated: 0 });

    // One more in July: the July measurement is updated, not written twice.
    await melding('jeugdoverlast', '2024-07-20T10:00:00Z');
    const third = await refreshCounts(ctx.db, { municipalityId: f.municipality.id });
    expect(third).toMatchObject({ created: 0, updated: 1 });
    ms = await measurements();
    expect(ms.filter((m) => m.periodStart === '2024-07-01').map((m) => m.value)).toEqual([4]);
    expect(new Set(ms.map((m) => m.periodStart)).size).toBe(ms.length);
  });

  it('lets advisers and behandelaars refresh, and nobody else', async () => {
    const url = `/meldpunt/counts/refresh?municipality=${f.municipality.id}`;
    expect((await f.as.anoniem.request('POST', url)).status).toBe(401);
    expect((await f.as.beheerder.request('POST', url)).status).toBe(403);
    expect((await f.as['partner politie'].request('POST', url)).status).toBe(404);
    expect((await f.as['behandelaar andere gemeente'].request('POST', url)).status).toBe(404);
  });
});

describe('the meldpunt overview', () => {
  const url = () => `/meldpunt/overview?municipality=${f.municipality.id}&from=2024-07&to=2024-09`;
  type Cell = { count: number | null; isSmall: boolean };
  const category = (body: { categories: { key: string }[] }, key: string) => body.categories.find((c) => c.key === key) as unknown as
    { months: Cell[]; total: Cell; handled: Cell; withinNorm: Cell; withinNormPercent: number | null };

  it('gives a behandelaar the exact counts per category and month, response times and triage outcomes', async () => {
    const res = await f.as.behandelaar.get(url());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.months).toEqual(['2024-07', '2024-08', '2024-09']);
    expect(res.body.isSuppressed).toBe(false);
    const jeugd = category(res.body, 'jeugdoverlast');
    expect(jeugd.months.map((m) => m.count)).toEqual([4, 6, 0]);
    expect(jeugd.total.count).toBe(10);
    // Nine moved out of "nieuw": two after twenty days (over the norm of five working days), seven within.
    expect(jeugd.handled.count).toBe(9);
    expect(jeugd.withinNorm.count).toBe(7);
    expect(jeugd.withinNormPercent).toBe(78);
    expect(res.body.triageOutcomes).toEqual([
      { outcome: 'geen_actie', count: { count: 5, isSmall: false } }, { outcome: 'afdeling', count: { count: 0, isSmall: false } },
      { outcome: 'riec', count: { count: 1, isSmall: true } }, { outcome: 'nader_onderzoek', count: { count: 0, isSmall: false } },
    ]);
  });

  it('shows counts of 1 to 4 as "minder dan 5" to the adviser, and to a behandelaar of another category', async () => {
    const adviser = (await f.as.adviseur.get(url())).body;
    expect(adviser.isSuppressed).toBe(true);
    expect(category(adviser, 'jeugdoverlast').months).toEqual([{ count: null, isSmall: true }, { count: 6, isSmall: false }, { count: 0, isSmall: false }]);
    expect(category(adviser, 'woonoverlast').months[1]).toEqual({ count: null, isSmall: true });
    expect(adviser.triageOutcomes[2]).toEqual({ outcome: 'riec', count: { count: null, isSmall: true } });
    const woon = (await f.as['behandelaar woonoverlast'].get(url())).body;
    expect(category(woon, 'woonoverlast').months[1]).toEqual({ count: 1, isSmall: true });
    expect(category(woon, 'jeugdoverlast').months[0]).toEqual({ count: null, isSmall: true });
  });

  it('is for the municipality\'s own staff only', async () => {
    expect((await f.as.anoniem.get(url())).status).toBe(401);
    expect((await f.as.beheerder.get(url())).status).toBe(200);
    expect((await f.as['partner politie'].get(url())).status).toBe(404);
    expect((await f.as['behandelaar andere gemeente'].get(url())).status).toBe(404);
    expect((await f.as.adviseur.get(`/meldpunt/overview?municipality=${f.municipality.id}&from=2024-09&to=2024-07`)).status).toBe(422);
  });

  it('draws the counts as an SVG chart with a title and a description', async () => {
    const res = await f.as.adviseur.bytes(`/meldpunt/overview/chart.svg?municipality=${f.municipality.id}&from=2024-07&to=2024-09`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('image/svg+xml');
    const svg = res.bytes.toString('utf8');
    expect(svg).toContain('<title id="chart-title">Meldingen per maand</title>');
    expect(svg).toContain('Jeugdoverlast: 10.');
  });
});

describe('"minder dan 5" in public documents', () => {
  it('prints a meldpunt count of 1 to 4 as "minder dan 5" in the published progress report; staff see the number', async () => {
    const org = f.municipality.id;
    await refreshCounts(ctx.db, { municipalityId: org });
    const theme = await make.theme(ctx.api, { planId, number: '1', title: 'Jeugd' });
    await make.activity(ctx.api, { themeId: theme.id, title: 'Jongerenwerk in de avond', timeframeText: 'Q1-Q4 2024', frequencyText: 'Wekelijks' });
    await ctx.api.create('/measurements', { indicatorId, periodLabel: '2023', periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 3, source: 'Politie' });
    const opened = await ctx.api.post(`/plans/${planId}/rounds`, { quarter: '2024-Q3' });
    const closed = await ctx.api.post(`/rounds/${opened.body.id}/close`, { version: opened.body.version });
    expect(closed.status).toBe(200);
    const adopted = await ctx.api.post(`/rounds/${opened.body.id}/versions`, { adoptedBy: 'college', adoptedOn: '2024-10-08', decisionReference: 'Z/24/1' });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    await stepVersion(ctx.db, SYSTEM_CONTEXT, adopted.body.id, 'publish', { version: adopted.body.version });
    const html = (await publicGet(`/openbaar/${org}/${adopted.body.id}`)).body;
    const row = (label: string) => html.split('<tr').map((r) => r.replace(/<[^>]*>/g, '')).find((r) => r.includes(`${label}Gemeente`)) ?? '';
    expect(html).toContain('2024 juli');
    // July's three or four is "minder dan 5"; the police's three of 2023 is no meldpunt count and stays a number.
    expect(row('2024 juli')).toMatch(/\(per maand\)minder dan 5$/);
    expect(row('2023')).toMatch(/\(per jaar\)3/);
    expect(row('2024 augustus')).toMatch(/\(per maand\)6$/);
    // Staff read the true count.
    expect([3, 4]).toContain((await measurements()).find((m) => m.periodStart === '2024-07-01')!.value);
  });

  it('keeps counts out of the open data: a published plan\'s open data has no measurements', async () => {
    const v = await make.publishedVersion(ctx.api, planId, '2024-11-01');
    const res = await publicGet(`/openbaar/${f.municipality.id}/${v.id}/open-data.json`);
    expect(res.status).toBe(200);
    const text = res.body;
    expect(text).toContain('Meldingen jongerenoverlast');
    expect(text).not.toContain(MELDPUNT_SOURCE);
  });
});

describe('the demo meldpunt', () => {
  it('fills Huizen and Utrechtse Heuvelrug with fictional meldingen over the last year, and counts them into the linked indicator', async () => {
    const t = await createTestDb();
    try {
      const now = new Date('2026-06-15T10:00:00Z');
      const loaded = await loadDemoIfEmpty(t.db, 'demo-wachtwoord-123', { now });
      expect(loaded?.meldcode).toMatchObject({ municipality: 'Huizen', number: expect.stringMatching(/^M-20\d\d-\d{4}$/) });
      expect(loaded!.meldcode!.code.replace(/-/g, '')).toHaveLength(32);
      const rows = await t.db.query<{ cbs: string; n: number; statuses: string[]; sources: string[]; categories: number; first: string; last: string }>(
        `select o.cbs_code as cbs, count(*)::int as n, array_agg(distinct m.status order by m.status) as statuses,
                array_agg(distinct m.source order by m.source) as sources, count(distinct m.category_id)::int as categories,
                min(m.received_at) as first, max(m.received_at) as last
           from meldingen m join organisations o on o.id = m.municipality_id group by 1 order by 1`);
      // Huizen: 34 generated, and the one with consent that the forwarding demo uses (demo-forwards.ts).
      expect(rows.map((r) => [r.cbs, r.n])).toEqual([['GM0406', 35], ['GM1581', 24]]);
      for (const r of rows) {
        expect(r.statuses).toEqual(expect.arrayContaining(['nieuw', 'in_behandeling', 'afgesloten', 'wacht_op_melder']));
        expect(r.sources).toEqual(['internal', 'mma', 'public']);
        expect(r.categories).toBeGreaterThanOrEqual(4);
        expect(Date.parse(r.first)).toBeGreaterThan(now.getTime() - 366 * 86_400_000);
        expect(Date.parse(r.last)).toBeLessThanOrEqual(now.getTime());
      }
      const [triaged] = await t.db.query<{ n: number; kept: number }>(
        "select count(*)::int as n, count(retain_until)::int as kept from meldingen where triage ? '3'");
      expect(triaged.n).toBeGreaterThan(0);
      expect(triaged.kept).toBeGreaterThan(0);
      expect(await t.db.query("select 1 from meldingen where status = 'samengevoegd' and main_id is not null")).toHaveLength(2);
      expect((await t.db.query("select 1 from melding_messages where kind = 'question'")).length).toBeGreaterThan(0);
      // Fictional: the descriptions and contact details name no real street or person.
      const answers = (await t.db.query<{ a: string }>('select answers::text as a from meldingen')).map((r) => r.a).join(' ');
      expect(answers).toMatch(/Voorbeeld|Demo-/);
      const measurements = await t.db.query<{ value: number; source: string }>(
        `select me.value, me.source from measurements me join indicators i on i.id = me.indicator_id
          where i.name = $1 and i.meldpunt_category_key = 'jeugdoverlast' and me.source = $2 order by me.period_start`,
        [DEMO_LINKED_INDICATOR.name, MELDPUNT_SOURCE]);
      expect(measurements.length).toBeGreaterThanOrEqual(12);
      const [{ total }] = await t.db.query<{ total: number }>(
        `select count(*)::int as total from meldingen m join meldpunt_categories c on c.id = m.category_id
          join organisations o on o.id = m.municipality_id where o.cbs_code = 'GM0406' and c.key = 'jeugdoverlast' and m.status <> 'samengevoegd'`);
      expect(measurements.reduce((a, m) => a + m.value, 0)).toBe(total);
    } finally {
      await t.drop();
    }
  }, 180_000);
});
