import { z } from 'zod';
import { INDICATOR_STATUSES, type TIndicatorStatus } from './indicator.ts';
import { ACTIVITY_STATUSES, PLAN_KINDS, PLAN_STATUSES, THEME_SCOPES, ZId } from './schemas.ts';
import { ZOrganisationRef } from './plan-views.ts';
import type { TActivityStatus } from './progress.ts';

/*
 * Dashboards: where each theme of a programme stands – its activities by status and how many lag behind their
 * frequency, its indicators by status, and its budget use. Counting is pure (below); the server gathers the facts for
 * many plans at once (src/server/modules/dashboards.ts). Every figure is a count of a list the web app links to.
 */

const count = z.number().int().min(0);
const counts = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, count])) as { [K in T[number]]: typeof count });

export const ZActivityFigures = z.object({
  total: count,
  byStatus: counts(ACTIVITY_STATUSES),
  /** Activities with fewer occurrences than planned to date (see frequency-progress.ts). */
  lagging: count,
});
export type TActivityFigures = z.infer<typeof ZActivityFigures>;

export const ZIndicatorFigures = z.object({ total: count, byStatus: counts(INDICATOR_STATUSES) });
export type TIndicatorFigures = z.infer<typeof ZIndicatorFigures>;

/** Planned, spent and remaining in cents; planned and remaining are null when the budget is not known (PM only). */
export const ZBudgetFigures = z.object({
  plannedCents: z.number().int().nullable(),
  spentCents: z.number().int(),
  remainingCents: z.number().int().nullable(),
  isOverBudget: z.boolean(),
});

export const ZDashboardFigures = z.object({
  activities: ZActivityFigures,
  indicators: ZIndicatorFigures,
  budget: ZBudgetFigures.nullable(),
});
export type TDashboardFigures = z.infer<typeof ZDashboardFigures>;

export const ZPersonRef = z.object({ id: ZId, name: z.string() });

export const ZThemeDashboard = ZDashboardFigures.extend({
  theme: z.object({ id: ZId, number: z.string().nullable(), title: z.string(), scope: z.enum(THEME_SCOPES) }),
  portfolioHolders: z.array(ZPersonRef),
});
export type TThemeDashboard = z.infer<typeof ZThemeDashboard>;

export const ZPlanDashboard = z.object({
  plan: z.object({
    id: ZId, title: z.string(), kind: z.enum(PLAN_KINDS), status: z.enum(PLAN_STATUSES), periodStart: z.string(),
    periodEnd: z.string(), owner: ZOrganisationRef, jointPlanId: ZId.nullable(),
  }),
  themes: z.array(ZThemeDashboard),
  /** The whole plan: every theme, plus indicators and budget lines that belong to no theme. */
  total: ZDashboardFigures,
});
export type TPlanDashboard = z.infer<typeof ZPlanDashboard>;

/** GET /organisations/{id}/dashboard. */
export const ZOrganisationDashboard = z.object({
  organisation: ZOrganisationRef,
  /** The reference date of lag and status (today in the Netherlands). */
  asOf: z.string(),
  /** The plans shown: the organisation's latest programme and plan, and the joint programmes it takes part in. */
  plans: z.array(ZPlanDashboard),
  /** The portefeuillehouders of the themes shown, to filter on. */
  portfolioHolders: z.array(ZPersonRef),
  /** A collaboration's member municipalities and their local parts of its joint programmes. */
  members: z.array(z.object({ organisation: ZOrganisationRef, plans: z.array(ZPlanDashboard) })),
});
export type TOrganisationDashboard = z.infer<typeof ZOrganisationDashboard>;

const zeroes = <T extends string>(keys: readonly T[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;

/** Activities counted by status, and how many lag. */
export function activityFigures(activities: readonly { status: TActivityStatus; isLagging: boolean }[]): TActivityFigures {
  const byStatus = zeroes(ACTIVITY_STATUSES);
  for (const a of activities) byStatus[a.status] += 1;
  return { total: activities.length, byStatus, lagging: activities.filter((a) => a.isLagging).length };
}

/** Indicators counted by status. */
export function indicatorFigures(statuses: readonly TIndicatorStatus[]): TIndicatorFigures {
  const byStatus = zeroes(INDICATOR_STATUSES);
  for (const s of statuses) byStatus[s] += 1;
  return { total: statuses.length, byStatus };
}
