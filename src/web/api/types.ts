/*
 * Shapes of the composite API answers: the domain's response schemas (src/domain/plan-views.ts), under the names the
 * web app uses. The entity shapes themselves are the domain's output types.
 */
export type {
  TBudgetLineWithSubLines as BudgetLineWithSubLines,
  TBudgetSummary as BudgetSummary,
  TIndicatorWithMeasurements as IndicatorWithMeasurements,
  TOrganisationRef as OrganisationRef,
  TPlanBudget as PlanBudget,
  TPlanExport as PlanExport,
  TProgrammeActivity as ProgrammeActivity,
  TThemeWithContent as ThemeWithContent,
  TYearAmount as YearAmount,
} from '../../domain/plan-views.ts';
export type { TActivityFilter as ActivityFilter } from '../../domain/schemas.ts';
