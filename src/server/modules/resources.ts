import type { z } from 'zod';
import {
  ZActivity, ZActivityCreate, ZActivityFields, ZBudgetLine, ZBudgetLineCreate, ZBudgetLineFields, ZDecision,
  ZDecisionCreate, ZDecisionFields, ZGoal, ZGoalCreate, ZGoalFields, ZIndicator, ZIndicatorCreate, ZIndicatorFields,
  ZMeasurement, ZMeasurementCreate, ZMeasurementFields, ZOrganisation, ZOrganisationCreate, ZOrganisationFields, ZPerson,
  ZPersonCreate, ZPersonFields, ZPlan, ZPlanCreate, ZPlanFields, ZRegularTask, ZRegularTaskCreate, ZRegularTaskFields,
  ZSpendingEntry, ZSpendingEntryCreate, ZSpendingEntryFields, ZTheme, ZThemeCreate, ZThemeFields,
} from '../../domain/schemas.ts';
import { parseQuarterCode, parseTimeframe } from '../../domain/timeframe.ts';
import { parseFrequency } from '../../domain/frequency.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from './access.ts';
import { recordStatusChange } from './progress/history.ts';
import { refuseDeletingAdoptedPlan } from './versions.ts';

/** A many-to-many field stored in a link table, such as an activity's `stakeholderIds` (rows: from, to, position). */
export interface LinkDef {
  field: string;
  table: string;
  from: string;
  to: string;
}

/**
 * A field holding the id (or, with `column`, another key) of records elsewhere, checked on every write. `where` narrows
 * what may be referred to; `:name` in it stands for the written record's field `name` (`:id` for its own id).
 */
export interface ReferenceDef {
  field: string;
  table: string;
  column?: string;
  /** The field is an array of references. */
  many?: boolean;
  where?: string;
  message?: string;
  /** The field the message is about, when it is not `field` (a year that must fall in the referred plan's period). */
  path?: string;
}

/** Fields whose value must be unique among the records that share the `scope` fields (an import key within a plan). */
export interface UniqueDef {
  field: string;
  scope: string[];
  message: string;
}

/** How one entity is stored and checked: the generic service, repository and routes do the rest. */
export interface ResourceDef {
  /** URL segment and name: 'activities'. */
  name: string;
  table: string;
  /** Dutch name for messages: 'Activiteit'. */
  label: string;
  fields: z.ZodObject;
  create: z.ZodType;
  output: z.ZodObject;
  /** The record that contains this one; the owner comes from it unless `owner` says otherwise. */
  parent?: { field: string; table: string };
  /** 'field': the `ownerId` field; 'organisation': a municipality or collaboration owns itself, others their parent's owner. */
  owner?: 'field' | 'organisation';
  /** Fields that cannot change after creation (a record does not move to another plan or theme). */
  fixed?: string[];
  /** Fields only a workflow changes, never a PATCH (a plan's status and adoption: `versions.ts`). */
  workflow?: string[];
  links?: LinkDef[];
  references?: ReferenceDef[];
  unique?: UniqueDef[];
  /** Columns stored as jsonb. */
  json?: string[];
  /** Columns computed from the fields on every write (the parsed tijdpad next to its text). */
  derive?: (record: Record<string, unknown>, context: DeriveContext) => Record<string, unknown>;
  /** Query parameters a list may filter on (camelCase field names). */
  filters: string[];
  /** Default order of a list. */
  order: string;
  /**
   * Rules and side effects of an update that belong to this entity alone, run in the update's transaction after the
   * merged record was validated and authorised, before it is written (activities: status transitions and history).
   */
  /** Checks before a delete, in its transaction (a plan with adopted versions stays). */
  onDelete?: (tx: Db, before: Record<string, unknown> & { id: string }) => Promise<void>;
  onUpdate?: (tx: Db, ctx: RequestContext, before: Record<string, unknown> & { id: string; version: number; ownerId: string | null }, after: Record<string, unknown>) => Promise<void>;
}

export interface DeriveContext {
  /** The plan's first year, for tijdpad texts that name a quarter without its year. */
  planStartYear?: number;
  /** The plan the record belongs to. */
  planId?: string;
}

/** Collaborations a municipality (the `:ownerId` of the record) belongs to. */
const COLLABORATIONS_OF_OWNER = 'select collaboration_id from collaboration_members where municipality_id = :ownerId';

const planYear = (c: DeriveContext) => c.planStartYear;

export const organisations: ResourceDef = {
  name: 'organisations', table: 'organisations', label: 'Organisatie',
  fields: ZOrganisationFields, create: ZOrganisationCreate, output: ZOrganisation,
  owner: 'organisation',
  fixed: ['kind', 'parentId'],
  links: [{ field: 'memberIds', table: 'collaboration_members', from: 'collaboration_id', to: 'municipality_id' }],
  references: [
    { field: 'parentId', table: 'organisations', where: `kind in ('municipality', 'collaboration')`, message: 'Kies een gemeente of samenwerking' },
    { field: 'memberIds', table: 'organisations', many: true, where: `kind = 'municipality'`, message: 'Leden zijn gemeenten' },
  ],
  json: ['publicSite'],
  filters: ['kind', 'parentId'],
  order: 'kind, name',
};

