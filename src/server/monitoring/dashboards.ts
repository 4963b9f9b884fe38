import type { BudgetUse, UseFigures } from '../../domain/budget-use.ts';
import {
  activityFigures, headlineFigures, indicatorFigures, type TDashboardFigures, type TOrganisationDashboard, type TPlanDashboard,
} from '../../domain/dashboard.ts';
import { AppError } from '../../domain/errors.ts';
import { indicatorStatus, type StatusMeasurementInput, type TIndicatorStatus } from '../../domain/indicator.ts';
import type { TIndicator } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import { readCondition, type RequestContext } from '../core/access.ts';
import { getRecord } from '../core/read.ts';
import { budgetUseOfPlans } from '../plans/budget-use.ts';
import { frequencyProgress, type MonitoredActivity } from './monitoring.ts';
import { todayInNetherlands } from '../core/clock.ts';
import * as R from '../plans/resources.ts';

/*
 * Dashboards: for many plans at once, where each theme stands. A handful of set-based queries whatever the number of
 * plans (themes, activities with their occurrences, indicators with their latest own measurements, budget use);
 * statuses, lag and budget figures come from the domain's rules, so a dashboard never disagrees with the pages
 * behind its figures.
 */

interface PlanRow {
  id: string;
  title: string;
  kind: 'ivp' | 'uvp';
  status: TPlanDashboard['plan']['status'];
  period_start: string;
  period_end: string;
  joint_plan_id: string | null;
  owner: TPlanDashboard['plan']['owner'];
  /** The owner's data version (migration 0011): what the cache keys on. */
  data_version: number;
}

interface ThemeRow {
  id: string;
  plan_id: string;
  number: string | null;
  title: string;
  scope: 'joint' | 'local' | 'other';
  holders: { id: string; name: string }[];
}

const PLAN_SELECT = `select p.id, p.title, p.kind, p.status, p.period_start, p.period_end, p.joint_plan_id,
  json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'cbsCode', o.cbs_code) as owner,
  coalesce((select v.version from data_versions v where v.owner_id = p.owner_id), 0) as data_version
  from plans p join organisations o on o.id = p.owner_id`;

/**
 * Dashboards computed before, by plan, reference date, filter and the owner's data version: a change anywhere in the
 * owner's data raises the version (database triggers), so an entry is never stale – it is simply not asked for again.
 * Bounded; the oldest entries go first. Per app server: each server checks the versions in the database.
 */
const CACHE_SIZE = 2000;
const cache = new Map<string, TPlanDashboard>();
const cacheKey = (plan: PlanRow, asOf: string, portfolioHolderId?: string) =>
  `${plan.id}:${plan.data_version}:${asOf}:${portfolioHolderId ?? ''}`;

/** The dashboards of plans the caller has checked the actor may read, in the order given; computed once per version. */
export async function planDashboards(db: Db, plans: PlanRow[], asOf: string, portfolioHolderId?: string): Promise<TPlanDashboard[]> {
  const missing = plans.filter((p) => !cache.has(cacheKey(p, asOf, portfolioHolderId)));
  const computed = await computePlanDashboards(db, missing, asOf, portfolioHolderId);
  missing.forEach((p, n) => {
    cache.set(cacheKey(p, asOf, portfolioHolderId), computed[n]);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  });
  return plans.map((p) => cache.get(cacheKey(p, asOf, portfolioHolderId))!);
}

const budgetFigures = (u: UseFigures | undefined): TDashboardFigures['budget'] =>
  u ? { plannedCents: u.plannedCents, spentCents: u.spentCents, remainingCents: u.remainingCents, isOverBudget: u.isOverBudget } : null;

