import { isPublishedWithPlan, type Subject, type TEntity, type TPlanStatus } from '../../domain/permissions.ts';
import {
  ZActivity, ZActivityCreate, ZActivityFields, ZBudgetLine, ZBudgetLineCreate, ZBudgetLineFields, ZDecision,
  ZDecisionCreate, ZDecisionFields, ZGoal, ZGoalCreate, ZGoalFields, ZIndicator, ZIndicatorCreate, ZIndicatorFields,
  ZMeasurement, ZMeasurementCreate, ZMeasurementFields, ZPlan, ZPlanCreate, ZPlanFields, ZRegularTask,
  ZRegularTaskCreate, ZRegularTaskFields, ZSpendingEntry, ZSpendingEntryCreate, ZSpendingEntryFields, ZTheme,
  ZThemeCreate, ZThemeFields,
} from '../../domain/schemas.ts';
import { AppError } from '../../domain/errors.ts';
import { parseQuarterCode, parseTimeframe } from '../../domain/timeframe.ts';
import { parseFrequency } from '../../domain/frequency.ts';
import type { Db } from '../db/client.ts';
import type { ReadRule, ResourceShape, Row } from '../core/resource.ts';
import { recordStatusChange } from './activity-history.ts';
import { PLAN_ID_SQL, planIdOf } from './plan-of.ts';

/*
 * How the plans room's entities are stored and read: a plan and its content (themes, goals, indicators, activities,
 * budget lines, regular tasks, decisions) and its monitoring records that hang in it (measurements, spending). What
 * the write path adds – whether a write changes the plan's content, and the keeper that then derives the plan's
 * status – is in resources.ts, so that only a definition with its keeper can be written (ADR 0019).
 */

/** The first year of a plan period code, for tijdpad texts without a year. */
export function startYear(periodStart: string): number {
  return parseQuarterCode(periodStart).year;
}

/** The first year of the plan a (new or stored) record belongs to, for tijdpad texts that name no year. */
async function planStartYear(tx: Db, table: string, rec: Row): Promise<{ planId?: string; year?: number }> {
  const planId = await planIdOf(tx, table, rec);
  if (!planId) return {};
  const [plan] = await tx.query<{ period_start: string }>('select period_start from plans where id = $1', [planId]);
  return plan ? { planId, year: startYear(plan.period_start) } : {};
}

/** The status of the plan a record belongs to: what the read rules of plan content turn on. */
async function planStatusOf(tx: Db, table: string, rec: Row): Promise<TPlanStatus | undefined> {
  if (table === 'plans') return rec.status as TPlanStatus;
  const planId = await planIdOf(tx, table, rec);
  const [plan] = planId ? await tx.query<{ status: TPlanStatus }>('select status from plans where id = $1', [planId]) : [];
  return plan?.status;
}

/** The subject of a record of plan content: its plan's status, and what `more` adds (betrokkenen, undecided). */
function planSubject(table: string, more?: (rec: Row) => Partial<Subject>) {
  return async (tx: Db, rec: Row): Promise<Partial<Subject>> => ({ planStatus: await planStatusOf(tx, table, rec), ...more?.(rec) });
}

/**
 * The read rule of plan content for lists, as `can` decides it for one record: everything of the owners the actor
 * reads all of; the council's stages of its own owners' plans; published plans for everyone (not spending). A decision
 * not yet taken is for the staff only; a partner reads the activities it is involved in.
 */
function planRead(entity: TEntity, table: string, extra: { isDecidedOnly?: boolean; isPartnerReadable?: boolean } = {}): ReadRule {
  return (a, scope, bind) => {
    const all = bind(scope.allOwnerIds);
    const publicStatuses = isPublishedWithPlan(entity) ? scope.publicStatuses : [];
    const decided = extra.isDecidedOnly ? ` and ${a}.is_decided` : '';
    const conditions = [
      `${a}.owner_id = any(${all}::uuid[])`,
      `exists (select 1 from plans rp where rp.id = ${PLAN_ID_SQL[table](a)} and (rp.status = any(${bind(publicStatuses)}::text[])
         or (rp.status = any(${bind(scope.councilStatuses)}::text[]) and ${a}.owner_id = any(${bind(scope.councilOwnerIds)}::uuid[]))))${decided}`,
    ];
    if (extra.isPartnerReadable && scope.partnerOrganisationIds.length) {
      conditions.push(`exists (select 1 from activity_stakeholders rs where rs.activity_id = ${a}.id and rs.organisation_id = any(${bind(scope.partnerOrganisationIds)}::uuid[]))`);
    }
    return `(${conditions.join(' or ')})`;
  };
}

