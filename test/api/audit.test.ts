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
