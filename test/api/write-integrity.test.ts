import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { make, signIn, TEST_PASSWORD, useApi } from '../api.ts';
import { TEST_DB } from '../db.ts';

/*
 * The write path keeps what the review (December 2026, findings 2, 5, 6, 11, 14, 15) found it did not: references to
 * people stay inside the record's own organisation, a record does not leave its plan unnoticed, a plan is born a
 * draft, the plan's status and `hasChanges` agree with the comparison, a PATCH that changes nothing changes nothing,
 * and an edit racing an adoption gets an answer, never a 500.
 */

const ctx = useApi();

/** A plan of a fresh municipality with one theme and one activity, adopted and published as version 1. */
async function publishedPlan() {
  const plan = await make.plan(ctx.api);
  const theme = await make.theme(ctx.api, { planId: plan.id });
  const activity = await make.activity(ctx.api, { themeId: theme.id });
  const version = await make.publishedVersion(ctx.api, plan.id);
  return { plan, theme, activity, version };
}

const statusOf = async (planId: string) => (await ctx.api.get(`/plans/${planId}`)).body.status as string;

describe('references to people', () => {
  it("refuses another municipality's people as portefeuillehouder, official or responsible (finding 2)", async () => {
    const plan = await make.plan(ctx.api);
    const own = await make.person(ctx.api, { organisationId: plan.ownerId });
    const stranger = await make.person(ctx.api, { email: 'vreemde@elders.test' });
    for (const field of ['portfolioHolderIds', 'officialIds']) {
      const res = await ctx.api.post('/themes', { planId: plan.id, title: 'x', scope: 'local', [field]: [stranger.id] });
      expect(res.status, field).toBe(422);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ path: field }));
    }
    const theme = await make.theme(ctx.api, { planId: plan.id, officialIds: [own.id] });
    const res = await ctx.api.post('/activities', { themeId: theme.id, title: 'x', timeframeText: '2024', frequencyText: '', responsibleIds: [stranger.id] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'responsibleIds' }));
    const existing = await make.activity(ctx.api, { themeId: theme.id });
    const patched = await ctx.api.patch(`/activities/${existing.id}`, { version: existing.version, responsibleIds: [stranger.id] });
    expect(patched.status).toBe(422);
    // The plan's export never names the other municipality's person.
    expect(JSON.stringify((await ctx.api.get(`/plans/${plan.id}/export`)).body)).not.toContain('vreemde@elders.test');
  });

  it("a joint programme takes people of the collaboration and of its member municipalities", async () => {
    const member = await make.municipality(ctx.api);
    const collaboration = await ctx.api.create('/organisations', { kind: 'collaboration', collaborationKind: 'district', name: `Samenwerking ${member.id.slice(0, 4)}`, memberIds: [member.id] });
    const joint = await make.plan(ctx.api, { ownerId: collaboration.id });
    const ofMember = await make.person(ctx.api, { organisationId: member.id });
    const ofCollaboration = await make.person(ctx.api, { organisationId: collaboration.id });
    const theme = await make.theme(ctx.api, { planId: joint.id, officialIds: [ofMember.id, ofCollaboration.id] });
    expect(theme.officialIds).toEqual([ofMember.id, ofCollaboration.id]);
  });
});

describe('people in an export', () => {
  it("are read under their own organisation's rule: a member's adviser reads another member's official as printed (finding 2)", async () => {
    const [a, b] = [await make.municipality(ctx.api), await make.municipality(ctx.api)];
    const collaboration = await ctx.api.create('/organisations', { kind: 'collaboration', collaborationKind: 'district', name: `District ${a.id.slice(0, 4)}`, memberIds: [a.id, b.id] });
    const joint = await make.plan(ctx.api, { ownerId: collaboration.id });
    const ofA = await make.person(ctx.api, { organisationId: a.id, email: 'eigen@a.test' });
    const ofB = await make.person(ctx.api, { organisationId: b.id, email: 'ander@b.test' });
    const theme = await make.theme(ctx.api, { planId: joint.id, officialIds: [ofA.id, ofB.id] });
    await make.activity(ctx.api, { themeId: theme.id, responsibleIds: [ofA.id, ofB.id] });
    const email = `adviseur-${a.id.slice(0, 6)}@a.test`;
    await createUser(ctx.db, { email, name: 'Adviseur A', password: TEST_PASSWORD, memberships: [{ organisationId: a.id, role: 'adviseur' }] }, SYSTEM);
    const adviserOfA = ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
    const doc = (await adviserOfA.get(`/plans/${joint.id}/export`)).body;
    const person = (id: string) => doc.people.find((p: { id: string }) => p.id === id);
    expect(person(ofA.id).email).toBe('eigen@a.test');
    expect(person(ofB.id)).toBeDefined();
    expect(person(ofB.id).email).toBeUndefined();
    expect(doc.themes[0].activities[0].responsibleIds).toEqual([ofA.id]);
  });
});

describe('records stay in their plan', () => {
  it('refuses moving an activity to a theme of another plan, and still moves it within its plan (finding 6)', async () => {
    const { plan, activity } = await publishedPlan();
    const otherTheme = await make.theme(ctx.api, { ownerId: undefined, planId: (await make.plan(ctx.api, { ownerId: plan.ownerId })).id });
    const moved = await ctx.api.patch(`/activities/${activity.id}`, { version: activity.version, themeId: otherTheme.id, goalIds: [] });
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toContainEqual(expect.objectContaining({ path: 'themeId' }));
    expect(await statusOf(plan.id)).toBe('published');
    expect((await ctx.api.get(`/plans/${plan.id}/activities`)).body.map((a: { id: string }) => a.id)).toContain(activity.id);

    const sibling = await make.theme(ctx.api, { planId: plan.id });
    const current = (await ctx.api.get(`/activities/${activity.id}`)).body;
    const within = await ctx.api.patch(`/activities/${activity.id}`, { version: current.version, themeId: sibling.id, goalIds: [] });
    expect(within.status).toBe(200);
    expect(await statusOf(plan.id)).toBe('draft');
  });
});