/**
 * People a record of the plan `planSql` may name (portefeuillehouders, officials, responsibles): those of the plan's
 * owner, and for a joint programme those of the collaboration and of its member municipalities – never another
 * municipality's (their e-mail address would reach this plan's readers through its export).
 */
const peopleOfPlanOwner = (planSql: string) => `owner_id in (
    select p.owner_id from plans p where p.id = (${planSql})
    union select cm.municipality_id from collaboration_members cm join plans p on p.owner_id = cm.collaboration_id where p.id = (${planSql}))`;
const PEOPLE_MESSAGE = 'Kies mensen van de eigen organisatie (bij een gezamenlijk programma: van de samenwerking en haar gemeenten)';

/** A plan with adopted versions is an official record: it cannot be deleted (409, in words). */
async function refuseDeletingAdoptedPlan(tx: Db, planId: string): Promise<void> {
  const [row] = await tx.query<{ n: number }>('select count(*)::int as n from document_versions where plan_id = $1', [planId]);
  if (row.n) {
    throw new AppError('in_use', `Dit plan heeft ${row.n === 1 ? 'een vastgestelde versie' : `${row.n} vastgestelde versies`} en kan daarom niet worden verwijderd: vastgestelde documenten blijven bewaard`);
  }
}

/** Collaborations a municipality (the `:ownerId` of the record) belongs to. */
const COLLABORATIONS_OF_OWNER = 'select collaboration_id from collaboration_members where municipality_id = :ownerId';

export const plans: ResourceShape = {
  name: 'plans', table: 'plans', label: 'Plan',
  fields: ZPlanFields, create: ZPlanCreate, output: ZPlan,
  owner: 'field',
  fixed: ['ownerId'],
  // A plan is born a draft: only adoption and its steps set these (ADR 0014), also for a plan adopted before Regie.
  workflow: {
    fields: ['status', 'adoptedBy', 'adoptedOn', 'decisionReference'],
    initial: { status: 'draft' },
    message: 'De status en de vaststelling wijzigen alleen via Vaststellen, Ter kennisname en Publiceren (Documenten)',
  },
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
  subject: planSubject('plans'),
  read: planRead('plans', 'plans'),
};

export const themes: ResourceShape = {
  name: 'themes', table: 'themes', label: 'Thema',
  fields: ZThemeFields, create: ZThemeCreate, output: ZTheme,
  parent: { field: 'planId', table: 'plans' },
  fixed: ['planId'],
  links: [
    { field: 'portfolioHolderIds', table: 'theme_portfolio_holders', from: 'theme_id', to: 'person_id' },
    { field: 'officialIds', table: 'theme_officials', from: 'theme_id', to: 'person_id' },
  ],
  references: [
    { field: 'portfolioHolderIds', table: 'people', many: true, where: peopleOfPlanOwner(':planId'), message: PEOPLE_MESSAGE },
    { field: 'officialIds', table: 'people', many: true, where: peopleOfPlanOwner(':planId'), message: PEOPLE_MESSAGE },
    { field: 'kernbeleidCodes', table: 'kernbeleid_themes', column: 'code', many: true, message: 'Onbekende Kernbeleid-code' },
  ],
  json: ['kernbeleidCodes'],
  filters: ['planId', 'scope'],
  order: 'position, created_at',
  subject: planSubject('themes'),
  read: planRead('themes', 'themes'),
};

export const goals: ResourceShape = {
  name: 'goals', table: 'goals', label: 'Doel',
  fields: ZGoalFields, create: ZGoalCreate, output: ZGoal,
  parent: { field: 'themeId', table: 'themes' },
  fixed: ['themeId'],
  filters: ['themeId'],
  order: 'position, created_at',
  subject: planSubject('goals'),
  read: planRead('goals', 'goals'),
};

export const indicators: ResourceShape = {
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
    {
      field: 'meldpuntCategoryKey', table: 'meldpunt_categories', column: 'key',
      where: 'municipality_id = (select owner_id from plans where id = :planId)', message: 'Het meldpunt van deze gemeente heeft deze categorie niet',
    },
  ],
  unique: [{ field: 'importKey', scope: ['planId'], message: 'Een andere indicator van dit plan heeft deze sleutel al' }],
  filters: ['planId', 'themeId', 'goalId'],
  order: 'position, created_at',
  subject: planSubject('indicators'),
  read: planRead('indicators', 'indicators'),
};

