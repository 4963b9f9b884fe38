import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import type { TRole } from '../../src/domain/permissions.ts';
import { make, signIn, TEST_PASSWORD, useApi, type Api } from '../api.ts';

const ctx = useApi();

async function userWith(organisationId: string, role: TRole): Promise<Api> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@vervolg.test`;
  await createUser(ctx.db, { email, name: `Test ${role}`, password: TEST_PASSWORD, memberships: [{ organisationId, role }] }, SYSTEM);
  return ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
}

/** A programme 2023-2024 with two themes, open and closed activities, indicators with measurements and a budget. */
async function programme() {
  const town = await make.municipality(ctx.api);
  const plan = await make.plan(ctx.api, { ownerId: town.id, title: 'Uitvoeringsprogramma 2023-2024', periodStart: '2023-Q1', periodEnd: '2024-Q4', sections: [{ key: 'inleiding', title: 'Inleiding', body: 'Voor 2023-2024.' }] });
  const theme = await make.theme(ctx.api, { planId: plan.id, title: 'Ondermijning' });
  const goal = await make.goal(ctx.api, { themeId: theme.id, title: 'Minder ondermijning' });
  const open = await make.activity(ctx.api, { themeId: theme.id, title: 'Open', timeframeText: 'Q3 2023 - Q2 2024', goalIds: [goal.id] });
  const running = await make.activity(ctx.api, { themeId: theme.id, title: 'Loopt', status: 'in_progress' });
  await make.activity(ctx.api, { themeId: theme.id, title: 'Klaar', status: 'done' });
  await make.activity(ctx.api, { themeId: theme.id, title: 'Vervallen', status: 'cancelled' });
  const indicator = await make.indicator(ctx.api, { planId: plan.id, themeId: theme.id, goalId: goal.id });
  await make.measurement(ctx.api, { indicatorId: indicator.id });
  await make.measurement(ctx.api, { indicatorId: indicator.id, periodLabel: '2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  const line = await make.budgetLine(ctx.api, { planId: plan.id, themeId: theme.id, amounts: [{ year: 2023, amountCents: 100_000 }, { year: 2024, amountCents: 200_000 }, { year: 2025, amountCents: 300_000 }] });
  await make.budgetLine(ctx.api, { planId: plan.id, parentId: line.id, title: 'Deel', amounts: [{ year: 2024, amountCents: 50_000 }] });
  await make.budgetLine(ctx.api, { planId: plan.id, title: 'Per jaar', amounts: [{ year: null, amountCents: 10_000 }] });
  await make.spendingEntry(ctx.api, { budgetLineId: line.id });
  await ctx.api.post(`/activities/${running.id}/progress`, { note: 'Gestart', version: running.version });
  return { town, plan, theme, open };
}

describe('nieuw programma op basis van …', () => {
  it('copies themes, goals, open activities, indicators and the budget structure into a concept for the next two years', async () => {
    const { plan, open } = await programme();
    const res = await ctx.api.post(`/plans/${plan.id}/successor`, {});
    expect(res.status).toBe(201);
    expect(res.body.plan).toMatchObject({ title: 'Uitvoeringsprogramma 2025-2026', periodStart: '2025-Q1', periodEnd: '2026-Q4', status: 'draft' });
    expect(res.body.copied).toEqual({ themes: 1, goals: 1, activities: 2, indicators: 1, budgetLines: 3, regularTasks: 0 });
    const leftOut = Object.fromEntries(res.body.leftOut.map((l: any) => [l.kind, l.count]));
    expect(leftOut).toEqual({ closedActivities: 2, measurements: 2, pastAmounts: 3, progress: null, sections: null });
    expect(res.body.leftOut.find((l: any) => l.kind === 'closedActivities').reason).toMatch(/Afgeronde en vervallen/);

    const next = (await ctx.api.get(`/plans/${res.body.plan.id}/export`)).body;
    expect(next.status).toBe('draft');
    expect(next.sections).toEqual([]);
    const [theme] = next.themes;
    expect(theme.title).toBe('Ondermijning');
    expect(theme.activities.map((a: any) => a.title)).toEqual(['Open', 'Loopt']);
    const copiedOpen = theme.activities[0];
    expect(copiedOpen.timeframeText).toBe('Q3 2025 - Q2 2026');
    expect(copiedOpen.goalIds).toEqual([theme.goals[0].id]);
    expect(copiedOpen.id).not.toBe(open.id);
    expect(theme.indicators[0]).toMatchObject({ goalId: theme.goals[0].id, baselineValue: 83, measurements: [] });
    const lines = next.budgetLines;
    expect(lines.map((l: any) => [l.title, l.amounts, l.themeId])).toEqual([
      [expect.any(String), [{ year: 2025, amountCents: 300_000 }], theme.id],
      ['Per jaar', [{ year: null, amountCents: 10_000 }], null],
    ]);
    expect(lines[0].subLines.map((l: any) => [l.title, l.amounts])).toEqual([['Deel', []]]);
    // The old programme is untouched.
    const old = (await ctx.api.get(`/plans/${plan.id}/export`)).body;
    expect(old.themes[0].activities).toHaveLength(4);

    const audit = await ctx.db.query<{ after: any }>("select after from audit_events where entity = 'plans' and entity_id = $1", [res.body.plan.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ sourcePlanId: plan.id, copied: { activities: 2 } });
  });

  it('takes the title and period the adviser gives; a start alone gives two years', async () => {
    const { plan } = await programme();
    const given = await ctx.api.post(`/plans/${plan.id}/successor`, { title: 'UVP Veiligheid 2026-2027', periodStart: '2026-Q1', periodEnd: '2027-Q4' });
    expect(given.body.plan).toMatchObject({ title: 'UVP Veiligheid 2026-2027', periodStart: '2026-Q1', periodEnd: '2027-Q4' });
    const fromStart = await ctx.api.post(`/plans/${plan.id}/successor`, { periodStart: '2025-Q3' });
    expect(fromStart.body.plan).toMatchObject({ periodStart: '2025-Q3', periodEnd: '2027-Q2' });
  });

  it('refuses bad input with problem+json and a field, and writes nothing', async () => {
    const { plan, town } = await programme();
    const count = async () => (await ctx.api.get(`/plans?ownerId=${town.id}`)).body.length;
    for (const [body, path] of [[{ periodStart: '2025 Q1' }, 'periodStart'], [{ periodStart: '2026-Q1', periodEnd: '2025-Q4' }, 'periodEnd'], [{ title: ' ' }, 'title']] as const) {
      const res = await ctx.api.post(`/plans/${plan.id}/successor`, body);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: any) => e.path)).toContain(path);
    }
    const ivp = await make.plan(ctx.api, { ownerId: town.id, kind: 'ivp' });
    expect((await ctx.api.post(`/plans/${ivp.id}/successor`, {})).status).toBe(422);
    expect(await count()).toBe(2);
  });

  it('is the adviser’s: others are refused, strangers do not see the plan', async () => {
    const { plan, town } = await programme();
    const other = await make.municipality(ctx.api);
    for (const role of ['bestuurder', 'beheerder'] as const) {
      const res = await (await userWith(town.id, role)).post(`/plans/${plan.id}/successor`, {});
      expect(res.status, role).toBe(403);
    }
    // The council does not read a concept programme at all.
    expect((await (await userWith(town.id, 'raadslid')).post(`/plans/${plan.id}/successor`, {})).status).toBe(404);
    expect((await (await userWith(other.id, 'adviseur')).post(`/plans/${plan.id}/successor`, {})).status).toBe(404);
    // Without a session the plan does not exist (the app's rule for plan content).
    expect((await ctx.api.as(null).post(`/plans/${plan.id}/successor`, {})).status).toBe(404);
    expect((await (await userWith(town.id, 'adviseur')).post(`/plans/${plan.id}/successor`, {})).status).toBe(201);
  });
});
