import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { createSetupLinkIfNoUsers } from '../../src/server/accounts/members.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestDb } from '../db.ts';
import { Api, make, signIn, TEST_PASSWORD, useApi } from '../api.ts';

const ctx = useApi();

async function beheerderOf(organisationId: string): Promise<Api> {
  const email = `beheer-${Math.random().toString(36).slice(2, 8)}@leden.test`;
  await createUser(ctx.db, { email, name: 'Beheerder', password: TEST_PASSWORD, memberships: [{ organisationId, role: 'beheerder' }] }, SYSTEM);
  return ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
}

describe('members and roles, managed by the beheerder', () => {
  it('adds a new user with a one-time link; the user sets a password and signs in with the role given', async () => {
    const town = await make.municipality(ctx.api);
    const admin = await beheerderOf(town.id);
    const email = `raad-${Date.now()}@leden.test`;
    const added = await admin.post(`/organisations/${town.id}/members`, { email, name: 'Raadslid Jansen', role: 'raadslid' });
    expect(added.status).toBe(201);
    expect(added.body.member).toMatchObject({ email, role: 'raadslid', hasPassword: false });
    const token = added.body.link.token;

    const weak = await ctx.api.as(null).post('/auth/password', { token, password: 'kort' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].path).toBe('password');
    // A refused password leaves the link usable.
    expect((await ctx.api.as(null).post('/auth/password', { token, password: 'raadsvergadering-op-dinsdag' })).status).toBe(204);
    expect((await ctx.api.as(null).post('/auth/password', { token, password: 'nog-een-ander-wachtwoord' })).status).toBe(422);
    const session = await signIn(ctx.api.app, email, 'raadsvergadering-op-dinsdag');
    const me = (await ctx.api.as(session).get('/auth/me')).body;
    expect(me.user.memberships).toEqual([expect.objectContaining({ organisationId: town.id, role: 'raadslid' })]);

    const changed = await admin.patch(`/organisations/${town.id}/members/${session.userId}`, { role: 'adviseur' });
    expect(changed.body.role).toBe('adviseur');
    expect((await ctx.api.as(session).get('/auth/me')).body.user.memberships[0].role).toBe('adviseur');

    const link = await admin.post(`/organisations/${town.id}/members/${session.userId}/password-link`, {});
    expect(link.status).toBe(201);
    // A new link ends the user's sessions.
    expect((await ctx.api.as(session).get('/auth/me')).body.user).toBeNull();

    expect((await admin.delete(`/organisations/${town.id}/members/${session.userId}`)).status).toBe(204);
    expect((await admin.get(`/organisations/${town.id}/members`)).body.map((m: any) => m.email)).not.toContain(email);
  });

  it('a beheerder cannot remove their own role; a member is added once', async () => {
    const town = await make.municipality(ctx.api);
    const admin = await beheerderOf(town.id);
    const self = admin.session!.userId;
    expect((await admin.patch(`/organisations/${town.id}/members/${self}`, { role: 'adviseur' })).status).toBe(422);
    expect((await admin.delete(`/organisations/${town.id}/members/${self}`)).status).toBe(422);
    const email = `dubbel-${Date.now()}@leden.test`;
    expect((await admin.post(`/organisations/${town.id}/members`, { email, name: 'Een', role: 'adviseur' })).status).toBe(201);
    expect((await admin.post(`/organisations/${town.id}/members`, { email, name: 'Een', role: 'adviseur' })).status).toBe(409);
  });

  it('a collaboration gives roles only to users of its member municipalities; a partner organisation only partner roles', async () => {
    const town = await make.municipality(ctx.api);
    const district = await ctx.api.create('/organisations', { kind: 'collaboration', collaborationKind: 'district', name: 'District', memberIds: [town.id] });
    const districtAdmin = await beheerderOf(district.id);
    const outsider = `buiten-${Date.now()}@leden.test`;
    const refused = await districtAdmin.post(`/organisations/${district.id}/members`, { email: outsider, name: 'Buiten', role: 'adviseur' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe('email');
    const inside = `binnen-${Date.now()}@leden.test`;
    await createUser(ctx.db, { email: inside, name: 'Binnen', memberships: [{ organisationId: town.id, role: 'adviseur' }] }, SYSTEM);
    const added = await districtAdmin.post(`/organisations/${district.id}/members`, { email: inside, name: 'Binnen', role: 'adviseur' });
    expect(added.status).toBe(201);
    expect(added.body.link).toBeNull();

    const police = await ctx.api.create('/organisations', { kind: 'partner', partnerKind: 'police', name: 'Politie' });
    const policeAdmin = await beheerderOf(police.id);
    expect((await policeAdmin.post(`/organisations/${police.id}/members`, { email: `p-${Date.now()}@leden.test`, name: 'Agent', role: 'adviseur' })).status).toBe(422);
    expect((await policeAdmin.post(`/organisations/${police.id}/members`, { email: `q-${Date.now()}@leden.test`, name: 'Agent', role: 'partner' })).status).toBe(201);
  });
});

describe('the platform administrator (issue 11)', () => {
  async function platformAdmin(): Promise<Api> {
    const email = `platform-${Math.random().toString(36).slice(2, 8)}@leden.test`;
    await createUser(ctx.db, { email, name: 'Platformbeheerder', password: TEST_PASSWORD, isPlatformAdmin: true }, SYSTEM);
    // A client without the test database: no role is granted in the organisations it creates (test/api.ts).
    return new Api(ctx.api.app, await signIn(ctx.api.app, email, TEST_PASSWORD));
  }

  it('gives a municipality without a beheerder its first beheerder, and nothing else', async () => {
    const platform = await platformAdmin();
    const town = await make.municipality(platform);
    const members = `/organisations/${town.id}/members`;
    const self = { email: (await platform.get('/auth/me')).body.user.email, name: 'Platformbeheerder' };
    // No other role, not for itself and not for anyone else; no API token.
    expect((await platform.post(members, { ...self, role: 'adviseur' })).status).toBe(403);
    expect((await platform.post(members, { email: `raad-${Date.now()}@leden.test`, name: 'Raadslid', role: 'raadslid' })).status).toBe(403);
    expect((await platform.post(`/organisations/${town.id}/tokens`, { name: 'Koppeling', role: 'adviseur', expiresInDays: 1 })).status).toBe(403);
    expect((await platform.post(`/organisations/${town.id}/tokens`, { name: 'Koppeling', role: 'beheerder', expiresInDays: 1 })).status).toBe(403);

    const first = await platform.post(members, { email: `eerste-${Date.now()}@leden.test`, name: 'Eerste Beheerder', role: 'beheerder' });
    expect(first.status).toBe(201);
    expect(first.body.member.role).toBe('beheerder');
    // Once there is a beheerder, the beheerder manages the members: a second one (also itself) is refused.
    expect((await platform.post(members, { ...self, role: 'beheerder' })).status).toBe(403);
    expect((await platform.post(members, { email: `tweede-${Date.now()}@leden.test`, name: 'Tweede', role: 'beheerder' })).status).toBe(403);
    expect((await platform.get(members)).status).toBe(403);
    expect((await platform.patch(`${members}/${first.body.member.userId}`, { role: 'raadslid' })).status).toBe(403);
    expect((await platform.post(`${members}/${first.body.member.userId}/password-link`, {})).status).toBe(403);
    expect((await platform.delete(`${members}/${first.body.member.userId}`)).status).toBe(403);
    const roles = await ctx.db.query<{ role: string }>('select role from memberships where organisation_id = $1', [town.id]);
    expect(roles).toEqual([{ role: 'beheerder' }]);
    expect(await ctx.db.query('select 1 from api_tokens where organisation_id = $1', [town.id])).toHaveLength(0);
  });

  it('gives an organisation with a beheerder nobody, and never itself a role there', async () => {
    const platform = await platformAdmin();
    const town = await make.municipality(ctx.api);
    const admin = await beheerderOf(town.id);
    const self = { email: (await platform.get('/auth/me')).body.user.email, name: 'Platformbeheerder' };
    for (const role of ['beheerder', 'adviseur', 'bestuurder', 'raadslid'] as const) {
      expect((await platform.post(`/organisations/${town.id}/members`, { ...self, role })).status, role).toBe(403);
    }
    expect((await platform.post(`/organisations/${town.id}/tokens`, { name: 'Koppeling', role: 'adviseur', expiresInDays: 1 })).status).toBe(403);
    expect((await platform.get(`/organisations/${town.id}/tokens`)).status).toBe(403);
    const plan = await make.plan(ctx.api, { ownerId: town.id });
    expect((await platform.get(`/plans/${plan.id}/export`)).status).toBe(404);
    // The beheerder still does.
    expect((await admin.post(`/organisations/${town.id}/members`, { email: `collega-${Date.now()}@leden.test`, name: 'Collega', role: 'adviseur' })).status).toBe(201);
  });

  it('gives a collaboration its first beheerder, from one of its municipalities; a partner organisation none', async () => {
    const platform = await platformAdmin();
    const town = await make.municipality(platform);
    const district = await platform.create('/organisations', { kind: 'collaboration', collaborationKind: 'district', name: 'District', memberIds: [town.id] });
    const inside = `binnen-${Date.now()}@leden.test`;
    await createUser(ctx.db, { email: inside, name: 'Binnen', memberships: [{ organisationId: town.id, role: 'adviseur' }] }, SYSTEM);
    expect((await platform.post(`/organisations/${district.id}/members`, { email: inside, name: 'Binnen', role: 'adviseur' })).status).toBe(403);
    expect((await platform.post(`/organisations/${district.id}/members`, { email: inside, name: 'Binnen', role: 'beheerder' })).status).toBe(201);
    // A shared partner (the police) reads the activities it is involved in, in every municipality: not the platform's to staff.
    const police = await platform.create('/organisations', { kind: 'partner', partnerKind: 'police', name: 'Politie' });
    expect((await platform.post(`/organisations/${police.id}/members`, { email: `agent-${Date.now()}@leden.test`, name: 'Agent', role: 'beheerder' })).status).toBe(403);
  });

  it('gives two concurrent first beheerders to nobody twice', async () => {
    const platform = await platformAdmin();
    const town = await make.municipality(platform);
    const statuses = await Promise.all([1, 2, 3].map((n) =>
      platform.post(`/organisations/${town.id}/members`, { email: `gelijk-${n}-${Date.now()}@leden.test`, name: `Beheerder ${n}`, role: 'beheerder' }).then((r) => r.status)));
    expect(statuses.sort()).toEqual([201, 403, 403]);
  });
});

describe('first run without demo data', () => {
  it('a one-time link sets up the municipality and its first beheerder, once', async () => {
    const t = await createTestDb();
    try {
      const link = await createSetupLinkIfNoUsers(t.db);
      expect(link).not.toBeNull();
      const app = await buildApp(t.db);
      const body = { token: link!.token, organisationName: 'Wijdemeren', cbsCode: 'GM1696', name: 'Eerste Beheerder', email: 'anna@wijdemeren.test', password: 'eerste-beheerder-wachtwoord' };
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: { ...body, password: 'kort' } })).statusCode).toBe(422);
      expect((await t.db.query('select 1 from organisations')).length).toBe(0);
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: body })).statusCode).toBe(201);
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: body })).statusCode).toBe(404);
      const session = await signIn(app, 'anna@wijdemeren.test', 'eerste-beheerder-wachtwoord');
      const me = (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } })).json();
      expect(me.user).toMatchObject({ isPlatformAdmin: true, memberships: [expect.objectContaining({ organisationName: 'Wijdemeren', role: 'beheerder' })] });
      expect(await createSetupLinkIfNoUsers(t.db)).toBeNull();
      await app.close();
    } finally {
      await t.drop();
    }
  });
});
