import { describe, expect, it } from 'vitest';
import { make, useApi } from '../api.ts';
import { versionOf } from '../published-versions.ts';

const ctx = useApi();

describe('ownership: every record carries the organisation whose data it is', () => {
  it('derives the owner from the plan, the parent organisation, or the organisation itself', async () => {
    const { api } = ctx;
    const town = await make.municipality(api);
    const plan = await make.plan(api, { ownerId: town.id });
    const theme = await make.theme(api, { planId: plan.id });
    const records = [
      theme,
      await make.goal(api, { themeId: theme.id }),
      await make.activity(api, { themeId: theme.id }),
      await make.measurement(api, { indicatorId: (await make.indicator(api, { planId: plan.id })).id }),
      await make.budgetLine(api, { planId: plan.id }),
      await make.regularTask(api, { planId: plan.id }),
      await make.decision(api, { planId: plan.id }),
    ];
    expect(plan.ownerId).toBe(town.id);
    for (const r of records) expect(r.ownerId).toBe(town.id);

    expect(town.ownerId).toBe(town.id);
    const team = await api.create('/organisations', { kind: 'team', name: 'OOV', parentId: town.id });
    expect(team.ownerId).toBe(town.id);
    expect((await make.person(api, { organisationId: team.id })).ownerId).toBe(town.id);
    const police = await api.create('/organisations', { kind: 'partner', partnerKind: 'police', name: 'Politie' });
    expect(police.ownerId).toBeNull();
    expect((await make.person(api, { organisationId: police.id })).ownerId).toBe(police.id);
  });

  it('does not move records to another plan, theme or organisation', async () => {
    const { api } = ctx;
    const theme = await make.theme(api);
    const otherPlan = await make.plan(api);
    const res = await api.patch(`/themes/${theme.id}`, { planId: otherPlan.id, version: theme.version });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'planId', message: 'Kan niet worden gewijzigd' }]);
    expect((await api.get(`/themes/${theme.id}`)).body).toEqual(theme);
    const town = await make.municipality(api);
    expect((await api.patch(`/organisations/${town.id}`, { kind: 'partner', partnerKind: 'other', cbsCode: null, version: 1 })).status).toBe(422);
  });
});

describe('references that would make loops or mix kinds are refused', () => {
  it('budget lines: not their own parent, and a line with sub-lines stays a main line', async () => {
    const { api } = ctx;
    const line = await make.budgetLine(api);
    const other = await make.budgetLine(api, { planId: line.planId });
    expect((await api.patch(`/budget-lines/${line.id}`, { parentId: line.id, version: 1 })).status).toBe(422);
    await make.budgetLine(api, { planId: line.planId, parentId: line.id });
    const res = await api.patch(`/budget-lines/${line.id}`, { parentId: other.id, version: 1 });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => e.path)).toEqual(['parentId']);
  });

  it('collaborations have municipalities as members', async () => {
    const { api } = ctx;
    const police = await api.create('/organisations', { kind: 'partner', partnerKind: 'police', name: 'Politie' });
    const res = await api.post('/organisations', { kind: 'collaboration', collaborationKind: 'district', name: 'District', memberIds: [police.id] });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => e.path)).toEqual(['memberIds']);
  });

  it('a UVP belongs to an IVP of its own municipality or collaboration, and a local part to a joint programme of its collaboration', async () => {
    const { api } = ctx;
    const a = await make.municipality(api);
    const b = await make.municipality(api);
    const team = await api.create('/organisations', { kind: 'collaboration', collaborationKind: 'basisteam', name: 'Basisteam', memberIds: [a.id] });
    const ivpB = await make.plan(api, { ownerId: b.id, kind: 'ivp' });
    const jointIvp = await make.plan(api, { ownerId: team.id, kind: 'ivp' });
    const joint = await make.plan(api, { ownerId: team.id });
    const otherJoint = await make.plan(api, { ownerId: (await api.create('/organisations', { kind: 'collaboration', collaborationKind: 'district', name: 'Elders' })).id });

    expect((await api.post('/plans', { ...planBody(a.id), parentPlanId: ivpB.id })).status).toBe(422);
    expect((await api.post('/plans', { ...planBody(a.id), parentPlanId: jointIvp.id })).status).toBe(201);
    expect((await api.post('/plans', { ...planBody(a.id), jointPlanId: otherJoint.id })).status).toBe(422);
    const local = await api.create('/plans', { ...planBody(a.id), jointPlanId: joint.id });
    expect((await api.patch(`/plans/${joint.id}`, { jointPlanId: joint.id, version: 1 })).status).toBe(422);
    expect(local.jointPlanId).toBe(joint.id);
  });

  it('Kernbeleid codes come from the VNG list', async () => {
    const { api } = ctx;
    const plan = await make.plan(api);
    expect((await api.post('/themes', { title: 'X', scope: 'local', planId: plan.id, kernbeleidCodes: ['5.9'] })).status).toBe(422);
    const ok = await api.create('/themes', { title: 'X', scope: 'local', planId: plan.id, kernbeleidCodes: ['5.2', 'X.1'] });
    expect(ok.kernbeleidCodes).toEqual(['5.2', 'X.1']);
    expect((await api.get('/kernbeleid-themes')).body.find((t: any) => t.code === '5.2').name).toBe('Georganiseerde criminaliteit');
  });
});

describe('inputs the database cannot take get a 4xx, and nothing is stored', () => {
  it('a frequency that cannot be planned is kept as text and flagged, and lists keep working', async () => {
    const { api } = ctx;
    const theme = await make.theme(api);
    const a = await make.activity(api, { themeId: theme.id, frequencyText: '0x per jaar' });
    expect(a.frequency).toEqual({ kind: 'unparsed' });
    expect((await api.get(`/activities?themeId=${theme.id}`)).status).toBe(200);
  });

  it('NUL characters, dates outside 1900–2100 and malformed URLs', async () => {
    const { api } = ctx;
    const before = (await api.get('/plans')).body.length;
    const town = await make.municipality(api);
    expect((await api.post('/plans', { ...planBody(town.id), title: 'a\u0000b' })).status).toBe(422);
    expect((await api.post('/plans', { ...planBody(town.id), adoptedOn: '0000-01-01' })).status).toBe(422);
    expect((await api.post('/plans', { ...planBody(town.id), periodStart: '0000-Q1' })).status).toBe(422);
    expect((await api.get('/plans')).body.length).toBe(before);
    const bad = await api.app.inject({ method: 'GET', url: '/api/v1/plans/%ZZ/export' });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('lists plans by owner and status', async () => {
    const { api } = ctx;
    const town = await make.municipality(api);
    const draft = await make.plan(api, { ownerId: town.id });
    // A plan is born a draft; adoption makes it adopted (ADR 0014).
    const adopted = await make.plan(api, { ownerId: town.id });
    await versionOf(ctx.db, adopted.id, { stage: 'adopted' });
    const ids = async (q: string) => (await api.get(`/plans?${q}`)).body.map((p: any) => p.id);
    expect(await ids(`ownerId=${town.id}`)).toEqual(expect.arrayContaining([draft.id, adopted.id]));
    expect(await ids(`ownerId=${town.id}&status=adopted`)).toEqual([adopted.id]);
  });
});

function planBody(ownerId: string) {
  return { kind: 'uvp', title: 'Programma', periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId };
}
