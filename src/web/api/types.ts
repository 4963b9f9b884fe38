
/*
 * Shapes of the composite API answers: the domain's response schemas (src/domain/plan-views.ts), under the names the
 * web app uses. The entity shapes themselves are the domain's output types.
 */
export type {
  TBudgetLineWithSubLines as BudgetLineWithSubLines,
  TBudgetSummary as BudgetSummary,
  TBudgetUse as BudgetUse,
  TSubsidyDeadlines as SubsidyDeadlines,
  TIndicatorWithMeasurements as IndicatorWithMeasurements,
  TOrganisationRef as OrganisationRef,
  TPlanBudget as PlanBudget,
  TPlanExport as PlanExport,
  TMyActivity as MyActivity,
  TProgrammeActivity as ProgrammeActivity,
  TRoadmap as Roadmap,
  TRoadmapRow as RoadmapRow,
  TThemeWithContent as ThemeWithContent,
  TYearAmount as YearAmount,
} from '../../domain/plan-views.ts';
export type { TActivityFilter as ActivityFilter } from '../../domain/schemas.ts';

/** The filters of the audit view: the query of GET /audit and /audit.csv, and the view's URL. */
export interface AuditFilter {
  action?: string;
  entity?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
}

export type {
  TAddedMember as AddedMember,
  TApiToken as ApiToken,
  TAuditEvent as AuditEntry,
  TLoginOptions as LoginOptions,
  TMember as Member,
  TOneTimeLink as PasswordLink,
  TSsoConfigInput as SsoConfigInput,
  TSsoSettings as SsoSettings,
} from '../../domain/accounts.ts';

/** The first-run setup (POST /auth/setup): the municipality and its first beheerder. */
export interface SetupInput {
  token: string;
  organisationName: string;
  cbsCode: string;
  name: string;
  email: string;
  password: string;
}
