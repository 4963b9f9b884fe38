import { z } from 'zod';
import { SUBSIDY_END_STATES } from './budget-use.ts';
import { ROADMAP_MARKS } from './roadmap.ts';
import {
  ORGANISATION_KINDS, THEME_SCOPES, ZActivity, ZBudgetLine, ZDecision, ZGoal, ZId, ZIndicator, ZMeasurement,
  ZOrganisation, ZPerson, ZPlan, ZRegularTask, ZTheme,
} from './schemas.ts';
import { ZActivityMonitoring } from './progress.ts';
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

/** Planned, spent and remaining (null where the budget is not known: PM), and whether more was spent than planned. */
const useFigures = {
  plannedCents: z.number().int().nullable(),
  spentCents: z.number().int(),
  remainingCents: z.number().int().nullable(),
  isOverBudget: z.boolean(),
};
export const ZYearUse = z.object({ year: z.number().int(), ...useFigures });

/** Budget use (realisation), computed from the lines and their spending (domain/budget-use.ts). */
export const ZBudgetUse = z.object({
  years: z.array(z.number().int()),
  total: z.object(useFigures),
  byYear: z.array(ZYearUse),
  lines: z.array(z.object({ lineId: ZId, ...useFigures, years: z.array(ZYearUse) })),
  themes: z.array(z.object({ themeId: ZId.nullable(), ...useFigures, years: z.array(ZYearUse) })),
  pmSpentCents: z.number().int(),
});
export type TBudgetUse = z.infer<typeof ZBudgetUse>;

/** A subsidy's deadlines on the day of the request. */
export const ZSubsidyDeadlines = z.object({
  lineId: ZId,
  endState: z.enum(SUBSIDY_END_STATES),
  daysToEnd: z.number().int().nullable(),
  isAccountabilityDue: z.boolean(),
  daysToAccountability: z.number().int().nullable(),
});
export type TSubsidyDeadlines = z.infer<typeof ZSubsidyDeadlines>;

export const ZPlanBudget = ZBudgetSummary.extend({
  planId: ZId,
  availableBudgetCents: z.number().int().nullable(),
  lines: z.array(ZBudgetLineWithSubLines),
  use: ZBudgetUse,
  /** The subsidy-funded lines (main and sub), with their deadlines. */
  subsidies: z.array(ZSubsidyDeadlines),
  /** The day the deadlines were computed for. */
  today: z.string(),
});
export type TPlanBudget = z.infer<typeof ZPlanBudget>;

export const ZOrganisationRef = z.object({
  id: ZId,
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  cbsCode: z.string().nullable().optional(),
});
export type TOrganisationRef = z.infer<typeof ZOrganisationRef>;

/**
 * The joint programme behind a local part (a plan's `jointPlanId`): its themes, as the local part's document prints
 * them before its own – and as the local part's adopted version freezes them (ADR 0013).
 */
export const ZJointPart = z.object({
  id: ZId,
  title: z.string(),
  owner: ZOrganisationRef.nullable(),
  themes: z.array(ZThemeWithContent),
});
export type TJointPart = z.infer<typeof ZJointPart>;

/** GET /plans/{id}/export: one plan with everything in it. */
export const ZPlanExport = ZPlan.extend({
  owner: ZOrganisationRef.nullable(),
  /** Null without a joint programme, or where the reader may not read it. */
  jointPart: ZJointPart.nullable(),
  indicators: z.array(ZIndicatorWithMeasurements),
  themes: z.array(ZThemeWithContent),
  budgetLines: z.array(ZBudgetLineWithSubLines),
  budget: ZBudgetSummary,
  regularTasks: z.array(ZRegularTask),
  decisions: z.array(ZDecision),
  organisations: z.array(ZOrganisation),
  // Which account a person is linked to is not part of the plan.
  people: z.array(ZPerson.omit({ userId: true })),
});
export type TPlanExport = z.infer<typeof ZPlanExport>;

/** GET /plans/{id}/activities: an activity with its theme, and where it stands (null for who may not read that). */
export const ZProgrammeActivity = ZActivity.extend({
  theme: z.object({ id: ZId, number: z.string().nullable().optional(), title: z.string(), scope: z.enum(THEME_SCOPES), planId: ZId }),
  monitoring: ZActivityMonitoring.nullable(),
});
export type TProgrammeActivity = z.infer<typeof ZProgrammeActivity>;

/**
 * GET /me/activities: an activity the user is responsible for (through a person linked to their account) or their
 * organisation is involved in, with its theme and plan, and the open round awaiting their update.
 */
export const ZMyActivity = ZProgrammeActivity.extend({
  plan: z.object({ id: ZId, title: z.string(), ownerName: z.string() }),
  isResponsible: z.boolean(),
  awaitingRound: z.object({ id: ZId, quarter: z.string(), dueOn: z.string().nullable() }).nullable(),
});
export type TMyActivity = z.infer<typeof ZMyActivity>;

/** GET /plans/{id}/roadmap: an activity placed on the programme's quarters (domain/roadmap.ts). */
export const ZRoadmapRow = z.object({
  activity: ZProgrammeActivity,
  cells: z.array(z.object({ quarter: z.string(), mark: z.enum(ROADMAP_MARKS), label: z.string().optional() })),
  startsBefore: z.boolean(),
  endsAfter: z.boolean(),
  plannedEnd: z.string().nullable(),
  isDue: z.boolean(),
  dueLabel: z.string().optional(),
  isOverdue: z.boolean(),
});
export type TRoadmapRow = z.infer<typeof ZRoadmapRow>;

export const ZRoadmap = z.object({
  planId: ZId,
  /** The day the roadmap was drawn up for, and its quarter. */
  asOf: z.string(),
  currentQuarter: z.string(),
  isCurrentInPeriod: z.boolean(),
  quarters: z.array(z.string()),
  /** Activities with a tijdpad Regie can read, in the order of the activity table. */
  rows: z.array(ZRoadmapRow),
  /** Activities whose tijdpad Regie cannot read ("tijdpad niet herkend"). */
  unplaced: z.array(ZProgrammeActivity),
});
export type TRoadmap = z.infer<typeof ZRoadmap>;
