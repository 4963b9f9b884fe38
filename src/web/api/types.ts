import type { TargetProblem } from '../../domain/indicator.ts';
import type {
  TActivity, TActivityFilter, TBudgetLine, TDecision, TGoal, TIndicator, TMeasurement, TOrganisation, TPerson, TPlan, TRegularTask,
  TTheme,
} from '../../domain/schemas.ts';

/*
 * Shapes of the composite API answers (src/server/modules/plan-queries.ts). The entity shapes themselves are the
 * domain's output types.
 */

export interface IndicatorWithMeasurements extends TIndicator {
  measurements: TMeasurement[];
  targetProblems: TargetProblem[];
}

export interface ThemeWithContent extends TTheme {
  goals: TGoal[];
  activities: TActivity[];
  indicators: IndicatorWithMeasurements[];
}

export interface BudgetLineWithSubLines extends TBudgetLine {
  subLines: TBudgetLine[];
}

/** An amount per year; `year` null is "per jaar", an amount for every year of the plan. */
export interface YearAmount {
  year: number | null;
  amountCents: number;
}

export interface BudgetMismatch {
  lineId?: string;
  title: string;
  year: number | null;
  lineCents: number;
  subLinesCents: number;
}

export interface BudgetSummary {
  totals: YearAmount[];
  remainders: YearAmount[];
  pmCount: number;
  mismatches: BudgetMismatch[];
}

/** GET /plans/:id/budget */
export interface PlanBudget extends BudgetSummary {
  planId: string;
  availableBudgetCents: number | null;
  lines: BudgetLineWithSubLines[];
}

export interface OrganisationRef {
  id: string;
  name: string;
  kind: TOrganisation['kind'];
  cbsCode?: string | null;
}

/** GET /plans/:id/export: the plan with everything in it. */
export interface PlanExport extends TPlan {
  owner: OrganisationRef | null;
  indicators: IndicatorWithMeasurements[];
  themes: ThemeWithContent[];
  budgetLines: BudgetLineWithSubLines[];
  budget: BudgetSummary;
  regularTasks: TRegularTask[];
  decisions: TDecision[];
  organisations: TOrganisation[];
  people: TPerson[];
}

/** GET /plans/:id/activities: an activity with its theme. */
export interface ProgrammeActivity extends TActivity {
  theme: { id: string; number?: string | null; title: string; scope: TTheme['scope']; planId: string };
}

/** The filters of a programme's activity table: the domain's schema, shared with the API's query. */
export type ActivityFilter = TActivityFilter;