describe('a plan is born a draft', () => {
  it('refuses creating a plan as adopted or published through the API (finding 11)', async () => {
    const owner = await make.municipality(ctx.api);
    for (const status of ['adopted', 'sent_to_council', 'published']) {
      const res = await ctx.api.post('/plans', { kind: 'uvp', title: 'x', periodStart: '2025-Q1', periodEnd: '2025-Q4', ownerId: owner.id, status });
      expect(res.status, status).toBe(422);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'status' }));
    }
    const adoptedBy = await ctx.api.post('/plans', { kind: 'uvp', title: 'x', periodStart: '2025-Q1', periodEnd: '2025-Q4', ownerId: owner.id, adoptedBy: 'college', adoptedOn: '2024-01-01' });
    expect(adoptedBy.status).toBe(422);
    const draft = await make.plan(ctx.api, { ownerId: owner.id });
    expect(draft.status).toBe('draft');
  });
});

describe('status, hasChanges and the comparison agree', () => {
  it("renaming a person or the municipality is no change of the adopted text (finding 14)", async () => {
    const plan = await make.plan(ctx.api);
    const official = await make.person(ctx.api, { organisationId: plan.ownerId, name: 'A. Ambtenaar' });
    await make.theme(ctx.api, { planId: plan.id, officialIds: [official.id] });
    const v1 = await make.publishedVersion(ctx.api, plan.id);
    const person = (await ctx.api.get(`/people/${official.id}`)).body;
    expect((await ctx.api.patch(`/people/${official.id}`, { version: person.version, functionTitle: 'Teamleider' })).status).toBe(200);
    const owner = (await ctx.api.get(`/organisations/${plan.ownerId}`)).body;
    expect((await ctx.api.patch(`/organisations/${plan.ownerId}`, { version: owner.version, shortName: 'Kort' })).status).toBe(200);
    const versions = (await ctx.api.get(`/plans/${plan.id}/versions`)).body;
    const comparison = (await ctx.api.get(`/plans/${plan.id}/compare?from=${v1.id}&to=draft`)).body;
    expect(comparison.counts).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(versions.hasChanges).toBe(false);
    expect(await statusOf(plan.id)).toBe('published');
  });
});

describe('a renamed municipality keeps its public address', () => {
  it('the former address leads to the new one (finding 14)', async () => {
    const { plan } = await publishedPlan();
    const owner = (await ctx.api.get(`/organisations/${plan.ownerId}`)).body;
    const open = (url: string) => ctx.api.app.inject({ method: 'GET', url });
    const former = `/openbaar/${owner.name.toLowerCase().replace(/\s+/g, '-')}`;
    expect((await open(former)).statusCode).toBe(200);
    expect((await ctx.api.patch(`/organisations/${owner.id}`, { version: owner.version, name: `${owner.name} Nieuw` })).status).toBe(200);
    const moved = await open(former);
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe(`${former}-nieuw`);
    expect((await open(`${former}-nieuw`)).statusCode).toBe(200);
  });
});

describe('a PATCH that changes nothing', () => {
  it('keeps the version and writes no audit row (finding 15)', async () => {
    const activity = await make.activity(ctx.api);
    const rows = async () => (await ctx.db.query<{ n: number }>("select count(*)::int as n from audit_events where entity_id = $1 and action = 'update'", [activity.id]))[0].n;
    const before = await rows();
    const res = await ctx.api.patch(`/activities/${activity.id}`, { version: activity.version, title: activity.title });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(activity.version);
    expect(await rows()).toBe(before);
    // A stale version is still a conflict, changed or not.
    expect((await ctx.api.patch(`/activities/${activity.id}`, { version: activity.version + 1, title: activity.title })).status).toBe(409);
  });
});

describe('an edit racing an adoption (finding 5)', () => {
  it(`gets a 200 or a 409, never a 500, and the plan's status agrees with what was adopted (${TEST_DB})`, async () => {
    for (let trial = 0; trial < 8; trial++) {
      const plan = await make.plan(ctx.api);
      const theme = await make.theme(ctx.api, { planId: plan.id });
      await make.activity(ctx.api, { themeId: theme.id });
      const adopt = ctx.api.post(`/plans/${plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2024-02-01' });
      await new Promise((r) => setTimeout(r, trial * 4));
      const edit = ctx.api.patch(`/themes/${theme.id}`, { version: theme.version, title: `Gewijzigd ${trial}` });
      const [adopted, edited] = await Promise.all([adopt, edit]);
      expect(adopted.status, `trial ${trial}: ${JSON.stringify(adopted.body)}`).toBe(201);
      expect([200, 409], `trial ${trial}: ${JSON.stringify(edited.body)}`).toContain(edited.status);
      const versions = (await ctx.api.get(`/plans/${plan.id}/versions`)).body;
      const comparison = (await ctx.api.get(`/plans/${plan.id}/compare?from=${versions.latestPlanVersionId}&to=draft`)).body;
      const changed = comparison.counts.changed > 0;
      expect(versions.hasChanges).toBe(changed);
      expect(await statusOf(plan.id)).toBe(changed ? 'draft' : 'adopted');
    }
  });
});
