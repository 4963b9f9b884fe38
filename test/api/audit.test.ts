import { describe, expect, it } from 'vitest';
import { make, useApi } from '../api.ts';

const ctx = useApi();

async function auditRows(entityId?: string) {
  return ctx.db.query<{ action: string; entity: string; entity_id: string; organisation_id: string; before: any; after: any; actor_label: string }>(
    `select action, entity, entity_id, organisation_id, before, after, actor_label from audit_events
      ${entityId ? 'where entity_id = $1' : ''} order by id`,
    entityId ? [entityId] : [],
  );
}
const count = async () => (await ctx.db.query<{ n: number }>('select count(*)::int as n from audit_events'))[0].n;

describe('the audit trail', () => {
  it('writes exactly one row for each create, update and delete, with before and after', async () => {
    const { api } = ctx;
    const theme = await make.theme(api);
    const created = await auditRows(theme.id);
    expect(created).toEqual([expect.objectContaining({ action: 'create', entity: 'themes', organisation_id: theme.ownerId, before: null })]);
    expect(created[0].after.title).toBe(theme.title);

    const updated = (await api.patch(`/themes/${theme.id}`, { title: 'Nieuwe titel', version: 1 })).body;
    const afterUpdate = await auditRows(theme.id);
    expect(afterUpdate).toHaveLength(2);
    expect(afterUpdate[1]).toMatchObject({ action: 'update', before: { title: theme.title, version: 1 }, after: { title: 'Nieuwe titel', version: 2 } });

    expect((await api.delete(`/themes/${theme.id}?version=${updated.version}`)).status).toBe(204);
    const afterDelete = await auditRows(theme.id);
    expect(afterDelete).toHaveLength(3);
    expect(afterDelete[2]).toMatchObject({ action: 'delete', before: { title: 'Nieuwe titel' }, after: null });
  });

  it('writes nothing for a change that fails', async () => {
    const { api } = ctx;
    const theme = await make.theme(api);
    const before = await count();
    expect((await api.post('/themes', { title: '', scope: 'local', planId: theme.planId })).status).toBe(422);
    expect((await api.patch(`/themes/${theme.id}`, { title: 'X', version: 99 })).status).toBe(409);
    expect((await api.delete(`/themes/${theme.id}?version=99`)).status).toBe(409);
    expect((await api.post('/activities', { title: 'X', themeId: theme.id, goalIds: [theme.id] })).status).toBe(422);
    expect(await count()).toBe(before);
  });

  it('records a download of a plan as an export, not a page view', async () => {
    const { api } = ctx;
    const plan = await make.plan(api);
    await api.get(`/plans/${plan.id}/export`);
    expect((await auditRows(plan.id)).map((r) => r.action)).toEqual(['create']);
    await api.get(`/plans/${plan.id}/export?download=1`);
    expect((await auditRows(plan.id)).map((r) => r.action)).toEqual(['create', 'export']);
  });

  it('is append-only: the database refuses to change or remove audit rows', async () => {
    await make.goal(ctx.api);
    const before = await count();
    await expect(ctx.db.query("update audit_events set actor_label = 'iemand anders'")).rejects.toThrow(/alleen worden aangevuld/);
    await expect(ctx.db.query('delete from audit_events')).rejects.toThrow(/alleen worden aangevuld/);
    await expect(ctx.db.query('truncate audit_events')).rejects.toThrow(/alleen worden aangevuld/);
    expect(await count()).toBe(before);
  });
});

describe('the audit view of a beheerder', () => {
  it('lists the organisation’s changes and its users’ logins, filtered, and as CSV; for nobody else', async () => {
    const { createUser } = await import('../../src/server/accounts/accounts.ts');
    const { SYSTEM } = await import('../../src/server/core/audit.ts');
    const { signIn, TEST_PASSWORD } = await import('../api.ts');
    const town = await make.municipality(ctx.api);
    const other = await make.municipality(ctx.api);
    const theme = await make.theme(ctx.api, { planId: (await make.plan(ctx.api, { ownerId: town.id })).id });
    await make.theme(ctx.api, { planId: (await make.plan(ctx.api, { ownerId: other.id })).id });
    const email = `beheer-${Date.now()}@audit.test`;
    await createUser(ctx.db, { email, name: 'Beheerder', password: TEST_PASSWORD, memberships: [{ organisationId: town.id, role: 'beheerder' }] }, SYSTEM);
    const admin = ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));

    const all = (await admin.get(`/audit?organisationId=${town.id}`)).body;
    expect(all.map((e: any) => e.entityId)).toContain(theme.id);
    expect(all.every((e: any) => e.organisationId === town.id || e.organisationId === null)).toBe(true);
    expect(all.some((e: any) => e.action === 'login' && e.actorLabel === 'Beheerder')).toBe(true);
    const themesOnly = (await admin.get(`/audit?organisationId=${town.id}&entity=themes&action=create`)).body;
    expect(themesOnly.map((e: any) => e.entityId)).toEqual([theme.id]);

    const csv = await admin.get(`/audit.csv?organisationId=${town.id}&entity=themes`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('tijdstip;wie;gebruiker_id;actie;onderdeel;id;voor;na');
    expect(csv.body).toContain(theme.id);

    expect((await admin.get(`/audit?organisationId=${other.id}`)).status).toBe(403);
    expect((await ctx.api.get(`/audit?organisationId=${town.id}`)).status).toBe(403);
    expect((await ctx.api.as(null).get(`/audit?organisationId=${town.id}`)).status).toBe(401);
  });
});