export const measurements: ResourceShape = {
  name: 'measurements', table: 'measurements', label: 'Meting',
  fields: ZMeasurementFields, create: ZMeasurementCreate, output: ZMeasurement,
  parent: { field: 'indicatorId', table: 'indicators' },
  fixed: ['indicatorId'],
  references: [{ field: 'areaCode', table: 'cbs_regions', column: 'code', message: 'Onbekende CBS-regiocode' }],
  filters: ['indicatorId'],
  order: 'period_start, area nulls first, kind, created_at',
  subject: planSubject('measurements'),
  read: planRead('measurements', 'measurements'),
};

export const activities: ResourceShape = {
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
    { field: 'responsibleIds', table: 'people', many: true, where: peopleOfPlanOwner('select t.plan_id from themes t where t.id = :themeId'), message: PEOPLE_MESSAGE },
    {
      // An activity moves between the themes of its plan, never to another plan: the plan it leaves would change
      // unnoticed (its status is kept by the plan it is written to).
      field: 'themeId', table: 'themes',
      where: `plan_id = coalesce((select t.plan_id from activities a join themes t on t.id = a.theme_id where a.id = :id), plan_id)`,
      message: 'Een activiteit verhuist niet naar een ander plan; maak haar daar opnieuw aan',
    },
    // An activity serves goals of its own theme.
    { field: 'goalIds', table: 'goals', many: true, where: 'theme_id = :themeId', message: 'Kies doelen van het eigen thema' },
  ],
  json: ['timeframe', 'frequency'],
  derive: async (tx, r) => ({
    timeframe: parseTimeframe(String(r.timeframeText ?? ''), (await planStartYear(tx, 'activities', r)).year),
    frequency: parseFrequency(String(r.frequencyText ?? '')),
  }),
  filters: ['themeId', 'status'],
  order: 'position, created_at',
  onUpdate: recordStatusChange,
  refusedFieldsMessage: 'Als partner wijzigt u van een activiteit alleen de status; voortgang geeft u door als notitie of uitvoering',
  subject: planSubject('activities', (rec) => ({ stakeholderIds: (rec.stakeholderIds as string[]) ?? [] })),
  read: planRead('activities', 'activities', { isPartnerReadable: true }),
};

export const budgetLines: ResourceShape = {
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
  subject: planSubject('budget_lines'),
  read: planRead('budget-lines', 'budget_lines'),
};

/** Plans whose period covers the budget year `:year` of the record, as SQL. */
const PLAN_YEARS = `select p.id from plans p
  where :year::int between substr(p.period_start, 1, 4)::int and substr(p.period_end, 1, 4)::int`;

export const spendingEntries: ResourceShape = {
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
  derive: async (tx, r) => ({ planId: (await planStartYear(tx, 'spending_entries', r)).planId }),
  filters: ['planId', 'budgetLineId', 'year'],
  order: 'year, spent_on, created_at',
  subject: planSubject('spending_entries'),
  read: planRead('spending-entries', 'spending_entries'),
};

export const regularTasks: ResourceShape = {
  name: 'regular-tasks', table: 'regular_tasks', label: 'Vaste taak',
  fields: ZRegularTaskFields, create: ZRegularTaskCreate, output: ZRegularTask,
  parent: { field: 'planId', table: 'plans' },
  fixed: ['planId'],
  json: ['frequency'],
  derive: async (_, r) => ({ frequency: parseFrequency(String(r.frequencyText ?? '')) }),
  filters: ['planId'],
  order: 'position, created_at',
  subject: planSubject('regular_tasks'),
  read: planRead('regular-tasks', 'regular_tasks'),
};

export const decisions: ResourceShape = {
  name: 'decisions', table: 'decisions', label: 'Besluit',
  fields: ZDecisionFields, create: ZDecisionCreate, output: ZDecision,
  parent: { field: 'planId', table: 'plans' },
  fixed: ['planId'],
  json: ['decisionPoints', 'sections', 'followUps'],
  filters: ['planId'],
  order: 'created_at',
  subject: planSubject('decisions', (rec) => ({ isUndecided: rec.isDecided !== true })),
  read: planRead('decisions', 'decisions', { isDecidedOnly: true }),
};

