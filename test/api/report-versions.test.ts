import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import type { TRole } from '../../src/domain/permissions.ts';
import { Api, make, signIn, TEST_PASSWORD, useApi } from '../api.ts';

/*
 * Reports through the adoption workflow (issue 5, ADR 0014/0016): the progress report of a closed round and the
 * evaluation report are adopted, sent to the council and published like the plan – frozen byte for byte, without
 * touching the plan's own status – and the council reads them once adopted, the public once published.
 */

const ctx = useApi();

async function member(organisationId: string, role: TRole): Promise<Api> {
  const email = `${role}-${randomUUID().slice(0, 8)}@rapportversies.test`;
  await createUser(ctx.db, { email, name: role, password: TEST_PASSWORD, memberships: [{ organisationId, role }] }, SYSTEM);
  return ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
}

async function progress(activityId: string, body: Record<string, unknown>) {
  const { version } = (await ctx.api.get(`/activities/${activityId}`)).body;
  const res = await ctx.api.post(`/activities/${activityId}/progress`, { version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function round(planId: string, quarter: string, close = true) {
  const opened = await ctx.api.post(`/plans/${planId}/rounds`, { quarter });
  expect(opened.status).toBe(201);
  if (!close) return opened.body as { id: string };
  const closed = await ctx.api.post(`/rounds/${opened.body.id}/close`, { version: opened.body.version });
  expect(closed.status).toBe(200);
  return closed.body as { id: string };
}

const files = async (versionId: string, api = ctx.api) => ({
  docx: (await api.bytes(`/versions/${versionId}/document.docx`)).bytes,
  pdf: (await api.bytes(`/versions/${versionId}/document.pdf`)).bytes,
  html: (await api.bytes(`/versions/${versionId}/document.html`)).bytes,
});
const adoption = { adoptedBy: 'college', adoptedOn: '2024-10-08', decisionReference: 'Z/24/0815' };
const plan = async (id: string) => (await ctx.api.get(`/plans/${id}`)).body as { status: string; adoptedOn: string | null; decisionReference: string | null };

const world = {} as { org: { id: string }; plan: { id: string }; activity: { id: string }; q3: { id: string } };

beforeAll(async () => {
  const api = ctx.api;
  world.org = await make.municipality(api);
  world.plan = await make.plan(api, { ownerId: world.org.id, title: 'Uitvoeringsprogramma Veiligheid Rapportstad', periodStart: '2024-Q1', periodEnd: '2025-Q4' });
  const theme = await make.theme(api, { planId: world.plan.id, number: '1', title: 'Woninginbraken' });
  world.activity = await make.activity(api, { themeId: theme.id, title: 'Inbraakpreventie-avond in Oost', timeframeText: 'Q1-Q4 2024', frequencyText: 'Eenmalig' });
  await progress(world.activity.id, { status: 'delayed', note: 'Zaal geregeld voor de avond, datum verschoven' });
  world.q3 = await round(world.plan.id, '2024-Q3');
}, 120_000);

describe('the progress report of a closed round', () => {
  it('is adopted as a version of its own, stays byte-identical, and goes to the council and the public without touching the plan', async () => {
    const res = await ctx.api.post(`/rounds/${world.q3.id}/versions`, adoption);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const v = res.body;
    expect(v).toMatchObject({
      document: 'progress_report', roundId: world.q3.id, roundQuarter: '2024-Q3', planId: world.plan.id, ownerId: world.org.id,
      number: 1, status: 'adopted', title: 'Voortgangsrapportage Uitvoeringsprogramma Veiligheid Rapportstad Q3 2024',
      decisionReference: 'Z/24/0815',
    });
    const html = (await ctx.api.bytes(`/versions/${v.id}/document.html`)).bytes.toString('utf8');
    expect(html).toContain('Zaal geregeld voor de avond');
    expect(html).toContain('Z/24/0815');
    expect(html).toMatch(/Versie<\/dt>\s*<dd>1</);
    const docx = await ctx.api.bytes(`/versions/${v.id}/document.docx`);
    expect(docx.headers['content-disposition']).toBe('attachment; filename="voortgangsrapportage-uitvoeringsprogramma-veiligheid-rapportstad-q3-2024-versie-1.docx"');
    const audit = await ctx.db.query("select action, organisation_id from audit_events where entity = 'versions' and entity_id = $1 and action = 'create'", [v.id]);
    expect(audit).toEqual([{ action: 'create', organisation_id: world.org.id }]);

    // The plan is still a draft, with no adoption facts: a report is not the plan.
    expect(await plan(world.plan.id)).toMatchObject({ status: 'draft', adoptedOn: null, decisionReference: null });
    const before = await files(v.id);

    // Later: a new note, a new round closed, and the same report adopted again – refused, nothing changed.
    await progress(world.activity.id, { status: 'done', note: 'Avond gehouden met 80 bewoners' });
    await round(world.plan.id, '2024-Q4');
    const again = await ctx.api.post(`/rounds/${world.q3.id}/versions`, { ...adoption, adoptedOn: '2024-10-15' });
    expect(again.status).toBe(422);
    expect(again.body.title).toBe('Er is niets gewijzigd sinds versie 1: die is al vastgesteld');
    expect(await files(v.id)).toEqual(before);
    expect((await ctx.api.get(`/versions/${v.id}`)).body.contentHash).toBe(v.contentHash);

    // Ter kennisname, then published; the plan's status stays what it was.
    const sent = await ctx.api.post(`/versions/${v.id}/council`, { councilBody: 'commissie Bestuur', councilOn: '2024-11-05', version: v.version });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent_to_council', councilBody: 'commissie Bestuur', councilOn: '2024-11-05' });
    expect((await plan(world.plan.id)).status).toBe('draft');
    const published = await ctx.api.post(`/versions/${v.id}/publish`, { version: sent.body.version });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect((await plan(world.plan.id)).status).toBe('draft');
    expect(await files(v.id)).toEqual(before);
  });

  it('is refused for an open round, an unknown round, and for who is no adviser of it', async () => {
    const open = await round(world.plan.id, '2025-Q1', false);
    const res = await ctx.api.post(`/rounds/${open.id}/versions`, adoption);
    expect(res.status).toBe(409);
    expect(res.body.title).toBe('Een voortgangsrapportage is er voor een gesloten ronde: sluit de ronde eerst, dan liggen de cijfers vast.');
    expect((await ctx.db.query('select count(*)::int as n from document_versions where round_id = $1', [open.id]))[0].n).toBe(0);
    expect((await ctx.api.post(`/rounds/${randomUUID()}/versions`, adoption)).status).toBe(404);
    const opened = (await ctx.api.get(`/rounds/${open.id}`)).body;
    expect((await ctx.api.post(`/rounds/${open.id}/close`, { version: opened.version })).status).toBe(200);
    const closed = await round(world.plan.id, '2024-Q2');
    expect((await (await member(world.org.id, 'bestuurder')).post(`/rounds/${closed.id}/versions`, adoption)).status).toBe(403);
    // The rounds are the staff's: to the council and the public, the round is not there at all.
    expect((await (await member(world.org.id, 'raadslid')).post(`/rounds/${closed.id}/versions`, adoption)).status).toBe(404);
    expect((await ctx.api.as(null).post(`/rounds/${closed.id}/versions`, adoption)).status).toBe(404);
    const future = await ctx.api.post(`/rounds/${closed.id}/versions`, { ...adoption, adoptedOn: '2999-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([expect.objectContaining({ path: 'adoptedOn' })]);
  });

  it('is read by the council once adopted, by the public only once published', async () => {
    const q1 = await round(world.plan.id, '2024-Q1');
    const v = (await ctx.api.post(`/rounds/${q1.id}/versions`, adoption)).body;
    const raadslid = await member(world.org.id, 'raadslid');
    const otherCouncil = await member((await make.municipality(ctx.api)).id, 'raadslid');
    const anonymous = ctx.api.as(null);
    expect((await raadslid.get(`/versions/${v.id}`)).status).toBe(200);
    expect((await raadslid.bytes(`/versions/${v.id}/document.pdf`)).status).toBe(200);
    // The council reads the adopted report, not the live one: that is the staff's working document.
    expect((await raadslid.bytes(`/rounds/${q1.id}/report.html`)).status).toBe(404);
    const listed = (await raadslid.get(`/plans/${world.plan.id}/versions`)).body;
    expect(listed.versions.map((x: { id: string }) => x.id)).toContain(v.id);
    expect(listed).toMatchObject({ latestPlanVersionId: null, hasChanges: null });
    expect((await raadslid.post(`/versions/${v.id}/publish`, { version: v.version })).status).toBe(403);
    expect((await otherCouncil.get(`/versions/${v.id}`)).status).toBe(404);
    expect((await anonymous.get(`/versions/${v.id}`)).status).toBe(404);
    expect((await anonymous.bytes(`/versions/${v.id}/document.html`)).status).toBe(404);
    const publicIds = async () => (await anonymous.get(`/plans/${world.plan.id}/versions`)).body.versions.map((x: { id: string; status: string }) => [x.id, x.status]);
    expect(await publicIds()).not.toContainEqual([v.id, 'adopted']);

    const published = (await ctx.api.post(`/versions/${v.id}/publish`, { version: v.version })).body;
    expect(published.status).toBe('published');
    expect((await anonymous.get(`/versions/${v.id}`)).status).toBe(200);
    expect((await anonymous.bytes(`/versions/${v.id}/document.html`)).bytes.toString('utf8')).toContain('Voortgangsrapportage');
    // The draft plan stays hidden; its published reports are all the public sees of it.
    expect((await anonymous.get(`/plans/${world.plan.id}`)).status).toBe(404);
    const seen = await publicIds();
    expect(seen).toContainEqual([v.id, 'published']);
    expect(seen.every(([, status]: string[]) => status === 'published')).toBe(true);
  });
});

describe('the evaluation report', () => {
  it('is adopted with today’s figures, again only after they changed, and numbered apart from the plan', async () => {
    const org = await make.municipality(ctx.api);
    const p = await make.plan(ctx.api, { ownerId: org.id, title: 'Uitvoeringsprogramma Evaluatiestad', periodStart: '2023-Q1', periodEnd: '2024-Q4' });
    const theme = await make.theme(ctx.api, { planId: p.id, title: 'Ondermijning' });
    const activity = await make.activity(ctx.api, { themeId: theme.id, title: 'Integrale controles bedrijventerrein', timeframeText: 'Q1-Q4 2024' });
    const planVersion = (await ctx.api.post(`/plans/${p.id}/versions`, adoption)).body;
    expect(planVersion).toMatchObject({ document: 'plan', number: 1 });

    const res = await ctx.api.post(`/plans/${p.id}/evaluation/versions`, { adoptedBy: 'college', adoptedOn: '2025-01-14' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const v = res.body;
    expect(v).toMatchObject({ document: 'evaluation', roundId: null, roundQuarter: null, number: 1, title: 'Evaluatierapport Uitvoeringsprogramma Evaluatiestad' });
    expect((await ctx.api.bytes(`/versions/${v.id}/document.html`)).bytes.toString('utf8')).toContain('Integrale controles bedrijventerrein');
    // The plan keeps its own adoption; the plan's "changes since" still looks at the plan version only.
    expect(await plan(p.id)).toMatchObject({ status: 'adopted', adoptedOn: '2024-10-08', decisionReference: 'Z/24/0815' });
    expect((await ctx.api.get(`/plans/${p.id}/versions`)).body).toMatchObject({ latestPlanVersionId: planVersion.id, hasChanges: false });

    const same = await ctx.api.post(`/plans/${p.id}/evaluation/versions`, { adoptedBy: 'college', adoptedOn: '2025-01-15' });
    expect(same.status).toBe(422);
    expect(same.body.title).toBe('Er is niets gewijzigd sinds versie 1: die is al vastgesteld');
    const before = await files(v.id);

    // Monitoring moves on: the evaluation changes (a new version), the plan does not (no new draft).
    await progress(activity.id, { status: 'done', note: 'Alle controles uitgevoerd' });
    const second = await ctx.api.post(`/plans/${p.id}/evaluation/versions`, { adoptedBy: 'college', adoptedOn: '2025-01-21' });
    expect(second.status).toBe(201);
    expect(second.body.number).toBe(2);
    expect((await ctx.api.bytes(`/versions/${second.body.id}/document.html`)).bytes.toString('utf8')).toContain('Alle controles uitgevoerd');
    expect(await files(v.id)).toEqual(before);
    expect((await plan(p.id)).status).toBe('adopted');

    // Published, the evaluation does not publish the plan.
    const published = await ctx.api.post(`/versions/${second.body.id}/publish`, { version: second.body.version });
    expect(published.status).toBe(200);
    expect((await plan(p.id)).status).toBe('adopted');
    const raadslid = await member(org.id, 'raadslid');
    expect((await raadslid.get(`/versions/${v.id}`)).status).toBe(200);
    expect((await ctx.api.as(null).get(`/versions/${v.id}`)).status).toBe(404);
    expect((await ctx.api.as(null).get(`/versions/${second.body.id}`)).status).toBe(200);
    expect((await raadslid.post(`/plans/${p.id}/evaluation/versions`, adoption)).status).toBe(403);
    expect((await (await member(org.id, 'bestuurder')).post(`/plans/${p.id}/evaluation/versions`, adoption)).status).toBe(403);
  });
});