export const people: ResourceDef = {
  name: 'people', table: 'people', label: 'Persoon',
  fields: ZPersonFields, create: ZPersonCreate, output: ZPerson,
  parent: { field: 'organisationId', table: 'organisations' },
  fixed: ['organisationId'],
  references: [
    {
      // A person is linked to an account of their own organisation (or of the municipality their team belongs to).
      field: 'userId', table: 'users',
      where: `id in (select m.user_id from memberships m join organisations o on o.id = :organisationId
                      where m.organisation_id = o.id or m.organisation_id = o.owner_id)`,
      message: 'Kies een gebruiker van de eigen organisatie',
    },
  ],
  filters: ['organisationId', 'role', 'userId'],
  order: 'name',
};

export const plans: ResourceDef = {
  name: 'plans', table: 'plans', label: 'Plan',
  fields: ZPlanFields, create: ZPlanCreate, output: ZPlan,
  owner: 'field',
  fixed: ['ownerId'],
  // Set on creation (a plan adopted before it came into Regie), afterwards only by adoption and its steps (ADR 0014).
  workflow: ['status', 'adoptedBy', 'adoptedOn', 'decisionReference'],
  onDelete: (tx, plan) => refuseDeletingAdoptedPlan(tx, plan.id),
  references: [
    { field: 'ownerId', table: 'organisations', where: `kind in ('municipality', 'collaboration')`, message: 'Een plan is van een gemeente of samenwerking' },
    {
      field: 'parentPlanId', table: 'plans',
      where: `kind = 'ivp' and (owner_id = :ownerId or owner_id in (${COLLABORATIONS_OF_OWNER}))`,
      message: 'Kies een integraal veiligheidsplan van deze gemeente of haar samenwerkingsverband',
    },
    {
      field: 'jointPlanId', table: 'plans',
      where: `kind = 'uvp' and id is distinct from :id and owner_id in (${COLLABORATIONS_OF_OWNER})`,
      message: 'Kies een programma van een samenwerkingsverband waarvan deze gemeente lid is',
    },
    { field: 'referenceAreaCodes', table: 'cbs_regions', column: 'code', many: true, message: 'Onbekende CBS-regiocode' },
  ],
  json: ['sections', 'referenceAreaCodes'],
  filters: ['ownerId', 'kind', 'status'],
  order: 'period_start desc, title',
};

export const themes: ResourceDef = {
  name: 'themes', table: 'themes', label: 'Thema',
  fields: ZThemeFields, create: ZThemeCreate, output: ZTheme,
  parent: { field: 'planId', table: 'plans' },
  fixed: ['planId'],
  links: [
    { field: 'portfolioHolderIds', table: 'theme_portfolio_holders', from: 'theme_id', to: 'person_id' },
    { field: 'officialIds', table: 'theme_officials', from: 'theme_id', to: 'person_id' },
  ],
  references: [
    { field: 'portfolioHolderIds', table: 'people', many: true },
    { field: 'officialIds', table: 'people', many: true },
    { field: 'kernbeleidCodes', table: 'kernbeleid_themes', column: 'code', many: true, message: 'Onbekende Kernbeleid-code' },
  ],
  json: ['kernbeleidCodes'],
  filters: ['planId', 'scope'],
  order: 'position, created_at',
};

export const goals: ResourceDef = {
  name: 'goals', table: 'goals', label: 'Doel',
  fields: ZGoalFields, create: ZGoalCreate, output: ZGoal,
  parent: { field: 'themeId', table: 'themes' },
  fixed: ['themeId'],
  filters: ['themeId'],
  order: 'position, created_at',
};

export const indicators: ResourceDef = {
  name: 'indicators', table: 'indicators', label: 'Indicator',
  fields: ZIndicatorFields, create: ZIndicatorCreate, output: ZIndicator,
  parent: { field: 'planId', table: 'plans' },
  fixed: ['planId'],
  references: [
    { field: 'themeId', table: 'themes', where: 'plan_id = :planId', message: 'Het thema hoort niet bij dit plan' },
    {
      field: 'goalId', table: 'goals',
      where: 'theme_id in (select id from themes where plan_id = :planId) and theme_id = coalesce(:themeId, theme_id)',
      message: 'Het doel hoort niet bij dit thema',
    },
  ],
  unique: [{ field: 'importKey', scope: ['planId'], message: 'Een andere indicator van dit plan heeft deze sleutel al' }],
  filters: ['planId', 'themeId', 'goalId'],
  order: 'position, created_at',
};

