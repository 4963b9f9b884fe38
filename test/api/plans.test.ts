import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { make, useApi } from '../api.ts';

const ctx = useApi();

describe('plans', () => {
  it('lists plans with id, kind, title, period and owner (name, and cbsCode for a municipality)', async () => {
    const { api } = ctx;
    const owner = await make.municipality(api, { name: 'Huizen-test' });
    const plan = await make.plan(api, { ownerId: owner.id, kind: 'ivp', periodStart: '2019-Q1', periodEnd: '2022-Q4' });
    const listed = (await api.get('/plans')).body.find((p: any) => p.id === plan.id);
    expect(listed).toMatchObject({
      id: plan.id, kind: 'ivp', title: plan.title, periodStart: '2019-Q1', periodEnd: '2022-Q4',
      owner: { id: owner.id, name: 'Huizen-test', kind: 'municipality', cbsCode: owner.cbsCode },
    });
  });

  it('shows a joint programme from each member municipality, and not from others', async () => {
    const { api } = ctx;
    const a = await make.municipality(api);
    const b = await make.municipality(api);
    const outsider = await make.municipality(api);
    const team = await api.create('/organisations', { kind: 'collaboration', collaborationKind: 'basisteam', name: 'Basisteam Test', memberIds: [a.id, b.id] });
    const joint = await make.plan(api, { ownerId: team.id, title: 'Gezamenlijk deel' });
    const local = await make.plan(api, { ownerId: a.id, jointPlanId: joint.id });
    const ids = async (org: string) => (await api.get(`/plans?organisationId=${org}`)).body.map((p: any) => p.id);
    expect(await ids(a.id)).toEqual(expect.arrayContaining([joint.id, local.id]));
    expect(await ids(b.id)).toEqual([joint.id]);
    expect(await ids(outsider.id)).toEqual([]);
    const listed = (await api.get(`/plans?organisationId=${b.id}`)).body[0];
    expect(listed.owner).toMatchObject({ name: 'Basisteam Test', kind: 'collaboration' });
  });

  it('exports one plan with everything in it', async () => {
    const { api } = ctx;
    const plan = await make.plan(api);
    const theme = await make.theme(api, { planId: plan.id });
    const goal = await make.goal(api, { themeId: theme.id });
    const partner = await api.create('/organisations', { kind: 'partner', partnerKind: 'riec', name: 'RIEC' });
    const activity = await make.activity(api, { themeId: theme.id, goalIds: [goal.id], stakeholderIds: [partner.id] });
    const indicator = await make.indicator(api, { planId: plan.id, themeId: theme.id, goalId: goal.id });
    const measurement = await make.measurement(api, { indicatorId: indicator.id });
    const line = await make.budgetLine(api, { planId: plan.id });
    const sub = await make.budgetLine(api, { planId: plan.id, parentId: line.id, amounts: [{ year: null, amountCents: 200_000 }] });
    const task = await make.regularTask(api, { planId: plan.id });

    const res = await api.get(`/plans/${plan.id}/export?download=1`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.json"/);
    expect((await api.get(`/plans/${plan.id}/export`)).headers['content-disposition']).toBeUndefined();
    // Any title downloads: the file name is plain ASCII, whatever letters the title has.
    const foreign = await make.plan(api, { title: 'Veiligheid – Łódź en Zaœ' });
    const named = await api.get(`/plans/${foreign.id}/export?download=1`);
    expect(named.status).toBe(200);
    expect(named.headers['content-disposition']).toMatch(/^attachment; filename="veiligheid-[a-z0-9-]+\.json"$/);
    const doc = res.body;
    expect(doc.id).toBe(plan.id);
    expect(doc.themes).toHaveLength(1);
    expect(doc.themes[0].goals.map((g: any) => g.id)).toEqual([goal.id]);
    expect(doc.themes[0].activities.map((a: any) => a.id)).toEqual([activity.id]);
    expect(doc.themes[0].indicators[0].id).toBe(indicator.id);
    expect(doc.themes[0].indicators[0].measurements.map((m: any) => m.id)).toEqual([measurement.id]);
    expect(doc.budgetLines.map((l: any) => l.id)).toEqual([line.id]);
    expect(doc.budgetLines[0].subLines.map((l: any) => l.id)).toEqual([sub.id]);
    expect(doc.budget.mismatches).toHaveLength(1);
    expect(doc.regularTasks.map((t: any) => t.id)).toEqual([task.id]);
    expect(doc.organisations.map((o: any) => o.id)).toEqual(expect.arrayContaining([plan.ownerId, partner.id]));
  });

  it('computes budget totals, available and remainder; never stores them', async () => {
    const { api } = ctx;
    const plan = await make.plan(api, { availableBudgetCents: 21_457_100 });
    await make.budgetLine(api, { planId: plan.id, amounts: [{ year: null, amountCents: 20_000_000 }] });
    await make.budgetLine(api, { planId: plan.id, amounts: [{ year: null, amountCents: 150_000 }] });
    await make.budgetLine(api, { planId: plan.id, isPm: true, amounts: [] });
    const budget = (await api.get(`/plans/${plan.id}/budget`)).body;
    expect(budget.totals).toEqual([{ year: null, amountCents: 20_150_000 }]);
    expect(budget.remainders).toEqual([{ year: null, amountCents: 1_307_100 }]);
    expect(budget.pmCount).toBe(1);
  });

  it('filters the programme activity table on theme, scope, partner, quarter, status and text', async () => {
    const { api } = ctx;
    const plan = await make.plan(api);
    const local = await make.theme(api, { planId: plan.id, scope: 'local' });
    const joint = await make.theme(api, { planId: plan.id, scope: 'joint' });
    const police = await api.create('/organisations', { kind: 'partner', partnerKind: 'police', name: 'Politie' });
    const a1 = await make.activity(api, { themeId: local.id, title: 'Game Hackshield', timeframeText: 'Q2 2023', stakeholderIds: [police.id] });
    const a2 = await make.activity(api, { themeId: joint.id, title: 'Cyber 24-kofferproject', timeframeText: 'Q4 2023/Q1 2024', status: 'in_progress' });
    const ids = async (query: string) => (await api.get(`/plans/${plan.id}/activities?${query}`)).body.map((a: any) => a.id);
    expect(await ids('')).toEqual(expect.arrayContaining([a1.id, a2.id]));
    expect(await ids(`themeId=${local.id}`)).toEqual([a1.id]);
    expect(await ids('scope=joint')).toEqual([a2.id]);
    expect(await ids(`stakeholderId=${police.id}`)).toEqual([a1.id]);
    expect(await ids('quarter=2024-Q1')).toEqual([a2.id]);
    expect(await ids('status=in_progress')).toEqual([a2.id]);
    expect(await ids('q=hackshield')).toEqual([a1.id]);
    expect(await ids('q=100%25')).toEqual([]);
    expect((await api.get(`/plans/${plan.id}/activities?quarter=2024-5`)).status).toBe(400);
  });
});

describe('rules between records', () => {
  it('keeps the tijdpad text and its parsed form, and re-parses on update', async () => {
    const { api } = ctx;
    const plan = await make.plan(api, { periodStart: '2023-Q2' });
    const theme = await make.theme(api, { planId: plan.id });
    const a = await make.activity(api, { themeId: theme.id, timeframeText: 'Vanaf Q3', frequencyText: 'Onderdeel van jaaragenda' });
    expect(a.timeframe).toEqual({ kind: 'continuous', start: { year: 2023, quarter: 3 } });
    expect(a.frequency).toEqual({ kind: 'unparsed' });
    expect(a.frequencyText).toBe('Onderdeel van jaaragenda');
    const b = (await api.patch(`/activities/${a.id}`, { timeframeText: 'Q4 2023/Q1 2024', version: a.version })).body;
    expect(b.timeframe).toEqual({ kind: 'range', start: { year: 2023, quarter: 4 }, end: { year: 2024, quarter: 1 } });
    expect(b.frequencyText).toBe('Onderdeel van jaaragenda');
  });

  it('links an activity only to goals of its own theme', async () => {
    const { api } = ctx;
    const theme = await make.theme(api);
    const other = await make.goal(api);
    const res = await api.post('/activities', { title: 'X', themeId: theme.id, goalIds: [other.id] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'goalIds', message: expect.any(String) }]);
  });

  it('nests budget lines one level deep, within one plan', async () => {
    const { api } = ctx;
    const line = await make.budgetLine(api);
    const sub = await make.budgetLine(api, { planId: line.planId, parentId: line.id });
    const otherPlan = await make.plan(api);
    expect((await api.post('/budget-lines', { title: 'X', planId: otherPlan.id, parentId: line.id })).status).toBe(422);
    expect((await api.post('/budget-lines', { title: 'X', planId: line.planId, parentId: sub.id })).status).toBe(422);
  });

  it('refuses to delete an organisation that is still in use, and keeps it', async () => {
    const { api } = ctx;
    const plan = await make.plan(api);
    const res = await api.delete(`/organisations/${plan.ownerId}`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('in_use');
    expect((await api.get(`/organisations/${plan.ownerId}`)).status).toBe(200);
  });

  it('refuses a second municipality with the same CBS code', async () => {
    const { api } = ctx;
    const m = await make.municipality(api);
    const res = await api.post('/organisations', { kind: 'municipality', name: 'Dubbel', cbsCode: m.cbsCode });
    expect(res.status).toBe(409);
  });

  it('deleting a plan removes what it contains', async () => {
    const { api } = ctx;
    const theme = await make.theme(api);
    const activity = await make.activity(api, { themeId: theme.id });
    expect((await api.delete(`/plans/${theme.planId}`)).status).toBe(204);
    expect((await api.get(`/activities/${activity.id}`)).status).toBe(404);
  });
});

describe('the API as a whole', () => {
  it('answers malformed JSON, unknown fields and wrong content with a problem document', async () => {
    const { api } = ctx;
    const raw = await api.app.inject({ method: 'POST', url: '/api/v1/themes', payload: '{"title":', headers: { 'content-type': 'application/json' } });
    expect(raw.statusCode).toBe(400);
    expect(raw.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(raw.body).not.toMatch(/at .*\.js|node_modules/);
    const theme = await make.theme(api);
    const unknown = await api.patch(`/themes/${theme.id}`, { titel: 'typo', version: 1 });
    expect(unknown.status).toBe(422);
    const missingVersion = await api.patch(`/themes/${theme.id}`, { title: 'Nieuw' });
    expect(missingVersion.status).toBe(422);
    expect(missingVersion.body.errors.map((e: any) => e.path)).toContain('version');
  });

  it('publishes an OpenAPI 3.1 document covering every route, and a docs page', async () => {
    const { api } = ctx;
    const doc = (await api.get('/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const routes = api.app.printRoutes({ commonPrefix: false });
    for (const path of ['/api/v1/plans', '/api/v1/plans/{id}/export', '/api/v1/activities/{id}', '/api/v1/budget-lines']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/v1/activities'].post.requestBody.content['application/json'].schema.properties.timeframeText).toBeDefined();
    const exported = doc.paths['/api/v1/plans/{id}/export'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(exported.properties)).toEqual(expect.arrayContaining(['themes', 'indicators', 'budgetLines', 'regularTasks', 'owner']));
    expect(routes).toContain('activities');
    const docs = await api.app.inject({ method: 'GET', url: '/api/v1/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const res = await ctx.api.get('/bestaat-niet');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('the web app', () => {
  const built = existsSync(join(import.meta.dirname, '../../dist/web/index.html'));
  it.runIf(built)('serves the app for its own paths, and 404 for missing assets and API paths', async () => {
    const page = await ctx.api.app.inject({ method: 'GET', url: '/plannen/onbekend' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<div id="root">');
    expect((await ctx.api.app.inject({ method: 'GET', url: '/assets/bestaat-niet.js' })).statusCode).toBe(404);
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy without unsafe-inline, and forbids framing', async () => {
    const res = await ctx.api.app.inject({ method: 'GET', url: '/api/v1/plans' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const docs = await ctx.api.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(String(docs.headers['content-security-policy'])).not.toContain('unsafe-inline');
  });

  it('sends HSTS only over https', async () => {
    const plain = await ctx.api.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const { buildApp } = await import('../../src/server/app.ts');
    const proxied = await buildApp(ctx.db, { trustProxy: true });
    const res = await proxied.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    await proxied.close();
  });
});
