import type { z } from 'zod';
import {
  ZActivity, ZActivityCreate, ZActivityFields, ZBudgetLine, ZBudgetLineCreate, ZBudgetLineFields, ZDecision,
  ZDecisionCreate, ZDecisionFields, ZGoal, ZGoalCreate, ZGoalFields, ZIndicator, ZIndicatorCreate, ZIndicatorFields,
  ZMeasurement, ZMeasurementCreate, ZMeasurementFields, ZOrganisation, ZOrganisationCreate, ZOrganisationFields, ZPerson,
  ZPersonCreate, ZPersonFields, ZPlan, ZPlanCreate, ZPlanFields, ZRegularTask, ZRegularTaskCreate, ZRegularTaskFields,
  ZTheme, ZThemeCreate, ZThemeFields,
} from '../../domain/schemas.ts';
import { parseQuarterCode, parseTimeframe } from '../../domain/timeframe.ts';
import { parseFrequency } from '../../domain/frequency.ts';

/** A many-to-many field stored in a link table, such as an activity's `stakeholderIds`. */
export interface LinkDef {
  field: string;
  table: string;
  from: string;
  to: string;
  /** The table the linked ids must exist in. */
  target: string;
}

/** A field holding the id of another record, checked on every write. */
export interface ReferenceDef {
  field: string;
  table: string;
  /** The referenced record must share this column's value with the record written ("same plan"). */
  same?: { column: string; field: string };
  /** The referenced record must have this `kind` or `parent_id is null` etc.: a where clause on it. */
  where?: string;
  message?: string;
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
  /** The record the owner comes from: a theme's plan, an activity's theme. */
  parent?: { field: string; table: string };
  links?: LinkDef[];
  references?: ReferenceDef[];
  /** Columns stored as jsonb. */
  json?: string[];
  /** Columns computed from the fields on every write (the parsed tijdpad next to its text). */
  derive?: (record: Record<string, unknown>, context: DeriveContext) => Record<string, unknown>;
  /** Query parameters a list may filter on (camelCase field names). */
  filters: string[];
  /** Default order of a list. */
  order: string;
}

export interface DeriveContext {
  /** The plan's first year, for tijdpad texts that name a quarter without its year. */
  planStartYear?: number;
}

const planYear = (c: DeriveContext) => c.planStartYear;

export const organisations: ResourceDef = {
  name: 'organisations', table: 'organisations', label: 'Organisatie',
  fields: ZOrganisationFields, create: ZOrganisationCreate, output: ZOrganisation,
  links: [{ field: 'memberIds', table: 'collaboration_members', from: 'collaboration_id', to: 'municipality_id', target: 'organisations' }],
  references: [{ field: 'parentId', table: 'organisations', where: `kind in ('municipality', 'collaboration')`, message: 'Kies een gemeente of samenwerking' }],
  filters: ['kind', 'parentId'],
  order: 'kind, name',
};

export const people: ResourceDef = {
  name: 'people', table: 'people', label: 'Persoon',
  fields: ZPersonFields, create: ZPersonCreate, output: ZPerson,
  parent: { field: 'organisationId', table: 'organisations' },
  filters: ['organisationId', 'role'],
  order: 'name',
};

export const plans: ResourceDef = {
  name: 'plans', table: 'plans', label: 'Plan',
  fields: ZPlanFields, create: ZPlanCreate, output: ZPlan,
  references: [
    { field: 'ownerId', table: 'organisations', where: `kind in ('municipality', 'collaboration')`, message: 'Een plan is van een gemeente of samenwerking' },
    { field: 'parentPlanId', table: 'plans', where: `kind = 'ivp'`, message: 'Kies een integraal veiligheidsplan' },
    { field: 'jointPlanId', table: 'plans', message: 'Het gezamenlijke programma bestaat niet' },
  ],
  json: ['sections'],
  filters: ['ownerId', 'kind', 'status'],
  order: 'period_start desc, title',
};

export const themes: ResourceDef = {
  name: 'themes', table: 'themes', label: 'Thema',
  fields: ZThemeFields, create: ZThemeCreate, output: ZTheme,
  parent: { field: 'planId', table: 'plans' },
  links: [
    { field: 'portfolioHolderIds', table: 'theme_portfolio_holders', from: 'theme_id', to: 'person_id', target: 'people' },
    { field: 'officialIds', table: 'theme_officials', from: 'theme_id', to: 'person_id', target: 'people' },
  ],
  json: ['kernbeleidCodes'],
  filters: ['planId', 'scope'],
  order: 'position, created_at',
};