async function computePlanDashboards(db: Db, plans: PlanRow[], asOf: string, portfolioHolderId?: string): Promise<TPlanDashboard[]> {
  const planIds = plans.map((p) => p.id);
  if (!planIds.length) return [];
  const [themes, activities, indicators, budgets] = await Promise.all([
    db.query<ThemeRow>(
      `select t.id, t.plan_id, t.number, t.title, t.scope,
              coalesce((select json_agg(json_build_object('id', pe.id, 'name', pe.name) order by h.position)
                          from theme_portfolio_holders h join people pe on pe.id = h.person_id where h.theme_id = t.id), '[]') as holders
         from themes t where t.plan_id = any($1::uuid[]) order by t.position, t.created_at`,
      [planIds],
    ),
    db.query<MonitoredActivity & { theme_id: string }>(
      `select a.id, a.theme_id, a.status, a.frequency, a.timeframe
         from activities a join themes t on t.id = a.theme_id where t.plan_id = any($1::uuid[])`,
      [planIds],
    ),
    indicatorStatuses(db, planIds),
    budgetUseOfPlans(db, planIds),
  ]);
  const lag = await frequencyProgress(db, activities, asOf);
  const activitiesOf = (themeIds: Set<string>) =>
    activities.filter((a) => themeIds.has(a.theme_id)).map((a) => ({ status: a.status, isLagging: lag.get(a.id)?.isLagging ?? false }));
  const statusesOf = (keep: (i: { planId: string; themeId: string | null }) => boolean) =>
    indicators.filter(keep).map((i) => i.status);

  return plans.map((plan) => {
    const planThemes = themes.filter((t) => t.plan_id === plan.id && (!portfolioHolderId || t.holders.some((h) => h.id === portfolioHolderId)));
    const budget: BudgetUse | undefined = budgets.get(plan.id);
    const themeIds = new Set(planThemes.map((t) => t.id));
    const total: TDashboardFigures = {
      activities: activityFigures(activitiesOf(themeIds)),
      indicators: indicatorFigures(statusesOf((i) => i.planId === plan.id && (portfolioHolderId ? !!i.themeId && themeIds.has(i.themeId) : true))),
      budget: portfolioHolderId ? null : budgetFigures(budget?.total),
    };
    return {
      plan: {
        id: plan.id, title: plan.title, kind: plan.kind, status: plan.status, periodStart: plan.period_start,
        periodEnd: plan.period_end, owner: plan.owner, jointPlanId: plan.joint_plan_id,
      },
      themes: planThemes.map((t) => ({
        theme: { id: t.id, number: t.number, title: t.title, scope: t.scope },
        portfolioHolders: t.holders,
        activities: activityFigures(activitiesOf(new Set([t.id]))),
        indicators: indicatorFigures(statusesOf((i) => i.themeId === t.id)),
        budget: budgetFigures(budget?.themes.find((b) => b.themeId === t.id)),
      })),
      // Filtered on a portefeuillehouder, the total is that of their themes; otherwise the whole plan's.
      total,
      headline: headlineFigures(total),
      isBudgetByTheme: !!budget?.themes.some((b) => b.themeId !== null),
    };
  });
}

/**
 * The status of every indicator of the plans. The status rests on the latest final and the latest provisional value
 * of the owner's own area (see indicatorStatus), so only those two are read, not the whole series.
 */
async function indicatorStatuses(db: Db, planIds: string[]): Promise<{ planId: string; themeId: string | null; status: TIndicatorStatus }[]> {
  const own = `m.indicator_id = i.id and m.kind = 'value' and m.area is null and m.area_code is null`;
  const latest = (provisional: boolean) => `(select json_build_object('periodLabel', m.period_label, 'periodStart', m.period_start,
      'periodEnd', m.period_end, 'kind', m.kind, 'value', m.value, 'isProvisional', m.is_provisional)
      from measurements m where ${own} and m.is_provisional = ${provisional} order by m.period_end desc, m.period_start limit 1)`;
  const rows = await db.query<{
    id: string; plan_id: string; theme_id: string | null; direction: TIndicator['direction']; baseline_value: number | null; baseline_year: number | null;
    target_kind: TIndicator['targetKind']; target_value: number | null; target_change_percent: number | null; target_year: number | null;
    final: StatusMeasurementInput | null; provisional: StatusMeasurementInput | null;
  }>(
    `select i.id, i.plan_id, i.theme_id, i.direction, i.baseline_value, i.baseline_year, i.target_kind, i.target_value,
            i.target_change_percent, i.target_year, ${latest(false)} as final, ${latest(true)} as provisional
       from indicators i where i.plan_id = any($1::uuid[])`,
    [planIds],
  );
  return rows.map((r) => ({
    planId: r.plan_id,
    themeId: r.theme_id,
    status: indicatorStatus(
      {
        direction: r.direction, baselineValue: r.baseline_value, baselineYear: r.baseline_year, targetKind: r.target_kind,
        targetValue: r.target_value, targetChangePercent: r.target_change_percent, targetYear: r.target_year,
      },
      [r.final, r.provisional].filter((m): m is StatusMeasurementInput => !!m).map((m) => ({ ...m, value: Number(m.value) })),
    ).status,
  }));
}

/**
 * The dashboard of an organisation: its latest programme and plan (or the one asked for), the joint programmes of the
 * collaborations it belongs to, and – for a collaboration – its members' local parts. Only what the actor may read.
 * A reader who is a portefeuillehouder of themes shown (a bestuurder) sees their own themes unless they ask for all.
 */
