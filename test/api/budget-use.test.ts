import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { budgetUseOfPlans } from '../../src/server/plans/budget-use.ts';
import { todayInNetherlands } from '../../src/server/core/clock.ts';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { make, signIn, TEST_PASSWORD, useApi, type Api } from '../api.ts';

const ctx = useApi();

/** A plan of 2023–2024 with a line of € 5.000 per jaar, a line of € 35.650 per jaar with two sub-lines, and a PM line. */
async function budgetPlan(api: Api) {
  const plan = await make.plan(api, { periodStart: '2023-Q2', periodEnd: '2024-Q4' });
  const theme = await make.theme(api, { planId: plan.id, title: 'Jeugd en veiligheid' });
  const communication = await make.budgetLine(api, { planId: plan.id, title: 'Publiekscommunicatie', amounts: [{ year: null, amountCents: 500_000 }] });
  const projects = await make.budgetLine(api, { planId: plan.id, title: 'Projecten', themeId: theme.id, amounts: [{ year: null, amountCents: 3_565_000 }] });
  const youth = await make.budgetLine(api, { planId: plan.id, parentId: projects.id, title: 'Jeugd & veiligheid', amounts: [{ year: null, amountCents: 1_265_000 }] });
  const pm = await make.budgetLine(api, { planId: plan.id, title: 'Aanpak overlast', isPm: true, amounts: [] });
  return { plan, theme, communication, projects, youth, pm };
}

const useOf = (budget: any, lineId: string) => budget.use.lines.find((l: any) => l.lineId === lineId);