export const goals: ResourceDef = {
  name: 'goals', table: 'goals', label: 'Doel',
  fields: ZGoalFields, create: ZGoalCreate, output: ZGoal,
  parent: { field: 'themeId', table: 'themes' },
  filters: ['themeId'],
  order: 'position, created_at',
};

export const indicators: ResourceDef = {
  name: 'indicators', table: 'indicators', label: 'Indicator',
  fields: ZIndicatorFields, create: ZIndicatorCreate, output: ZIndicator,
  parent: { field: 'planId', table: 'plans' },
  references: [
    { field: 'themeId', table: 'themes', same: { column: 'plan_id', field: 'planId' }, message: 'Het thema hoort niet bij dit plan' },
    { field: 'goalId', table: 'goals', same: { column: 'theme_id', field: 'themeId' }, message: 'Het doel hoort niet bij dit thema' },
  ],
  filters: ['planId', 'themeId', 'goalId'],
  order: 'position, created_at',
};

export const measurements: ResourceDef = {
  name: 'measurements', table: 'measurements', label: 'Meting',
  fields: ZMeasurementFields, create: ZMeasurementCreate, output: ZMeasurement,
  parent: { field: 'indicatorId', table: 'indicators' },
  filters: ['indicatorId'],
  order: 'period_start, area nulls first, kind, created_at',
};

export const activities: ResourceDef = {
  name: 'activities', table: 'activities', label: 'Activiteit',
  fields: ZActivityFields, create: ZActivityCreate, output: ZActivity,
  parent: { field: 'themeId', table: 'themes' },
  links: [
    { field: 'stakeholderIds', table: 'activity_stakeholders', from: 'activity_id', to: 'organisation_id', target: 'organisations' },
    { field: 'responsibleIds', table: 'activity_responsibles', from: 'activity_id', to: 'person_id', target: 'people' },
    { field: 'goalIds', table: 'activity_goals', from: 'activity_id', to: 'goal_id', target: 'goals' },
  ],
  json: ['timeframe', 'frequency'],
  derive: (r, c) => ({
    timeframe: parseTimeframe(String(r.timeframeText ?? ''), planYear(c)),
    frequency: parseFrequency(String(r.frequencyText ?? '')),
  }),
  filters: ['themeId', 'status'],
  order: 'position, created_at',
};

export const budgetLines: ResourceDef = {
  name: 'budget-lines', table: 'budget_lines', label: 'Begrotingspost',
  fields: ZBudgetLineFields, create: ZBudgetLineCreate, output: ZBudgetLine,
  parent: { field: 'planId', table: 'plans' },
  references: [
    { field: 'parentId', table: 'budget_lines', same: { column: 'plan_id', field: 'planId' }, where: 'parent_id is null', message: 'Kies een hoofdpost van hetzelfde plan' },
    { field: 'funderId', table: 'organisations', message: 'De subsidiegever bestaat niet' },
  ],
  json: ['amounts'],
  filters: ['planId', 'parentId'],
  order: 'position, created_at',
};

export const regularTasks: ResourceDef = {
  name: 'regular-tasks', table: 'regular_tasks', label: 'Vaste taak',
  fields: ZRegularTaskFields, create: ZRegularTaskCreate, output: ZRegularTask,
  parent: { field: 'planId', table: 'plans' },
  json: ['frequency'],
  derive: (r) => ({ frequency: parseFrequency(String(r.frequencyText ?? '')) }),
  filters: ['planId'],
  order: 'position, created_at',
};

export const decisions: ResourceDef = {
  name: 'decisions', table: 'decisions', label: 'Besluit',
  fields: ZDecisionFields, create: ZDecisionCreate, output: ZDecision,
  parent: { field: 'planId', table: 'plans' },
  json: ['decisionPoints', 'sections', 'followUps'],
  filters: ['planId'],
  order: 'created_at',
};

export const RESOURCES: ResourceDef[] = [
  organisations, people, plans, themes, goals, indicators, measurements, activities, budgetLines, regularTasks, decisions,
];

/** The first year of a plan period code, for tijdpad texts without a year. */
export function startYear(periodStart: string): number {
  return parseQuarterCode(periodStart).year;
}
