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

/**
 * The headline figures of a plan: activities that lag, are delayed or done; indicators on course (achieved or on
 * track), off course (at risk or off track) and without measurement; budget spent against planned (null: no budget).
 */
export const ZHeadlineFigures = z.object({
  activities: count,
  lagging: count,
  delayed: count,
  done: count,
  indicators: count,
  onCourse: count,
  offCourse: count,
  withoutMeasurement: count,
  plannedCents: z.number().int().nullable(),
  spentCents: z.number().int().nullable(),
});
export type THeadlineFigures = z.infer<typeof ZHeadlineFigures>;

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
  /** The figures a reader looks for first, from the total. */
  headline: ZHeadlineFigures,
  /** Whether any budget line belongs to a theme: if none does, a theme has no budget of its own, the plan has. */
  isBudgetByTheme: z.boolean(),
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
  /** The portefeuillehouder whose themes are shown, chosen or by default the reader's own; null for all themes. */
  portfolioHolderId: ZId.nullable(),
  /** The reader as portefeuillehouder of themes shown (their account is linked to that person), or null. */
  ownPortfolioHolder: ZPersonRef.nullable(),
  /** A collaboration's member municipalities and their local parts of its joint programmes. */
  members: z.array(z.object({ organisation: ZOrganisationRef, plans: z.array(ZPlanDashboard) })),
});
export type TOrganisationDashboard = z.infer<typeof ZOrganisationDashboard>;


/** The indicator statuses behind "op koers" and "uit koers" (each headline figure links to its lists). */
export const ON_COURSE: readonly TIndicatorStatus[] = ['achieved', 'on_track'];
export const OFF_COURSE: readonly TIndicatorStatus[] = ['at_risk', 'off_track'];

/** The headline figures of a plan's (or filtered) total. */
export function headlineFigures(total: TDashboardFigures): THeadlineFigures {
  const { activities: a, indicators: i, budget } = total;
  const sumOf = (statuses: readonly TIndicatorStatus[]) => statuses.reduce((n, s) => n + i.byStatus[s], 0);
  return {
    activities: a.total, lagging: a.lagging, delayed: a.byStatus.delayed, done: a.byStatus.done,
    indicators: i.total, onCourse: sumOf(ON_COURSE), offCourse: sumOf(OFF_COURSE), withoutMeasurement: i.byStatus.no_data,
    plannedCents: budget?.plannedCents ?? null, spentCents: budget ? budget.spentCents : null,
  };
}

/** The chart widths the server draws: one for phones, one for wider screens. */
export const STATUS_CHART_WIDTHS = [340, 720] as const;

/**
 * The status chart's height for a number of themes at a width (the web app sets it on the image, so nothing jumps):
 * on a narrow chart theme names wrap over more lines and the legend takes more rows.
 */
export const statusChartHeight = (themeCount: number, width: number = STATUS_CHART_WIDTHS[1]) =>
  width < 500 ? 150 + Math.max(1, themeCount) * 64 : 110 + Math.max(1, themeCount) * 48;

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
