import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import type { TRole } from '../../src/domain/permissions.ts';
import { make, signIn, TEST_PASSWORD, useApi } from '../api.ts';

const ctx = useApi();

async function as(organisationId: string, role: TRole) {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@dashboard.test`;
  await createUser(ctx.db, { email, name: `Test ${role}`, password: TEST_PASSWORD, memberships: [{ organisationId, role }] }, SYSTEM);
  return ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
}

/** A municipality with a running programme: two themes, activities in several states, an indicator and a budget. */
async function town() {
  const { api } = ctx;
  const org = await make.municipality(api);
  const wethouder = await make.person(api, { organisationId: org.id, name: 'Wethouder Veiligheid', role: 'alderman' });
  const plan = await make.plan(api, { ownerId: org.id, periodStart: '2025-Q1', periodEnd: '2026-Q4' });
  const ondermijning = await make.theme(api, { planId: plan.id, title: 'Ondermijning', position: 1, portfolioHolderIds: [wethouder.id] });
  const jeugd = await make.theme(api, { planId: plan.id, title: 'Jeugd', position: 2 });
  // Weekly controls since the start of 2025 and none recorded: this one lags behind its frequency.
  const controls = await make.activity(api, { themeId: ondermijning.id, title: 'Integrale controles', timeframeText: '2025-2026', frequencyText: 'wekelijks' });
  const campaign = await make.activity(api, { themeId: ondermijning.id, title: 'Campagne', timeframeText: 'Q1 2025', frequencyText: 'Eenmalig' });
  await api.post(`/activities/${campaign.id}/progress`, { status: 'done', version: campaign.version });
  const street = await make.activity(api, { themeId: jeugd.id, title: 'Straatwerk', timeframeText: '2025-2026', frequencyText: 'Doorlopend' });
  await api.post(`/activities/${street.id}/progress`, { status: 'in_progress', version: street.version });
  // An indicator of the first theme that met its target, one without data, and one of the plan as a whole.
  const met = await make.indicator(api, { planId: plan.id, themeId: ondermijning.id, baselineValue: 40, baselineYear: 2024, targetKind: 'absolute', targetValue: 30, targetYear: 2026, direction: 'lower_is_better' });
  await make.measurement(api, { indicatorId: met.id, periodLabel: '2025', periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 28 });
  await make.indicator(api, { planId: plan.id, themeId: ondermijning.id });
  await make.indicator(api, { planId: plan.id });
  const line = await make.budgetLine(api, { planId: plan.id, themeId: ondermijning.id, amounts: [{ year: 2025, amountCents: 100_000 }] });
  await make.spendingEntry(api, { budgetLineId: line.id, year: 2025, amountCents: 150_000, spentOn: '2025-03-01' });
  return { org, plan, ondermijning, jeugd, wethouder, controls };
}

describe('the dashboard of a municipality', () => {
  it('counts per theme the activities by status and the lagging ones, the indicators by status and the budget use', async () => {
    const t = await town();
    const res = await ctx.api.get(`/organisations/${t.org.id}/dashboard`);
    expect(res.status).toBe(200);
    const [plan] = res.body.plans;
    expect(plan.plan).toMatchObject({ id: t.plan.id, owner: { id: t.org.id } });
    const [ondermijning, jeugd] = plan.themes;
    expect(ondermijning.theme.title).toBe('Ondermijning');
    expect(ondermijning.portfolioHolders).toEqual([{ id: t.wethouder.id, name: 'Wethouder Veiligheid' }]);
    expect(ondermijning.activities).toEqual({ total: 2, lagging: 1, byStatus: { not_started: 1, in_progress: 0, done: 1, delayed: 0, cancelled: 0 } });
    expect(ondermijning.indicators.total).toBe(2);
    expect(ondermijning.indicators.byStatus).toMatchObject({ achieved: 1, no_data: 1 });
    expect(ondermijning.budget).toEqual({ plannedCents: 100_000, spentCents: 150_000, remainingCents: -50_000, isOverBudget: true });
    expect(jeugd.activities.byStatus.in_progress).toBe(1);
    expect(jeugd.budget).toBeNull();
    // The plan's total includes the indicator that belongs to no theme.
    expect(plan.total.activities.total).toBe(3);
    expect(plan.total.indicators.total).toBe(3);
    expect(plan.total.budget.isOverBudget).toBe(true);
    expect(res.body.portfolioHolders).toEqual([{ id: t.wethouder.id, name: 'Wethouder Veiligheid' }]);
  });

  it('changes when an occurrence is recorded and an activity is delayed', async () => {
    const t = await town();
    const figures = async () => (await ctx.api.get(`/organisations/${t.org.id}/dashboard`)).body.plans[0].themes[0].activities;
    expect((await figures()).lagging).toBe(1);
    const controls = (await ctx.api.get(`/activities/${t.controls.id}`)).body;
    const delayed = await ctx.api.post(`/activities/${t.controls.id}/progress`, { status: 'delayed', note: 'Capaciteit politie', version: controls.version });
    expect(delayed.status).toBe(201);
    const after = await figures();
    expect(after.byStatus).toMatchObject({ not_started: 0, delayed: 1 });
  });

  it('is never stale: every kind of change behind its figures shows at once (the dashboard is cached per data version)', async () => {
    const t = await town();
    const theme = async () => (await ctx.api.get(`/organisations/${t.org.id}/dashboard`)).body.plans[0].themes[0];
    const before = await theme();
    // An occurrence for each week so far: the weekly controls no longer lag.
    const weeks = Array.from({ length: 120 }, (_, n) => new Date(Date.UTC(2025, 0, 6 + 7 * n)).toISOString().slice(0, 10))
      .filter((d) => d <= new Date().toISOString().slice(0, 10));
    for (const occurredOn of weeks) expect((await ctx.api.post(`/activities/${t.controls.id}/occurrences`, { occurredOn })).status).toBe(201);
    expect((await theme()).activities.lagging).toBe(before.activities.lagging - 1);
    // A measurement for the indicator without data.
    const plain = (await ctx.api.get(`/indicators?themeId=${t.ondermijning.id}`)).body.find((i: any) => i.baselineValue === 83);
    await make.measurement(ctx.api, { indicatorId: plain.id, periodLabel: '2025', periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 90 });
    expect((await theme()).indicators.byStatus.no_data).toBe(before.indicators.byStatus.no_data - 1);
    // Spending, a renamed theme and a new portefeuillehouder's name.
    const [line] = (await ctx.api.get(`/budget-lines?planId=${t.plan.id}`)).body;
    await make.spendingEntry(ctx.api, { budgetLineId: line.id, year: 2025, amountCents: 1_000, spentOn: '2025-04-01' });
    expect((await theme()).budget.spentCents).toBe(before.budget.spentCents + 1_000);
    await ctx.api.patch(`/people/${t.wethouder.id}`, { name: 'Burgemeester', version: t.wethouder.version });
    expect((await theme()).portfolioHolders[0].name).toBe('Burgemeester');
  });

  it('leads to the lists behind its figures: the programme’s activities of a theme that lag, or have a status', async () => {
    const t = await town();
    const [theme] = (await ctx.api.get(`/organisations/${t.org.id}/dashboard`)).body.plans[0].themes;
    const list = async (q: string) => (await ctx.api.get(`/plans/${t.plan.id}/activities?themeId=${t.ondermijning.id}&${q}`)).body;
    const lagging = await list('lagging=true');
    expect(lagging.map((a: any) => a.id)).toEqual([t.controls.id]);
    expect(lagging).toHaveLength(theme.activities.lagging);
    expect(await list('status=done')).toHaveLength(theme.activities.byStatus.done);
    // A recorded occurrence ends the lag of an activity done once: it leaves the list.
    const once = await make.activity(ctx.api, { themeId: t.ondermijning.id, title: 'Eenmalige bijeenkomst', timeframeText: 'Q1 2025', frequencyText: 'Eenmalig' });
    expect((await list('lagging=true')).map((a: any) => a.id)).toContain(once.id);
    await ctx.api.post(`/activities/${once.id}/occurrences`, { occurredOn: '2025-02-01' });
    expect((await list('lagging=true')).map((a: any) => a.id)).toEqual([t.controls.id]);
    expect((await ctx.api.get(`/plans/${t.plan.id}/activities?lagging=yes`)).status).toBe(400);
  });

  it('filters on a portefeuillehouder: their themes, and the totals of those themes', async () => {
    const t = await town();
    const burgemeester = await make.person(ctx.api, { organisationId: t.org.id, name: 'Burgemeester', role: 'mayor' });
    await ctx.api.patch(`/themes/${t.jeugd.id}`, { portfolioHolderIds: [burgemeester.id], version: t.jeugd.version });
    const res = await ctx.api.get(`/organisations/${t.org.id}/dashboard?portfolioHolderId=${t.wethouder.id}`);
    // Both stay on offer while one is chosen.
    expect(res.body.portfolioHolders.map((h: any) => h.name)).toEqual(['Burgemeester', 'Wethouder Veiligheid']);
    const [plan] = res.body.plans;
    expect(plan.themes.map((x: any) => x.theme.title)).toEqual(['Ondermijning']);
    expect(plan.total.activities.total).toBe(2);
    expect(plan.total.indicators.total).toBe(2);
  });

  it('shows the latest programme by default and another when asked; a plan of another organisation is not found', async () => {
    const t = await town();
    const older = await make.plan(ctx.api, { ownerId: t.org.id, periodStart: '2023-Q1', periodEnd: '2024-Q4', title: 'Vorig programma' });
    const ids = async (q = '') => (await ctx.api.get(`/organisations/${t.org.id}/dashboard${q}`)).body.plans.map((p: any) => p.plan.id);
    expect(await ids()).toEqual([t.plan.id]);
    expect(await ids(`?planId=${older.id}`)).toEqual([older.id]);
    const other = await make.plan(ctx.api);
    expect((await ctx.api.get(`/organisations/${t.org.id}/dashboard?planId=${other.id}`)).status).toBe(404);
  });

  it('shows only what the reader may read: no drafts for the council or the public, nothing of another municipality', async () => {
    const t = await town();
    const raadslid = await as(t.org.id, 'raadslid');
    expect((await raadslid.get(`/organisations/${t.org.id}/dashboard`)).body.plans).toEqual([]);
    expect((await ctx.api.as(null).get(`/organisations/${t.org.id}/dashboard`)).body.plans).toEqual([]);
    const stranger = await as((await make.municipality(ctx.api)).id, 'adviseur');
    expect((await stranger.get(`/organisations/${t.org.id}/dashboard`)).body.plans).toEqual([]);
    expect((await stranger.get(`/plans/${t.plan.id}/status-chart.svg`)).status).toBe(404);
    await make.publishedVersion(ctx.api, t.plan.id);
    const published = await ctx.api.as(null).get(`/organisations/${t.org.id}/dashboard`);
    expect(published.body.plans.map((p: any) => p.plan.id)).toEqual([t.plan.id]);
  });

  it('draws the activities per theme and status as an SVG chart with a title and a description', async () => {
    const t = await town();
    const res = await ctx.api.get(`/plans/${t.plan.id}/status-chart.svg`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/image\/svg\+xml/);
    const svg = String(res.body);
    expect(svg).toMatch(/<svg[^>]*role="img"/);
    expect(svg).toContain(`<title id="chart-title">${t.plan.title}</title>`);
    expect(svg).toMatch(/<desc id="chart-desc">[^<]*Ondermijning: 1 niet gestart, 1 gereed; 1 loopt achter\./);
  });
});

describe('the first screen of the dashboard (issue 12, D8)', () => {
  it('gives the headline figures: lagging, delayed and done activities, indicators on and off course, budget spent against planned', async () => {
    const t = await town();
    const [plan] = (await ctx.api.get(`/organisations/${t.org.id}/dashboard`)).body.plans;
    expect(plan.headline).toEqual({
      activities: 3, lagging: 1, delayed: 0, done: 1,
      indicators: 3, onCourse: 1, offCourse: 0, withoutMeasurement: plan.total.indicators.byStatus.no_data,
      plannedCents: 100_000, spentCents: 150_000,
    });
    expect(plan.headline.withoutMeasurement).toBeGreaterThanOrEqual(1);
    // The budget line has a theme: the figures per theme are meaningful.
    expect(plan.isBudgetByTheme).toBe(true);
    // Delayed, and an indicator off course, show at once.
    const controls = (await ctx.api.get(`/activities/${t.controls.id}`)).body;
    await ctx.api.post(`/activities/${t.controls.id}/progress`, { status: 'delayed', note: 'Capaciteit', version: controls.version });
    const off = await make.indicator(ctx.api, { planId: t.plan.id, baselineValue: 40, baselineYear: 2024, targetKind: 'absolute', targetValue: 30, targetYear: 2026, direction: 'lower_is_better' });
    await make.measurement(ctx.api, { indicatorId: off.id, periodLabel: '2025', periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 60 });
    const [after] = (await ctx.api.get(`/organisations/${t.org.id}/dashboard`)).body.plans;
    expect(after.headline).toMatchObject({ delayed: 1, indicators: 4, offCourse: 1 });
  });

  it('says when the budget lines belong to no theme, instead of "no budget" per theme', async () => {
    const org = await make.municipality(ctx.api);
    const plan = await make.plan(ctx.api, { ownerId: org.id, periodStart: '2025-Q1', periodEnd: '2026-Q4' });
    await make.theme(ctx.api, { planId: plan.id, title: 'Ondermijning' });
    await make.budgetLine(ctx.api, { planId: plan.id, amounts: [{ year: 2025, amountCents: 73_692_400 }] });
    const [d] = (await ctx.api.get(`/organisations/${org.id}/dashboard`)).body.plans;
    expect(d.isBudgetByTheme).toBe(false);
    expect(d.headline).toMatchObject({ activities: 0, plannedCents: 73_692_400, spentCents: 0 });
  });

  it('opens on a bestuurder’s own themes when their account is linked to a portefeuillehouder; they can ask for all', async () => {
    const t = await town();
    const email = `bestuurder-${Math.random().toString(36).slice(2, 8)}@dashboard.test`;
    const user = await createUser(ctx.db, { email, name: 'Wethouder', password: TEST_PASSWORD, memberships: [{ organisationId: t.org.id, role: 'bestuurder' }] }, SYSTEM);
    const bestuurder = ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
    // Not yet linked: the whole plan.
    const before = (await bestuurder.get(`/organisations/${t.org.id}/dashboard`)).body;
    expect(before.ownPortfolioHolder).toBeNull();
    expect(before.plans[0].themes).toHaveLength(2);
    await ctx.db.query('update people set user_id = $1 where id = $2', [user.id, t.wethouder.id]);
    const own = (await bestuurder.get(`/organisations/${t.org.id}/dashboard`)).body;
    expect(own.ownPortfolioHolder).toEqual({ id: t.wethouder.id, name: 'Wethouder Veiligheid' });
    expect(own.portfolioHolderId).toBe(t.wethouder.id);
    expect(own.plans[0].themes.map((x: any) => x.theme.title)).toEqual(['Ondermijning']);
    expect(own.plans[0].headline).toMatchObject({ activities: 2, lagging: 1, done: 1, plannedCents: null, spentCents: null });
    const all = (await bestuurder.get(`/organisations/${t.org.id}/dashboard?scope=all`)).body;
    expect(all.portfolioHolderId).toBeNull();
    expect(all.plans[0].themes).toHaveLength(2);
    // Others see the whole plan.
    expect((await ctx.api.get(`/organisations/${t.org.id}/dashboard`)).body.portfolioHolderId).toBeNull();
  });

  it('draws the chart at a phone’s width or a wider one, with the lagging activities', async () => {
    const t = await town();
    const narrow = String((await ctx.api.get(`/plans/${t.plan.id}/status-chart.svg?width=340`)).body);
    expect(narrow).toMatch(/<svg[^>]*width="340"/);
    expect(narrow).toMatch(/Ondermijning: 1 niet gestart, 1 gereed; 1 loopt achter\./);
    expect(narrow).toContain('Loopt achter');
    expect((await ctx.api.get(`/plans/${t.plan.id}/status-chart.svg?width=5000`)).status).toBe(400);
  });
});

describe('the dashboard of a collaboration', () => {
  it('shows its joint programme and the local parts of its member municipalities', async () => {
    const { api } = ctx;
    const a = await make.municipality(api);
    const b = await make.municipality(api);
    const basisteam = await api.create('/organisations', { kind: 'collaboration', collaborationKind: 'basisteam', name: 'Basisteam Test', memberIds: [a.id, b.id] });
    const joint = await make.plan(api, { ownerId: basisteam.id, title: 'Gezamenlijk deel' });
    await make.activity(api, { themeId: (await make.theme(api, { planId: joint.id, scope: 'joint' })).id });
    const localA = await make.plan(api, { ownerId: a.id, jointPlanId: joint.id, title: 'Lokaal deel A' });
    await make.activity(api, { themeId: (await make.theme(api, { planId: localA.id })).id });
    const res = await api.get(`/organisations/${basisteam.id}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.body.plans.map((p: any) => p.plan.id)).toEqual([joint.id]);
    expect(res.body.plans[0].total.activities.total).toBe(1);
    expect(res.body.members).toHaveLength(1);
    expect(res.body.members[0].organisation.id).toBe(a.id);
    expect(res.body.members[0].plans[0].plan.id).toBe(localA.id);
    // A member municipality's dashboard shows the joint programme beside its own.
    const own = await api.get(`/organisations/${a.id}/dashboard`);
    expect(own.body.plans.map((p: any) => p.plan.id)).toEqual([localA.id, joint.id]);
  });
});
