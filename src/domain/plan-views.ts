import { z } from 'zod';
import {
  ORGANISATION_KINDS, THEME_SCOPES, ZActivity, ZBudgetLine, ZDecision, ZGoal, ZId, ZIndicator, ZMeasurement,
  ZOrganisation, ZPerson, ZPlan, ZRegularTask, ZTheme,
} from './schemas.ts';
import { ZIndicatorStatus, ZTargetProblem } from './indicator.ts';

/*
 * The composite answers of the API (a whole plan, its budget, a programme's activity table): the response schemas in
 * the OpenAPI document, and the types the web app reads.
 */

export { ZTargetProblem };

export const ZIndicatorWithMeasurements = ZIndicator.extend({
  measurements: z.array(ZMeasurement),
  targetProblems: z.array(ZTargetProblem),
  /** Where the indicator stands against its target (domain/indicator.ts `indicatorStatus`). */
  status: ZIndicatorStatus,
});
export type TIndicatorWithMeasurements = z.infer<typeof ZIndicatorWithMeasurements>;

export const ZThemeWithContent = ZTheme.extend({
  goals: z.array(ZGoal),
  activities: z.array(ZActivity),
  indicators: z.array(ZIndicatorWithMeasurements),
});
export type TThemeWithContent = z.infer<typeof ZThemeWithContent>;

export const ZBudgetLineWithSubLines = ZBudgetLine.extend({ subLines: z.array(ZBudgetLine) });
export type TBudgetLineWithSubLines = z.infer<typeof ZBudgetLineWithSubLines>;

/** An amount per year; `year` null is "per jaar", an amount for every year of the plan. */
export const ZYearAmount = z.object({ year: z.number().int().nullable(), amountCents: z.number().int() });
export type TYearAmount = z.infer<typeof ZYearAmount>;

export const ZBudgetMismatch = z.object({
  lineId: ZId.optional(),
  title: z.string(),
  year: z.number().int().nullable(),
  lineCents: z.number().int(),
  subLinesCents: z.number().int(),
});

/** Computed, never stored: totals per year, remainder against the available budget, PM lines, mismatches. */
export const ZBudgetSummary = z.object({
  totals: z.array(ZYearAmount),
  remainders: z.array(ZYearAmount),
  pmCount: z.number().int(),
  mismatches: z.array(ZBudgetMismatch),
});
export type TBudgetSummary = z.infer<typeof ZBudgetSummary>;

export const ZPlanBudget = ZBudgetSummary.extend({
  planId: ZId,
  availableBudgetCents: z.number().int().nullable(),
  lines: z.array(ZBudgetLineWithSubLines),
});
export type TPlanBudget = z.infer<typeof ZPlanBudget>;

export const ZOrganisationRef = z.object({
  id: ZId,
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  cbsCode: z.string().nullable().optional(),
});
export type TOrganisationRef = z.infer<typeof ZOrganisationRef>;

/** GET /plans/{id}/export: one plan with everything in it. */
export const ZPlanExport = ZPlan.extend({
  owner: ZOrganisationRef.nullable(),
  indicators: z.array(ZIndicatorWithMeasurements),
  themes: z.array(ZThemeWithContent),
  budgetLines: z.array(ZBudgetLineWithSubLines),
  budget: ZBudgetSummary,
  regularTasks: z.array(ZRegularTask),
  decisions: z.array(ZDecision),
  organisations: z.array(ZOrganisation),
  people: z.array(ZPerson),
});
export type TPlanExport = z.infer<typeof ZPlanExport>;

/** GET /plans/{id}/activities: an activity with its theme. */
export const ZProgrammeActivity = ZActivity.extend({
  theme: z.object({ id: ZId, number: z.string().nullable().optional(), title: z.string(), scope: z.enum(THEME_SCOPES), planId: ZId }),
});
export type TProgrammeActivity = z.infer<typeof ZProgrammeActivity>;

/** GET /me/activities: an activity with its theme and plan, for the organisations involved in it. */
export const ZMyActivity = ZProgrammeActivity.extend({
  plan: z.object({ id: ZId, title: z.string(), ownerName: z.string() }),
});
export type TMyActivity = z.infer<typeof ZMyActivity>;
