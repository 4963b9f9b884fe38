import { beforeAll, describe, expect, it } from 'vitest';
import { formatEuro } from '../../src/domain/budget.ts';
import type { TRoundSnapshot } from '../../src/domain/rounds.ts';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { renderHtml } from '../../src/server/documents/html.ts';
import { progressReportTree, type ProgressReportContent } from '../../src/server/documents/reports.ts';
import type { TRole } from '../../src/domain/permissions.ts';
import { make, signIn, TEST_PASSWORD, useApi, type Api } from '../api.ts';
import { download as get, hasReaders, readWithRealReaders, squeeze, textOfXml, unzipEntry, zipEntries } from '../readers.ts';

const ctx = useApi();
const download = (url: string, session = ctx.api.session) => get(ctx.api, url, session);
const html = async (url: string) => {
  const res = await download(url);
  expect(res.status, url).toBe(200);
  return res.bytes.toString('utf8');
};
/** The text of an HTML page as one string without white space, so cells that wrap still match. */
const text = (page: string) => squeeze(textOfXml(page));

async function userWith(organisationId: string, role: TRole): Promise<Api> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@rapport.test`;
  await createUser(ctx.db, { email, name: `Demo ${role}`, password: TEST_PASSWORD, memberships: [{ organisationId, role }] }, SYSTEM);
  return ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
}

/** A progress entry (status and/or note) on an activity, at its current version. */
async function progress(activityId: string, body: Record<string, unknown>) {
  const { version } = (await ctx.api.get(`/activities/${activityId}`)).body;
  const res = await ctx.api.post(`/activities/${activityId}/progress`, { version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function openRound(planId: string, quarter: string) {
  const res = await ctx.api.post(`/plans/${planId}/rounds`, { quarter });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}
async function closeRound(round: { id: string; version: number }) {
  const res = await ctx.api.post(`/rounds/${round.id}/close`, { version: round.version });
  expect(res.status).toBe(200);
  return res.body as { snapshot: TRoundSnapshot };
}

/**
 * A programme with two rounds: Q2 2024 closed first, then changes (a status, an activity added and one deleted, a
 * measurement that moves an indicator's status), then Q3 2024 with updates, closed.
 */
const world = {} as {
  town: { id: string }; plan: { id: string }; safety: { id: string; title: string }; youth: { id: string };
  goal: { id: string; title: string }; finished: { id: string; title: string }; late: { id: string; title: string };
  lagging: { id: string; title: string }; added: { id: string; title: string }; removed: { id: string; title: string };
  indicator: { id: string; name: string }; line: { id: string }; q2: { id: string }; q3: { id: string }; q3Snapshot: TRoundSnapshot;
};

beforeAll(async () => {
  const api = ctx.api;
  world.town = await make.municipality(api);
  world.plan = await make.plan(api, { ownerId: world.town.id, title: 'Uitvoeringsprogramma Veiligheid Teststad', periodStart: '2023-Q1', periodEnd: '2024-Q4' });
  world.safety = await make.theme(api, { planId: world.plan.id, number: '1', title: 'Woninginbraken' });
  world.youth = await make.theme(api, { planId: world.plan.id, number: '2', title: 'Jeugd en veiligheid' });
  world.goal = await make.goal(api, { themeId: world.safety.id, title: 'Minder woninginbraken in de wijken' });
  world.finished = await make.activity(api, { themeId: world.safety.id, title: 'Inbraakpreventie-avond in Oost', timeframeText: 'Q1-Q4 2024', frequencyText: 'Eenmalig', goalIds: [world.goal.id] });
  world.late = await make.activity(api, { themeId: world.safety.id, title: 'Buurtpreventie-app uitrollen', timeframeText: 'Q1-Q4 2024', frequencyText: 'Eenmalig' });
  world.lagging = await make.activity(api, { themeId: world.youth.id, title: 'Integrale jeugdcontroles', timeframeText: 'Q1-Q4 2024', frequencyText: '4 maal per jaar' });
  world.removed = await make.activity(api, { themeId: world.youth.id, title: 'Voorlichting op scholen (geschrapt)', timeframeText: 'Q1-Q4 2024' });
  world.indicator = await make.indicator(api, {
    planId: world.plan.id, themeId: world.safety.id, goalId: world.goal.id, name: 'Aantal woninginbraken', unit: 'aantal',
    direction: 'lower_is_better', baselineValue: 120, baselineYear: 2022, targetKind: 'absolute', targetValue: 90, targetYear: 2025,
  });
  await make.measurement(api, { indicatorId: world.indicator.id, periodLabel: '2023', periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 130 });
  world.line = await make.budgetLine(api, { planId: world.plan.id, themeId: world.safety.id, title: 'Preventie', amounts: [{ year: 2024, amountCents: 2_000_000 }] });
  await make.spendingEntry(api, { budgetLineId: world.line.id, year: 2024, amountCents: 750_000, spentOn: '2024-05-01' });
  await progress(world.finished.id, { status: 'in_progress', note: 'Zaal geregeld' });

  const q2 = await openRound(world.plan.id, '2024-Q2');
  await closeRound(q2);
  world.q2 = q2;

  // Between the rounds: an activity added, one deleted, a measurement that turns the indicator from off track to on track.
  world.added = await make.activity(api, { themeId: world.youth.id, title: 'Hangplekkenaanpak Centrum', timeframeText: 'Q3 2024' });
  const removed = (await api.get(`/activities/${world.removed.id}`)).body;
  expect((await api.delete(`/activities/${world.removed.id}?version=${removed.version}`)).status).toBe(204);
  await make.measurement(api, { indicatorId: world.indicator.id, periodLabel: '2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 100 });

  const q3 = await openRound(world.plan.id, '2024-Q3');
  await progress(world.finished.id, { status: 'done', note: 'Avond gehouden met 80 bewoners' });
  await progress(world.late.id, { status: 'delayed', note: 'Leverancier van de app failliet; nieuwe aanbesteding' });
  world.q3 = q3;
  world.q3Snapshot = (await closeRound(q3)).snapshot;
}, 120_000);

describe('the progress report of a closed round', () => {
  it('holds per theme the done and delayed activities with their latest notes, the lagging ones, and the title', async () => {
    const page = await html(`/rounds/${world.q3.id}/report.html`);
    expect(page).toContain('<h1>Voortgangsrapportage Uitvoeringsprogramma Veiligheid Teststad Q3 2024</h1>');
    expect(page).toContain('<caption>Afgeronde activiteiten – Thema 1: Woninginbraken</caption>');
    const t = text(page);
    expect(t).toContain(squeeze('Inbraakpreventie-avond in Oost</th>'.replace(/<[^>]+>/g, '')));
    expect(t).toContain(squeeze('Avond gehouden met 80 bewoners'));
    expect(t).toContain(squeeze('Buurtpreventie-app uitrollen'));
    expect(t).toContain(squeeze('Leverancier van de app failliet; nieuwe aanbesteding'));
    // The youth controls lag: planned 3 times by the end of Q3, none recorded.
    expect(t).toContain(squeeze('Integrale jeugdcontroles (Thema 2: Jeugd en veiligheid): 0 van 3 keer (loopt achter)'));
    // Headings in order, never a skipped level.
    const levels = [...page.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
    levels.forEach((l, i) => i && expect(l, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1] + 1));
  });

  it('reports the indicators against their targets in words, and every chart has its table', async () => {
    const page = await html(`/rounds/${world.q3.id}/report.html`);
    const t = text(page);
    expect(t).toContain(squeeze('Aantal woninginbraken: Op koers.'));
    expect(t).toContain(squeeze('120 in 2022'));
    expect(t).toContain(squeeze('hoogstens 90 in 2025'));
    const figures = page.match(/<figure>/g)!.length;
    expect(figures).toBe(2); // the status chart and the indicator's
    // Each figure: an inline SVG named by its title and description, directly followed by a table with the figures.
    const pairs = [...page.matchAll(/<figure><svg[^>]* role="img" aria-labelledby="(fig\d-chart-title) (fig\d-chart-desc)">[\s\S]*?<\/figure>\n<table><caption>([^<]+)<\/caption>/g)];
    expect(pairs.map((p) => p[3])).toEqual(['Activiteiten per thema en status (aantallen)', 'Waarden van Aantal woninginbraken per periode']);
    expect(new Set(pairs.flatMap((p) => [p[1], p[2]])).size).toBe(4);
    // The indicator's table holds both measurements.
    const values = page.slice(page.indexOf('Waarden van Aantal woninginbraken'));
    expect(values).toMatch(/<td>2023<\/td><td class="num">130<\/td>/);
    expect(values).toMatch(/<td>2024<\/td><td class="num">100<\/td>/);
    // Word: the chart as SVG with a PNG fallback and alternative text.
    const docx = (await download(`/rounds/${world.q3.id}/report.docx`)).bytes;
    const media = zipEntries(docx).filter((n) => n.startsWith('word/media/'));
    expect(media.filter((n) => n.endsWith('.svg'))).toHaveLength(2);
    expect(media.filter((n) => n.endsWith('.png'))).toHaveLength(2);
    expect(unzipEntry(docx, 'word/document.xml')).toMatch(/<wp:docPr [^>]*descr="Lijngrafiek van Aantal woninginbraken\./);
  });

  it('has the budget figures of the budget-use module, per theme and in total', async () => {
    const use = (await ctx.api.get(`/plans/${world.plan.id}/budget`)).body.use;
    const page = await html(`/rounds/${world.q3.id}/report.html`);
    const total = `<th scope="row">Totaal</th><td class="num">${formatEuro(use.total.plannedCents)}</td><td class="num">${formatEuro(use.total.spentCents)}</td><td class="num">${formatEuro(use.total.remainingCents)}</td>`;
    expect(page).toContain(total);
    const theme = use.themes.find((x: any) => x.themeId === world.safety.id);
    expect(page).toContain(`<td>Thema 1: Woninginbraken</td><td class="num">${formatEuro(theme.plannedCents)}</td><td class="num">${formatEuro(theme.spentCents)}</td>`);
    expect(text(page)).toContain(squeeze('Aan dit thema is geen budget toegekend.'));
  });

  it('says what changed since the previous report; the first report says it is the first', async () => {
    const t = text(await html(`/rounds/${world.q3.id}/report.html`));
    expect(t).toContain(squeeze('Vergeleken met de rapportage van Q2 2024.'));
    expect(t).toContain(squeeze('Inbraakpreventie-avond in OostLooptGereed'));
    expect(t).toContain(squeeze('Buurtpreventie-app uitrollenNiet gestartVertraagd'));
    expect(t).toContain(squeeze('Nieuwe activiteitenHangplekkenaanpak Centrum'));
    expect(t).toContain(squeeze('Vervallen uit het programmaVoorlichting op scholen (geschrapt)'));
    expect(t).toContain(squeeze('Aantal woninginbrakenNiet op koersOp koers'));
    const first = text(await html(`/rounds/${world.q2.id}/report.html`));
    expect(first).toContain(squeeze('Dit is de eerste rapportage van dit programma'));
  });

  it('is the snapshot, not today’s data: edits after closing leave the report as it was', async () => {
    const before = await html(`/rounds/${world.q3.id}/report.html`);
    const finished = (await ctx.api.get(`/activities/${world.finished.id}`)).body;
    expect((await ctx.api.patch(`/activities/${world.finished.id}`, { title: 'Nieuwe titel na het sluiten', version: finished.version })).status).toBe(200);
    await progress(world.late.id, { status: 'in_progress', note: 'Toch weer gestart' });
    await make.measurement(ctx.api, { indicatorId: world.indicator.id, periodLabel: '2025', periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 80 });
    await make.spendingEntry(ctx.api, { budgetLineId: world.line.id, year: 2024, amountCents: 99_000, spentOn: '2024-11-01' });
    const after = await html(`/rounds/${world.q3.id}/report.html`);
    expect(after).toBe(before);
    expect(after).not.toContain('Nieuwe titel na het sluiten');
  });

  it('of a round closed before indicators and budget were recorded says so, and fills in nothing', async () => {
    const { indicators: _i, budget: _b, themes: _t, ...old } = world.q3Snapshot;
    const content: ProgressReportContent = {
      kind: 'progress_report', round: { id: world.q3.id, quarter: '2024-Q3', closedAt: world.q3Snapshot.takenAt, closedBy: 'Testgebruiker' },
      snapshot: { ...old, activities: old.activities.map(({ latestNote: _n, ...a }) => a) }, previous: null,
    };
    const page = renderHtml(progressReportTree(content));
    expect(page.match(/Niet vastgelegd bij het sluiten van deze ronde\./g)!.length).toBe(5); // indicators and budget of 2 themes, the budget chapter
    expect(page).not.toContain('<td class="num">€');
    // The delayed activity's note still comes from the round's own update.
    expect(text(page)).toContain(squeeze('Leverancier van de app failliet'));
  });

  it('exists for closed rounds only: an open round is refused with a Dutch message', async () => {
    const q4 = await openRound(world.plan.id, '2024-Q4');
    const res = await ctx.api.get(`/rounds/${q4.id}/report.html`);
    expect(res.status).toBe(409);
    expect(res.body.detail ?? res.body.title).toMatch(/gesloten ronde/);
    await closeRound(q4);
  });

  it('is read by the staff of the owner and audited as an export; 404 for the council, partners and anonymous', async () => {
    // Even of a published programme: the reports hold working notes; the council gets them as adopted versions.
    await make.publishedVersion(ctx.api, world.plan.id);
    expect((await download(`/plans/${world.plan.id}/document.html`, null)).status).toBe(200);
    const bestuurder = await userWith(world.town.id, 'bestuurder');
    const raadslid = await userWith(world.town.id, 'raadslid');
    const partner = await userWith((await ctx.api.create('/organisations', { kind: 'partner', partnerKind: 'police', name: `Politie ${Date.now()}` })).id, 'partner');
    for (const format of ['docx', 'pdf', 'html']) {
      for (const [url, name] of [[`/rounds/${world.q3.id}/report.${format}`, `voortgangsrapportage-uitvoeringsprogramma-veiligheid-teststad-2024-q3.${format}`],
        [`/plans/${world.plan.id}/evaluation.${format}`, `evaluatierapport-uitvoeringsprogramma-veiligheid-teststad.${format}`]]) {
        const own = await download(url, bestuurder.session);
        expect(own.status, url).toBe(200);
        expect(own.headers['content-disposition']).toBe(`attachment; filename="${name}"`);
        for (const other of [raadslid.session, partner.session, null]) expect((await download(url, other)).status, url).toBe(404);
      }
    }
    expect((await download('/rounds/00000000-0000-4000-8000-000000000000/report.pdf')).status).toBe(404);
    const audit = await ctx.db.query<{ entity: string; after: { document: string; format: string } }>(
      "select entity, after from audit_events where action = 'export' and entity_id = any($1::uuid[])", [[world.q3.id, world.plan.id]],
    );
    expect(audit.map((a) => `${a.entity}:${a.after.document}:${a.after.format}`)).toEqual(expect.arrayContaining([
      'update-rounds:progress_report:docx', 'update-rounds:progress_report:pdf', 'plans:evaluation:html',
    ]));
  });

  it.skipIf(!hasReaders('the real-reader test of the reports'))('opens in real readers: LibreOffice converts the .docx, pdftoppm renders both PDFs, the activities in the text', async () => {
    const titles = ['Inbraakpreventie-avond in Oost', 'Buurtpreventie-app uitrollen', 'Integrale jeugdcontroles', 'Aantal woninginbraken'];
    const report = await readWithRealReaders({
      docx: (await download(`/rounds/${world.q3.id}/report.docx`)).bytes,
      pdf: (await download(`/rounds/${world.q3.id}/report.pdf`)).bytes,
    }, titles);
    expect(report.pdf).toBeGreaterThan(1);
    expect(report.libreOffice).toBeGreaterThan(1);
    await readWithRealReaders({
      docx: (await download(`/plans/${world.plan.id}/evaluation.docx`)).bytes,
      pdf: (await download(`/plans/${world.plan.id}/evaluation.pdf`)).bytes,
    }, [...titles.slice(1), 'Minder woninginbraken in de wijken']); // the first was renamed after closing (above): the evaluation is live
  }, 240_000);
});

describe('the evaluation report', () => {
  it('says per goal and indicator what was achieved: activities by final status, baseline → target → latest, budget', async () => {
    const page = await html(`/plans/${world.plan.id}/evaluation.html`);
    expect(page).toContain('<h1>Evaluatierapport Uitvoeringsprogramma Veiligheid Teststad</h1>');
    const t = text(page);
    // The goal, with the activity linked to it (done) and its indicator's status.
    expect(t).toContain(squeeze('Minder woninginbraken in de wijken1 van 1 gereedAantal woninginbraken: Behaald'));
    // Baseline, target and the latest measurement (2025: 80, which meets the target of at most 90).
    expect(t).toContain(squeeze('Aantal woninginbraken120 in 2022hoogstens 90 in 202580 (2025)Behaald'));
    // Activities with their final status, planned against realised and the latest note.
    expect(t).toContain(squeeze('Integrale jeugdcontrolesNiet gestart0 van 4 keer (loopt achter)'));
    expect(t).toContain(squeeze('Toch weer gestart'));
    // Budget planned against spent, as the budget-use module has it now.
    const use = (await ctx.api.get(`/plans/${world.plan.id}/budget`)).body.use;
    expect(page).toContain(`<th scope="row">Totaal</th><td class="num">${formatEuro(use.total.plannedCents)}</td><td class="num">${formatEuro(use.total.spentCents)}</td>`);
    expect(page.match(/<figure>/g)!.length).toBe(2);
  });
});
