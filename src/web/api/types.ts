import type { TRole } from '../../domain/permissions.ts';

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

/** One row of the audit trail (GET /audit). */
export interface AuditEntry {
  id: string;
  at: string;
  actorLabel: string;
  actorUserId: string | null;
  organisationId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** The filters of the audit view: the query of GET /audit and /audit.csv, and the view's URL. */
export interface AuditFilter {
  action?: string;
  entity?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
}

/** A user's role in one organisation (GET /organisations/:id/members). */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: TRole;
  isActive: boolean;
  hasPassword: boolean;
}

/** A one-time link to set a password: its token and until when it works. */
export interface PasswordLink {
  token: string;
  expiresAt: string;
}

/** The answer to adding a member: a link only when Regie created the account. */
export interface AddedMember {
  member: Member;
  link: PasswordLink | null;
}

/** The first-run setup (POST /auth/setup): the municipality and its first beheerder. */
export interface SetupInput {
  token: string;
  organisationName: string;
  cbsCode: string;
  name: string;
  email: string;
  password: string;
}