describe('spending and budget use', () => {
  it('the plan budget reports planned, spent and remaining per line, year, theme and in total', async () => {
    const { api } = ctx;
    const b = await budgetPlan(api);
    await make.spendingEntry(api, { budgetLineId: b.communication.id, year: 2023, amountCents: 320_000 });
    await make.spendingEntry(api, { budgetLineId: b.communication.id, year: 2023, amountCents: 230_000, spentOn: '2024-01-10' });
    await make.spendingEntry(api, { budgetLineId: b.youth.id, year: 2024, amountCents: 1_000_000, spentOn: '2024-03-01' });
    await make.spendingEntry(api, { budgetLineId: b.projects.id, year: 2024, amountCents: 65_000, spentOn: '2024-04-01' });
    await make.spendingEntry(api, { budgetLineId: b.pm.id, year: 2024, amountCents: 90_000, spentOn: '2024-05-01' });
    const budget = (await api.get(`/plans/${b.plan.id}/budget`)).body;
    expect(budget.use.years).toEqual([2023, 2024]);

    // € 5.500 of € 5.000 spent in 2023: over budget that year, not over the period.
    expect(useOf(budget, b.communication.id)).toMatchObject({ plannedCents: 1_000_000, spentCents: 550_000, remainingCents: 450_000, isOverBudget: false });
    expect(useOf(budget, b.communication.id).years[0]).toEqual({ year: 2023, plannedCents: 500_000, spentCents: 550_000, remainingCents: -50_000, isOverBudget: true });
    // The sub-line's spending counts for its main line too, but only once in the total.
    expect(useOf(budget, b.youth.id)).toMatchObject({ plannedCents: 2_530_000, spentCents: 1_000_000 });
    expect(useOf(budget, b.projects.id)).toMatchObject({ plannedCents: 7_130_000, spentCents: 1_065_000, remainingCents: 6_065_000 });
    expect(useOf(budget, b.pm.id)).toMatchObject({ plannedCents: null, spentCents: 90_000, remainingCents: null, isOverBudget: false });
    expect(budget.use.total).toEqual({ plannedCents: 8_130_000, spentCents: 1_615_000, remainingCents: 6_515_000, isOverBudget: false });
    expect(budget.use.pmSpentCents).toBe(90_000);
    expect(budget.use.byYear.map((y: any) => [y.year, y.spentCents])).toEqual([[2023, 550_000], [2024, 1_065_000]]);
    expect(budget.use.themes.map(({ years: _, ...t }: any) => t)).toEqual([
      { themeId: b.theme.id, plannedCents: 7_130_000, spentCents: 1_065_000, remainingCents: 6_065_000, isOverBudget: false },
      { themeId: null, plannedCents: 1_000_000, spentCents: 550_000, remainingCents: 450_000, isOverBudget: false },
    ]);
    expect(budget.use.themes[1].years[0]).toMatchObject({ year: 2023, spentCents: 550_000, isOverBudget: true });
  });

  it('changing and deleting spending changes the figures, each write with one audit row', async () => {
    const { api, db } = ctx;
    const b = await budgetPlan(api);
    const entry = await make.spendingEntry(api, { budgetLineId: b.communication.id, year: 2024, amountCents: 100_000 });
    expect(entry.planId).toBe(b.plan.id);
    const updated = await api.patch(`/spending-entries/${entry.id}`, { amountCents: 1_200_000, version: entry.version });
    expect(updated.status).toBe(200);
    let budget = (await api.get(`/plans/${b.plan.id}/budget`)).body;
    expect(useOf(budget, b.communication.id)).toMatchObject({ spentCents: 1_200_000, remainingCents: -200_000, isOverBudget: true });
    expect(budget.use.total.spentCents).toBe(1_200_000);

    expect((await api.delete(`/spending-entries/${entry.id}?version=${updated.body.version}`)).status).toBe(204);
    budget = (await api.get(`/plans/${b.plan.id}/budget`)).body;
    expect(useOf(budget, b.communication.id)).toMatchObject({ spentCents: 0, isOverBudget: false });
    const audit = await db.query<{ action: string }>(`select action from audit_events where entity = 'spending-entries' and entity_id = $1 order by id`, [entry.id]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('lists spending per line and per plan, in budget year and date order', async () => {
    const { api } = ctx;
    const b = await budgetPlan(api);
    const late = await make.spendingEntry(api, { budgetLineId: b.youth.id, year: 2024, spentOn: '2024-09-01' });
    const early = await make.spendingEntry(api, { budgetLineId: b.youth.id, year: 2023, spentOn: '2023-09-01' });
    const other = await make.spendingEntry(api, { budgetLineId: b.communication.id, year: 2023 });
    expect((await api.get(`/spending-entries?budgetLineId=${b.youth.id}`)).body.map((e: any) => e.id)).toEqual([early.id, late.id]);
    expect((await api.get(`/spending-entries?planId=${b.plan.id}`)).body.map((e: any) => e.id).sort()).toEqual([early.id, late.id, other.id].sort());
    expect((await api.get(`/spending-entries?planId=${b.plan.id}&year=2024`)).body.map((e: any) => e.id)).toEqual([late.id]);
  });

  it('a line with spending is not deleted (409, nothing lost); deleting the plan takes its spending along', async () => {
    const { api, db } = ctx;
    const b = await budgetPlan(api);
    const entry = await make.spendingEntry(api, { budgetLineId: b.youth.id });
    for (const line of [b.youth, b.projects]) {
      const res = await api.delete(`/budget-lines/${line.id}?version=${line.version}`);
      expect(res.status, line.title).toBe(409);
      expect(res.body.code).toBe('in_use');
    }
    expect((await api.get(`/spending-entries/${entry.id}`)).status).toBe(200);
    expect((await api.get(`/budget-lines/${b.youth.id}`)).status).toBe(200);

    expect((await api.delete(`/plans/${b.plan.id}?version=${b.plan.version}`)).status).toBe(204);
    expect((await db.query('select id from spending_entries where id = $1', [entry.id]))).toHaveLength(0);
  });

  it('spending does not move to another line, and counts against a year of the plan period', async () => {
    const { api } = ctx;
    const b = await budgetPlan(api);
    const entry = await make.spendingEntry(api, { budgetLineId: b.youth.id });
    const moved = await api.patch(`/spending-entries/${entry.id}`, { budgetLineId: b.communication.id, version: entry.version });
    expect(moved.status).toBe(422);
    expect(moved.body.errors.map((e: any) => e.path)).toEqual(['budgetLineId']);
    // The plan period starts in Q2 2023: 2023 counts, 2022 does not.
    const early = await api.post('/spending-entries', { budgetLineId: b.youth.id, year: 2022, amountCents: 1, spentOn: '2022-12-01' });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([{ path: 'year', message: 'Kies een begrotingsjaar binnen de planperiode' }]);
  });

  it('a budget line names a theme of its own plan, and a sub-line none', async () => {
    const { api } = ctx;
    const b = await budgetPlan(api);
    const otherTheme = await make.theme(api);
    const res = await api.patch(`/budget-lines/${b.communication.id}`, { themeId: otherTheme.id, version: b.communication.version });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => e.path)).toContain('themeId');
    const sub = await api.patch(`/budget-lines/${b.youth.id}`, { themeId: b.theme.id, version: b.youth.version });
    expect(sub.status).toBe(422);
    expect(sub.body.errors).toEqual([{ path: 'themeId', message: 'Een subpost hoort bij het thema van zijn hoofdpost' }]);
    // Deleting the theme keeps the line, without a theme.
    expect((await api.delete(`/themes/${b.theme.id}?version=${b.theme.version}`)).status).toBe(204);
    expect((await api.get(`/budget-lines/${b.projects.id}`)).body.themeId).toBeNull();
  });
});

describe('subsidies', () => {
  const inDays = (days: number) => {
    const d = new Date(`${todayInNetherlands()}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };

  it('keep their reference, conditions, end and accountability dates, flagged by how near the end is', async () => {
    const { api } = ctx;
    const plan = await make.plan(api);
    const subsidy = (title: string, over: Record<string, unknown>) =>
      make.budgetLine(api, { planId: plan.id, title, funding: 'subsidy', funderName: 'NCTV', ...over });
    const ending = await subsidy('Versterkingsgelden', {
      grantReference: 'NCTV/2023/0815', conditions: 'Op declaratiebasis; verantwoording met een accountantsverklaring', endDate: inDays(30), accountabilityDate: inDays(60),
    });
    const ended = await subsidy('Bestuurlijk Interventieteam', { endDate: inDays(-1) });
    const running = await subsidy('Netwerkregisseur', { endDate: inDays(365) });
    const open = await subsidy('Trainingen', {});
    await make.budgetLine(api, { planId: plan.id, title: 'Eigen geld' });
    expect(ending).toMatchObject({ grantReference: 'NCTV/2023/0815', conditions: 'Op declaratiebasis; verantwoording met een accountantsverklaring' });

    const budget = (await api.get(`/plans/${plan.id}/budget`)).body;
    expect(budget.today).toBe(todayInNetherlands());
    expect(budget.subsidies).toEqual([
      { lineId: ending.id, endState: 'ending_soon', daysToEnd: 30, isAccountabilityDue: true, daysToAccountability: 60 },
      { lineId: ended.id, endState: 'ended', daysToEnd: -1, isAccountabilityDue: false, daysToAccountability: null },
      { lineId: running.id, endState: 'running', daysToEnd: 365, isAccountabilityDue: false, daysToAccountability: null },
      { lineId: open.id, endState: 'no_end_date', daysToEnd: null, isAccountabilityDue: false, daysToAccountability: null },
    ]);
  });

  it('own money has no subsidy terms', async () => {
    const { api } = ctx;
    const line = await make.budgetLine(api);
    const res = await api.patch(`/budget-lines/${line.id}`, { endDate: '2024-12-31', grantReference: 'X', version: line.version });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => e.path).sort()).toEqual(['endDate', 'grantReference']);
  });
});

describe('who sees spending', () => {
  it('a published plan shows its budget use to everyone, but its spending entries only to its own staff', async () => {
    const { api, db } = ctx;
    const b = await budgetPlan(api);
    const entry = await make.spendingEntry(api, { budgetLineId: b.communication.id, note: 'Factuur drukkerij Jansen' });
    expect((await make.publishedVersion(api, b.plan.id)).status).toBe('published');

    const anonymous = api.as(null);
    const budget = await anonymous.get(`/plans/${b.plan.id}/budget`);
    expect(budget.status).toBe(200);
    expect(useOf(budget.body, b.communication.id).spentCents).toBe(125_000);
    expect(JSON.stringify(budget.body)).not.toContain('Jansen');
    expect((await anonymous.get(`/spending-entries/${entry.id}`)).status).toBe(404);
    expect((await anonymous.get(`/spending-entries?planId=${b.plan.id}`)).body).toEqual([]);

    const email = `raad-${randomUUID().slice(0, 6)}@regie.test`;
    await createUser(db, { email, name: 'Raadslid', password: TEST_PASSWORD, memberships: [{ organisationId: b.plan.ownerId, role: 'raadslid' }] }, SYSTEM);
    const council = api.as(await signIn(api.app, email, TEST_PASSWORD));
    expect((await council.get(`/spending-entries/${entry.id}`)).status).toBe(200);
    expect((await council.get(`/spending-entries?planId=${b.plan.id}`)).body.map((e: any) => e.id)).toEqual([entry.id]);
    expect((await council.post('/spending-entries', { budgetLineId: b.communication.id, year: 2023, amountCents: 1, spentOn: '2023-05-01' })).status).toBe(403);
  });
});

describe('budget use of many plans at once (dashboards)', () => {
  it('computes each plan’s figures in one call, also for a plan without lines', async () => {
    const { api, db } = ctx;
    const a = await budgetPlan(api);
    await make.spendingEntry(api, { budgetLineId: a.youth.id, year: 2024, amountCents: 2_000_000 });
    const empty = await make.plan(api, { periodStart: '2019-Q1', periodEnd: '2022-Q4' });
    const use = await budgetUseOfPlans(db, [a.plan.id, empty.id, randomUUID()]);
    expect([...use.keys()].sort()).toEqual([a.plan.id, empty.id].sort());
    expect(use.get(a.plan.id)!.total).toMatchObject({ plannedCents: 8_130_000, spentCents: 2_000_000 });
    expect(use.get(a.plan.id)!.lines.find((l) => l.lineId === a.youth.id)!.years[1]).toMatchObject({ year: 2024, isOverBudget: true });
    expect(use.get(empty.id)!).toMatchObject({ years: [2019, 2020, 2021, 2022], lines: [], total: { plannedCents: 0, spentCents: 0 } });
  });
});