export const measurements: ResourceDef = {
  name: 'measurements', table: 'measurements', label: 'Meting',
  fields: ZMeasurementFields, create: ZMeasurementCreate, output: ZMeasurement,
  parent: { field: 'indicatorId', table: 'indicators' },
  fixed: ['indicatorId'],
  references: [{ field: 'areaCode', table: 'cbs_regions', column: 'code', message: 'Onbekende CBS-regiocode' }],
  filters: ['indicatorId'],
  order: 'period_start, area nulls first, kind, created_at',
};

export const activities: ResourceDef = {
  name: 'activities', table: 'activities', label: 'Activiteit',
  fields: ZActivityFields, create: ZActivityCreate, output: ZActivity,
  parent: { field: 'themeId', table: 'themes' },
  links: [
    { field: 'stakeholderIds', table: 'activity_stakeholders', from: 'activity_id', to: 'organisation_id' },
    { field: 'responsibleIds', table: 'activity_responsibles', from: 'activity_id', to: 'person_id' },
    { field: 'goalIds', table: 'activity_goals', from: 'activity_id', to: 'goal_id' },
  ],
  references: [
    { field: 'stakeholderIds', table: 'organisations', many: true },
    { field: 'responsibleIds', table: 'people', many: true },
    // An activity serves goals of its own theme.
    { field: 'goalIds', table: 'goals', many: true, where: 'theme_id = :themeId', message: 'Kies doelen van het eigen thema' },
  ],
  json: ['timeframe', 'frequency'],
  derive: (r, c) => ({
    timeframe: parseTimeframe(String(r.timeframeText ?? ''), planYear(c)),
    frequency: parseFrequency(String(r.frequencyText ?? '')),
  }),
  filters: ['themeId', 'status'],
  order: 'position, created_at',
  onUpdate: recordStatusChange,
};

export const budgetLines: ResourceDef = {
  name: 'budget-lines', table: 'budget_lines', label: 'Begrotingspost',
  fields: ZBudgetLineFields, create: ZBudgetLineCreate, output: ZBudgetLine,
  parent: { field: 'planId', table: 'plans' },
  fixed: ['planId'],
  references: [
    {
      // One level deep: the parent is a main line of the same plan, and a line with sub-lines stays a main line.
      field: 'parentId', table: 'budget_lines',
      where: 'plan_id = :planId and parent_id is null and id is distinct from :id and not exists (select 1 from budget_lines c where c.parent_id = :id)',
      message: 'Kies een hoofdpost van hetzelfde plan (een post met specificaties blijft een hoofdpost)',
    },
    { field: 'funderId', table: 'organisations', message: 'De subsidiegever bestaat niet' },
    { field: 'themeId', table: 'themes', where: 'plan_id = :planId', message: 'Kies een thema van dit plan' },
  ],
  json: ['amounts'],
  filters: ['planId', 'parentId'],
  order: 'position, created_at',
};

/** Plans whose period covers the budget year `:year` of the record, as SQL. */
const PLAN_YEARS = `select p.id from plans p
  where :year::int between substr(p.period_start, 1, 4)::int and substr(p.period_end, 1, 4)::int`;

export const spendingEntries: ResourceDef = {
  name: 'spending-entries', table: 'spending_entries', label: 'Uitgave',
  fields: ZSpendingEntryFields, create: ZSpendingEntryCreate, output: ZSpendingEntry,
  parent: { field: 'budgetLineId', table: 'budget_lines' },
  fixed: ['budgetLineId'],
  references: [
    {
      field: 'budgetLineId', table: 'budget_lines', where: `plan_id in (${PLAN_YEARS})`, path: 'year',
      message: 'Kies een begrotingsjaar binnen de planperiode',
    },
  ],
  // The line's plan, kept on the row: deleting the plan takes its spending along, lists filter on it.
  derive: (_, c) => ({ planId: c.planId }),
  filters: ['planId', 'budgetLineId', 'year'],
  order: 'year, spent_on, created_at',
};

export const regularTasks: ResourceDef = {
  name: 'regular-tasks', table: 'regular_tasks', label: 'Vaste taak',
  fields: ZRegularTaskFields, create: ZRegularTaskCreate, output: ZRegularTask,
  parent: { field: 'planId', table: 'plans' },
  fixed: ['planId'],
  json: ['frequency'],
  derive: (r) => ({ frequency: parseFrequency(String(r.frequencyText ?? '')) }),
  filters: ['planId'],
  order: 'position, created_at',
};

export const decisions: ResourceDef = {
  name: 'decisions', table: 'decisions', label: 'Besluit',
  fields: ZDecisionFields, create: ZDecisionCreate, output: ZDecision,
  parent: { field: 'planId', table: 'plans' },
  fixed: ['planId'],
  json: ['decisionPoints', 'sections', 'followUps'],
  filters: ['planId'],
  order: 'created_at',
};

export const RESOURCES: ResourceDef[] = [
  organisations, people, plans, themes, goals, indicators, measurements, activities, budgetLines, spendingEntries,
  regularTasks, decisions,
];

/** The first year of a plan period code, for tijdpad texts without a year. */
export function startYear(periodStart: string): number {
  return parseQuarterCode(periodStart).year;
}
