import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { Api, make, signIn, TEST_PASSWORD, useApi } from '../api.ts';

const ctx = useApi();

async function setUp() {
  const town = await make.municipality(ctx.api);
  const plan = await make.plan(ctx.api, { ownerId: town.id });
  const email = `beheer-${Math.random().toString(36).slice(2, 8)}@tokens.test`;
  await createUser(ctx.db, { email, name: 'Beheerder', password: TEST_PASSWORD, memberships: [{ organisationId: town.id, role: 'beheerder' }] }, SYSTEM);
  const admin = ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
  return { town, plan, admin };
}

const withToken = (token: string, method: string, url: string, payload?: unknown) =>
  ctx.api.app.inject({ method: method as never, url: `/api/v1${url}`, payload: payload as never, headers: { authorization: `Bearer ${token}` } });

describe('API tokens for integrations', () => {
  it('act with their organisation and role only, every use in the audit trail, without a CSRF token', async () => {
    const { town, plan, admin } = await setUp();
    const made = await admin.post(`/organisations/${town.id}/tokens`, { name: 'Koppeling zaaksysteem', role: 'adviseur', expiresInDays: 30 });
    expect(made.status).toBe(201);
    const { token, apiToken } = made.body;
    expect(token).toMatch(/^regie_[\w-]{40,}$/);
    // The secret is not stored, and not listed.
    expect(JSON.stringify(await ctx.db.query('select * from api_tokens'))).not.toContain(token);
    expect(JSON.stringify((await admin.get(`/organisations/${town.id}/tokens`)).body)).not.toContain(token);

    expect((await withToken(token, 'GET', `/plans/${plan.id}`)).statusCode).toBe(200);
    const created = await withToken(token, 'POST', '/themes', { title: 'Via koppeling', scope: 'local', planId: plan.id });
    expect(created.statusCode).toBe(201);
    const trail = await ctx.db.query<{ action: string; actor_label: string }>(
      'select action, actor_label from audit_events where organisation_id = $1 order by id desc limit 3', [town.id]);
    expect(trail.map((t) => t.action)).toEqual(['create', 'token_use', 'token_use']);
    expect(trail[0].actor_label).toBe('API-token "Koppeling zaaksysteem"');

    const otherPlan = await make.plan(ctx.api);
    expect((await withToken(token, 'GET', `/plans/${otherPlan.id}`)).statusCode).toBe(404);

    expect((await admin.delete(`/organisations/${town.id}/tokens/${apiToken.id}`)).status).toBe(204);
    const revoked = await withToken(token, 'GET', `/plans/${plan.id}`);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.headers['content-type']).toMatch(/problem\+json/);
  });

  it('are made by the organisation’s beheerder only: not by a platform administrator, also where there is no beheerder (issue 11)', async () => {
    const email = `platform-${Math.random().toString(36).slice(2, 8)}@tokens.test`;
    await createUser(ctx.db, { email, name: 'Platformbeheerder', password: TEST_PASSWORD, isPlatformAdmin: true }, SYSTEM);
    const platform = new Api(ctx.api.app, await signIn(ctx.api.app, email, TEST_PASSWORD));
    const withBeheerder = (await setUp()).town;
    const withoutBeheerder = await make.municipality(platform);
    for (const town of [withBeheerder, withoutBeheerder]) {
      for (const role of ['adviseur', 'beheerder', 'raadslid'] as const) {
        expect((await platform.post(`/organisations/${town.id}/tokens`, { name: 'Meelezen', role, expiresInDays: 1 })).status, role).toBe(403);
      }
      expect((await platform.get(`/organisations/${town.id}/tokens`)).status).toBe(403);
      expect(await ctx.db.query('select 1 from api_tokens where organisation_id = $1', [town.id])).toHaveLength(0);
    }
  });

  it('stop working when they expire, and never work with a made-up secret', async () => {
    const { town, plan, admin } = await setUp();
    const { token, apiToken } = (await admin.post(`/organisations/${town.id}/tokens`, { name: 'Kort', role: 'bestuurder', expiresInDays: 1 })).body;
    expect((await withToken(token, 'GET', `/plans/${plan.id}`)).statusCode).toBe(200);
    // A bestuurder's token reads but does not write.
    expect((await withToken(token, 'POST', '/themes', { title: 'X', scope: 'local', planId: plan.id })).statusCode).toBe(403);
    await ctx.db.query("update api_tokens set expires_at = now() - interval '1 second' where id = $1", [apiToken.id]);
    expect((await withToken(token, 'GET', `/plans/${plan.id}`)).statusCode).toBe(401);
    expect((await withToken('regie_verzonnen', 'GET', '/plans')).statusCode).toBe(401);
    expect((await admin.post(`/organisations/${town.id}/tokens`, { name: 'Te lang', role: 'adviseur', expiresInDays: 1000 })).status).toBe(422);
  });
});
