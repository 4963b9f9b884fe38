import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { todayInNetherlands } from '../../src/server/core/clock.ts';
import { make, signIn, TEST_PASSWORD, useApi } from '../api.ts';

/* Issue 12, the daily work surface: field messages that say what to fill in, and an overdue round flagged. */
const ctx = useApi();

const shifted = (days: number) => {
  const d = new Date(`${todayInNetherlands()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('field messages (review D12)', () => {
  it('answers an empty required field with what to fill in, per entity, in the problem document', async () => {
    const theme = await make.theme(ctx.api);
    const activity = await ctx.api.post('/activities', { themeId: theme.id, title: '  ' });
    expect(activity.status).toBe(422);
    expect(activity.body.errors).toContainEqual({ path: 'title', message: 'Vul de naam van de activiteit in' });
    const indicator = await ctx.api.post('/indicators', { planId: theme.planId, name: '' });
    expect(indicator.body.errors).toContainEqual({ path: 'name', message: 'Vul de naam van de indicator in' });
    // A PATCH goes through the same rules.
    const goal = await make.goal(ctx.api, { themeId: theme.id });
    const patched = await ctx.api.patch(`/goals/${goal.id}`, { title: '', version: goal.version });
    expect(patched.body.errors).toContainEqual({ path: 'title', message: 'Vul het doel in' });
  });
});

describe('an overdue update round (review D10)', () => {
  it('is flagged while it is open after its due date, in the list, the round and mijn updates; not before, not once closed', async () => {
    const town = await make.municipality(ctx.api);
    const plan = await make.plan(ctx.api, { ownerId: town.id, periodStart: '2023-Q1', periodEnd: '2024-Q4' });
    const police = await ctx.api.create('/organisations', { kind: 'partner', partnerKind: 'police', name: `Politie ${Date.now()}` });
    const theme = await make.theme(ctx.api, { planId: plan.id });
    await make.activity(ctx.api, { themeId: theme.id, timeframeText: 'Q1-Q2 2024', stakeholderIds: [police.id] });
    const email = `partner-${Date.now()}@verlopen.test`;
    await createUser(ctx.db, { email, name: 'Partner', password: TEST_PASSWORD, memberships: [{ organisationId: police.id, role: 'partner' }] }, SYSTEM);
    const partner = ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));

    const round = (await ctx.api.post(`/plans/${plan.id}/rounds`, { quarter: '2024-Q2', dueOn: shifted(-1) })).body;
    expect(round.isOverdue).toBe(true);
    expect((await ctx.api.get(`/plans/${plan.id}/rounds`)).body[0].isOverdue).toBe(true);
    expect((await ctx.api.get(`/rounds/${round.id}`)).body.isOverdue).toBe(true);
    expect((await partner.get('/me/updates')).body.rounds).toMatchObject([{ roundId: round.id, isOverdue: true }]);

    // Due today: not yet overdue.
    await ctx.db.query('update update_rounds set due_on = $2 where id = $1', [round.id, shifted(0)]);
    expect((await ctx.api.get(`/rounds/${round.id}`)).body.isOverdue).toBe(false);
    expect((await partner.get('/me/updates')).body.rounds[0].isOverdue).toBe(false);

    await ctx.db.query('update update_rounds set due_on = $2 where id = $1', [round.id, shifted(-30)]);
    const closed = await ctx.api.post(`/rounds/${round.id}/close`, { version: round.version });
    expect(closed.status).toBe(200);
    expect(closed.body.isOverdue).toBe(false);
  });
});
