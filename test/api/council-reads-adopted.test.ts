import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import type { TRole } from '../../src/domain/permissions.ts';
import { Api, make, signIn, TEST_PASSWORD, useApi } from '../api.ts';

/*
 * Readers of adopted versions (issue 12 item 1, review D1, ADR 0020): after an adviser's edit the council and the
 * public keep reading the newest version they may read – plan, themes, activity table, budget, single records – in the
 * same shapes, with today's monitoring, and never the draft's text; the staff read the draft.
 */

const ctx = useApi();

async function member(organisationId: string, role: TRole): Promise<Api> {
  const email = `${role}-${randomUUID().slice(0, 8)}@lezers.test`;
  await createUser(ctx.db, { email, name: role, password: TEST_PASSWORD, memberships: [{ organisationId, role }] }, SYSTEM);
  return ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
}

/** An adopted programme (version 1, adopted 13 June 2023), then edited by the adviser: a draft with a new title. */
async function editedProgramme({ publish = false } = {}) {
  const api = ctx.api;
  const org = await make.municipality(api);
  const plan = await make.plan(api, { ownerId: org.id, title: 'Uitvoeringsprogramma Veiligheid' });
  const theme = await make.theme(api, { planId: plan.id, title: 'Ondermijning' });
  const activity = await make.activity(api, { themeId: theme.id, title: 'Integrale controles bedrijventerrein' });
  const removed = await make.activity(api, { themeId: theme.id, title: 'Voorlichting ondernemers' });
  const indicator = await make.indicator(api, { planId: plan.id, themeId: theme.id });
  const line = await make.budgetLine(api, { planId: plan.id, title: 'Communicatie', amounts: [{ year: null, amountCents: 500_000 }] });
  const v1 = (await api.post(`/plans/${plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2023-06-13' })).body;
  if (publish) expect((await api.post(`/versions/${v1.id}/publish`, { version: v1.version })).status).toBe(200);
  // The adviser edits: a new title, a removed activity, a new theme, a changed budget line.
  const current = (await api.get(`/activities/${activity.id}`)).body;
  expect((await api.patch(`/activities/${activity.id}`, { title: 'Concepttitel controles', version: current.version })).status).toBe(200);
  expect((await api.delete(`/activities/${removed.id}?version=${removed.version}`)).status).toBe(204);
  await make.theme(api, { planId: plan.id, title: 'Conceptthema' });
  expect((await api.patch(`/budget-lines/${line.id}`, { amounts: [{ year: null, amountCents: 900_000 }], version: line.version })).status).toBe(200);
  expect((await api.get(`/plans/${plan.id}`)).body.status).toBe('draft');
  return { org, plan, theme, activity, removed, indicator, line, v1 };
}

const titles = (list: { title: string }[]) => list.map((a) => a.title);

describe('the council reads the adopted version while the adviser drafts', () => {
  it('serves version 1 on the plan, its themes, the activity table, the budget and single records, never the draft', async () => {
    const p = await editedProgramme();
    const raadslid = await member(p.org.id, 'raadslid');
    const plan = await raadslid.get(`/plans/${p.plan.id}`);
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ status: 'adopted', servedVersion: { id: p.v1.id, number: 1, status: 'adopted', adoptedOn: '2023-06-13' } });

    const doc = (await raadslid.get(`/plans/${p.plan.id}/export`)).body;
    expect(doc.servedVersion.number).toBe(1);
    expect(titles(doc.themes)).toEqual(['Ondermijning']);
    expect(titles(doc.themes[0].activities)).toEqual(['Integrale controles bedrijventerrein', 'Voorlichting ondernemers']);
    expect(JSON.stringify(doc)).not.toContain('Concept');

    expect(titles((await raadslid.get(`/themes?planId=${p.plan.id}`)).body)).toEqual(['Ondermijning']);
    const table = await raadslid.get(`/plans/${p.plan.id}/activities`);
    expect(table.status).toBe(200);
    expect(titles(table.body)).toEqual(['Integrale controles bedrijventerrein', 'Voorlichting ondernemers']);
    expect(titles((await raadslid.get(`/plans/${p.plan.id}/activities?q=voorlichting`)).body)).toEqual(['Voorlichting ondernemers']);

    // Bookmarks: the same ids, also of a record the draft removed.
    expect((await raadslid.get(`/activities/${p.activity.id}`)).body.title).toBe('Integrale controles bedrijventerrein');
    expect((await raadslid.get(`/activities/${p.removed.id}`)).body.title).toBe('Voorlichting ondernemers');
    expect((await raadslid.get(`/themes/${p.theme.id}`)).body.title).toBe('Ondermijning');

    const budget = (await raadslid.get(`/plans/${p.plan.id}/budget`)).body;
    expect(budget.lines[0].amounts).toEqual([{ year: null, amountCents: 500_000 }]);

    const list = (await raadslid.get(`/plans?organisationId=${p.org.id}`)).body;
    expect(list).toEqual([expect.objectContaining({ id: p.plan.id, title: 'Uitvoeringsprogramma Veiligheid', status: 'adopted' })]);
    // The status filter asks for what the reader reads: the served version's status, not the draft's.
    expect((await raadslid.get(`/plans?organisationId=${p.org.id}&status=adopted`)).body.map((x: { id: string }) => x.id)).toEqual([p.plan.id]);
    expect((await raadslid.get(`/plans?organisationId=${p.org.id}&status=draft`)).body).toEqual([]);
  });

  it('keeps monitoring live on the version: activity status and measurements', async () => {
    const p = await editedProgramme();
    const current = (await ctx.api.get(`/activities/${p.activity.id}`)).body;
    expect((await ctx.api.patch(`/activities/${p.activity.id}`, { status: 'in_progress', version: current.version })).status).toBe(200);
    await make.measurement(ctx.api, { indicatorId: p.indicator.id, value: 90 });
    const raadslid = await member(p.org.id, 'raadslid');
    const rows = (await raadslid.get(`/plans/${p.plan.id}/activities`)).body;
    expect(rows[0]).toMatchObject({ title: 'Integrale controles bedrijventerrein', status: 'in_progress' });
    const doc = (await raadslid.get(`/plans/${p.plan.id}/export`)).body;
    expect(doc.themes[0].indicators[0].measurements.map((m: { value: number }) => m.value)).toEqual([90]);
    expect((await raadslid.get(`/measurements?indicatorId=${p.indicator.id}`)).body).toHaveLength(1);
  });

  it('serves the published version to anonymous readers, and nothing of a plan never published', async () => {
    const p = await editedProgramme({ publish: true });
    const anonymous = ctx.api.as(null);
    expect((await anonymous.get(`/plans/${p.plan.id}`)).body.servedVersion).toMatchObject({ number: 1, status: 'published' });
    expect(titles((await anonymous.get(`/plans/${p.plan.id}/activities`)).body)).toEqual(['Integrale controles bedrijventerrein', 'Voorlichting ondernemers']);
    expect(titles((await anonymous.get(`/plans?organisationId=${p.org.id}`)).body)).toEqual(['Uitvoeringsprogramma Veiligheid']);
    const unpublished = await editedProgramme();
    expect((await anonymous.get(`/plans/${unpublished.plan.id}`)).status).toBe(404);
    expect((await anonymous.get(`/plans/${unpublished.plan.id}/activities`)).status).toBe(404);
    expect((await anonymous.get(`/activities/${unpublished.activity.id}`)).status).toBe(404);
    expect((await anonymous.get(`/themes?planId=${unpublished.plan.id}`)).body).toEqual([]);
    expect((await anonymous.get(`/plans?organisationId=${unpublished.org.id}`)).body).toEqual([]);
    // Another municipality's council reads nothing of it.
    const otherCouncil = await member((await make.municipality(ctx.api)).id, 'raadslid');
    expect((await otherCouncil.get(`/plans/${unpublished.plan.id}/export`)).status).toBe(404);
  });

  it('lets the staff read the live draft', async () => {
    const p = await editedProgramme();
    const bestuurder = await member(p.org.id, 'bestuurder');
    const plan = (await bestuurder.get(`/plans/${p.plan.id}`)).body;
    expect(plan).toMatchObject({ status: 'draft' });
    expect(plan.servedVersion).toBeUndefined();
    expect(titles((await bestuurder.get(`/plans/${p.plan.id}/activities`)).body)).toEqual(['Concepttitel controles']);
  });
});

describe('what a served version does not take from the draft', () => {
  it('shows no joint programme that only the draft has: none of the concept joint programme reaches the public', async () => {
    const { api } = ctx;
    const a = await make.municipality(api);
    const basisteam = await api.create('/organisations', { kind: 'collaboration', collaborationKind: 'basisteam', name: 'Basisteam Lezers', memberIds: [a.id] });
    const joint = await make.plan(api, { ownerId: basisteam.id, title: 'Gezamenlijk concept' });
    await make.activity(api, { themeId: (await make.theme(api, { planId: joint.id, scope: 'joint', title: 'Geheim concept-thema' })).id, title: 'Geheime concept-activiteit' });
    const local = await make.plan(api, { ownerId: a.id, title: 'Lokaal programma' });
    await make.activity(api, { themeId: (await make.theme(api, { planId: local.id, title: 'Eigen thema' })).id, title: 'Eigen activiteit' });
    const v1 = (await api.post(`/plans/${local.id}/versions`, { adoptedBy: 'college', adoptedOn: '2023-06-13' })).body;
    expect((await api.post(`/versions/${v1.id}/publish`, { version: v1.version })).status).toBe(200);
    // After publication the adviser links the local programme to the joint programme, which is still a concept.
    const current = (await api.get(`/plans/${local.id}`)).body;
    expect((await api.patch(`/plans/${local.id}`, { jointPlanId: joint.id, version: current.version })).status).toBe(200);

    const anonymous = ctx.api.as(null);
    for (const path of [`/plans/${local.id}`, `/plans/${local.id}/export`, `/plans/${local.id}/activities`]) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(200);
      expect(JSON.stringify(res.body), path).not.toMatch(/Geheim|Gezamenlijk concept/);
    }
    expect((await anonymous.get(`/plans/${local.id}/export`)).body.jointPart ?? null).toBeNull();
  });
});