export async function organisationDashboard(
  db: Db,
  organisationId: string,
  query: { planId?: string; portfolioHolderId?: string; scope?: 'own' | 'all' },
  ctx: RequestContext,
): Promise<TOrganisationDashboard> {
  const params: unknown[] = [organisationId];
  const [[organisation], readable] = await Promise.all([
    db.query<TOrganisationDashboard['organisation']>(`select id, name, kind, cbs_code as "cbsCode" from organisations where id = $1`, [organisationId]),
    readCondition(db, ctx, R.plans, 'p', params),
  ]);
  if (!organisation) throw new AppError('not_found', 'Organisatie niet gevonden');
  const where = readable ? ` and ${readable}` : '';
  // The plans of the organisation and its collaborations, newest first; the latest of each kind per owner is shown.
  const candidates = await db.query<PlanRow & { owner_id: string }>(
    `${PLAN_SELECT} where (p.owner_id = $1 or p.owner_id in (select collaboration_id from collaboration_members where municipality_id = $1))${where}
      order by p.owner_id = $1 desc, p.period_start desc, p.created_at desc`,
    params,
  );
  const chosen = query.planId
    ? candidates.filter((p) => p.id === query.planId)
    : candidates.filter((p, i) => candidates.findIndex((q) => q.owner.id === p.owner.id && q.kind === p.kind) === i);
  if (query.planId && !chosen.length) throw new AppError('not_found', 'Plan niet gevonden bij deze organisatie');

  const asOf = todayInNetherlands();
  // The portefeuillehouders to choose from are those of all themes shown, also while one of them is chosen.
  const unfiltered = await planDashboards(db, chosen, asOf);
  const holders = new Map(unfiltered.flatMap((p) => p.themes.flatMap((t) => t.portfolioHolders)).map((h) => [h.id, h]));
  const own = await ownPortfolioHolder(db, ctx, holders);
  const portfolioHolderId = query.portfolioHolderId ?? (query.scope === 'all' ? undefined : own?.id);
  const plans = portfolioHolderId ? await planDashboards(db, chosen, asOf, portfolioHolderId) : unfiltered;
  const members = organisation.kind === 'collaboration' ? await memberParts(db, chosen.map((p) => p.id), asOf, ctx) : [];
  return {
    organisation, asOf, plans, portfolioHolders: [...holders.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    portfolioHolderId: portfolioHolderId ?? null, ownPortfolioHolder: own, members,
  };
}

/** The person the reader's account is linked to, if they hold any of the themes shown. */
async function ownPortfolioHolder(db: Db, ctx: RequestContext, holders: Map<string, { id: string; name: string }>) {
  if (!ctx.actor.userId || !holders.size) return null;
  const people = await db.query<{ id: string }>('select id from people where user_id = $1 and id = any($2::uuid[]) order by name limit 1', [
    ctx.actor.userId, [...holders.keys()],
  ]);
  return people.length ? holders.get(people[0].id)! : null;
}

/** A collaboration's member municipalities with their local parts of its joint programmes (as far as readable). */
async function memberParts(db: Db, jointPlanIds: string[], asOf: string, ctx: RequestContext): Promise<TOrganisationDashboard['members']> {
  if (!jointPlanIds.length) return [];
  const params: unknown[] = [jointPlanIds];
  const readable = await readCondition(db, ctx, R.plans, 'p', params);
  const parts = await db.query<PlanRow>(
    `${PLAN_SELECT} where p.joint_plan_id = any($1::uuid[])${readable ? ` and ${readable}` : ''} order by o.name, p.period_start desc`,
    params,
  );
  const dashboards = await planDashboards(db, parts, asOf);
  const byMember = new Map<string, TOrganisationDashboard['members'][number]>();
  for (const d of dashboards) {
    const entry = byMember.get(d.plan.owner.id) ?? { organisation: d.plan.owner, plans: [] };
    entry.plans.push(d);
    byMember.set(d.plan.owner.id, entry);
  }
  return [...byMember.values()];
}

/** A plan's activities per theme and status as an SVG chart, for whoever may read the plan. */
export async function planStatusChartSvg(
  db: Db, planId: string, query: { portfolioHolderId?: string; width?: number }, ctx: RequestContext,
): Promise<string> {
  await getRecord(db, R.plans, planId, ctx);
  const [plan] = await db.query<PlanRow>(`${PLAN_SELECT} where p.id = $1`, [planId]);
  const [dashboard] = await planDashboards(db, [plan], todayInNetherlands(), query.portfolioHolderId);
  const { renderStatusChart } = await import('./charts.ts');
  return renderStatusChart(plan.title, dashboard.themes, query.width);
}
