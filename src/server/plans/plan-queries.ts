import { computeBudgetTotals, findSubLineMismatches } from '../../domain/budget.ts';
import { subsidyDeadlines } from '../../domain/budget-use.ts';
import { checkTarget, indicatorStatus } from '../../domain/indicator.ts';
import { can, type ReadScope } from '../../domain/permissions.ts';
import { withoutPersonalData } from '../../domain/plan-content.ts';
import type {
  TBudgetLineWithSubLines, TIndicatorWithMeasurements, TJointPart, TOrganisationRef, TPlanBudget, TPlanExport, TThemeWithContent,
} from '../../domain/plan-views.ts';
import type {
  TActivity, TBudgetLine, TDecision, TGoal, TIndicator, TKernbeleidTheme, TMeasurement, TOrganisation, TPerson, TPlan, TPlanSummary,
  TRegularTask, TTheme,
} from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import { readCondition, scopeOf, subjectOf, SYSTEM_CONTEXT, type RequestContext } from '../core/access.ts';
import { budgetUseOfLines, budgetUseOfPlans } from './budget-use.ts';
import { exportAsOf, servedVersionOf } from './served-version.ts';
import { recordsOf } from '../../domain/served-version.ts';
import type { BudgetUse } from '../../domain/budget-use.ts';
import { todayInNetherlands } from '../core/clock.ts';
import { fromRow, getRecord, listRecords, listRecordsWhere } from '../core/read.ts';
import { organisations as organisationsDef, people as peopleDef } from '../accounts/definitions.ts';
import * as R from './definitions.ts';

/** Plans with their owner, for lists. With `organisationId`: the plans of that organisation and of the
 * collaborations it is a member of, so a municipality sees its joint programmes too. */
export async function listPlanSummaries(
  db: Db,
  filter: { organisationId?: string; ownerId?: string; kind?: string; status?: string },
  ctx: RequestContext,
): Promise<TPlanSummary[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const readable = await readCondition(db, ctx, R.plans, 'p', params);
  // Who may not read a draft reads the newest adopted version they may read instead (ADR 0020).
  const versionReadable = ctx.isSystem ? null : versionCondition(await scopeOf(db, ctx.actor), params);
  if (readable) where.push(`(${readable} or ${versionReadable})`);
  if (filter.organisationId) {
    params.push(filter.organisationId);
    where.push(`(p.owner_id = $${params.length} or p.owner_id in
      (select collaboration_id from collaboration_members where municipality_id = $${params.length}))`);
  }
  // The status is filtered below, on what the reader reads: a served version has its own.
  for (const [field, column] of [['ownerId', 'owner_id'], ['kind', 'kind']] as const) {
    if (!filter[field]) continue;
    params.push(filter[field]);
    where.push(`p.${column} = $${params.length}`);
  }
  const rows = await db.query(
    `select p.id, p.kind, p.title, p.period_start, p.period_end, p.status, p.owner_id, p.parent_plan_id, p.joint_plan_id,
            ${readable ?? 'true'} as is_live,
            json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'cbsCode', o.cbs_code) as owner
       from plans p join organisations o on o.id = p.owner_id
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by o.name, p.period_start desc, p.kind`,
    params,
  );
  const plans = await Promise.all(rows.map(async ({ is_live: isLive, ...row }) => {
    const plan = fromRow(row) as TPlanSummary;
    const served = isLive ? null : await servedVersionOf(db, ctx, plan.id);
    if (!served) return plan;
    const c = served.content as Partial<TPlanSummary>;
    return { ...plan, title: c.title ?? plan.title, periodStart: c.periodStart ?? plan.periodStart, periodEnd: c.periodEnd ?? plan.periodEnd, status: served.facts.status };
  }));
  return filter.status ? plans.filter((p) => p.status === filter.status) : plans;
}

/** Plans with a plan version the scope reads: published ones, and the council's stages of its own owners' plans. */
function versionCondition(scope: ReadScope, params: unknown[]): string {
  params.push(scope.publicStatuses, scope.councilStatuses, scope.councilOwnerIds);
  const n = params.length;
  return `exists (select 1 from document_versions v where v.plan_id = p.id and v.document = 'plan'
    and (v.status = any($${n - 2}::text[]) or (v.status = any($${n - 1}::text[]) and p.owner_id = any($${n}::uuid[]))))`;
}

/**
 * Budget lines of a plan with their computed totals, remainder and sub-line mismatches; the budget use (planned, spent,
 * remaining) and the deadlines of its subsidies on `today`.
 */
export async function getPlanBudget(db: Db, planId: string, ctx?: RequestContext, today = todayInNetherlands()): Promise<TPlanBudget> {
  const served = ctx ? await servedVersionOf(db, ctx, planId) : null;
  if (served) {
    // A reader of an adopted version: its budget lines, with the spending on them today.
    const doc = exportAsOf(served, await exportLive(db, planId, SYSTEM_CONTEXT));
    const lines = recordsOf(doc, 'budget-lines') as TBudgetLine[];
    const plan = doc as TPlan;
    return budgetOf(plan, lines, await budgetUseOfLines(db, [plan.periodStart, plan.periodEnd], lines), today);
  }
  const plan = (await getRecord(db, R.plans, planId, ctx)) as TPlan;
  const lines = (await listRecords(db, R.budgetLines, { planId })) as TBudgetLine[];
  return budgetOf(plan, lines, (await budgetUseOfPlans(db, [planId])).get(planId)!, today);
}

/** A plan's budget from its lines and their use: totals, remainders, sub-line mismatches and subsidy deadlines. */
function budgetOf(plan: TPlan, lines: TBudgetLine[], use: BudgetUse, today: string): TPlanBudget {
  return {
    planId: plan.id,
    availableBudgetCents: plan.availableBudgetCents ?? null,
    ...budgetSummary(lines, plan.availableBudgetCents ?? null),
    use,
    subsidies: lines
      .filter((l) => l.funding === 'subsidy')
      .map((l) => ({ lineId: l.id, ...subsidyDeadlines(l, today) })),
    today,
  };
}

/** Budget lines nested, with their totals and remainders per year, PM lines and sub-line mismatches. */
function budgetSummary(lines: TBudgetLine[], available: number | null) {
  const totals = computeBudgetTotals(lines, available);
  const asList = (m: Map<number | 'per_jaar', number>) =>
    [...m.entries()].map(([year, amountCents]) => ({ year: year === 'per_jaar' ? null : year, amountCents }));
  return {
    lines: nestLines(lines),
    totals: asList(totals.totalsByYear),
    remainders: asList(totals.remainderByYear),
    pmCount: totals.pmCount,
    mismatches: findSubLineMismatches(lines).map((m) => ({ ...m, year: m.year === 'per_jaar' ? null : m.year })),
  };
}

function nestLines(lines: TBudgetLine[]): TBudgetLineWithSubLines[] {
  return lines
    .filter((l) => !l.parentId)
    .map((l) => ({ ...l, subLines: lines.filter((s) => s.parentId === l.id) }));
}

function withTargetProblems(i: TIndicator) {
  return { ...i, targetProblems: checkTarget(i) };
}

/** A plan's themes with their goals, activities and indicators (each with its measurements and status). */
async function themesWithContent(tx: Db, planId: string): Promise<{ planIndicators: TIndicatorWithMeasurements[]; themes: TThemeWithContent[] }> {
  // The stored records, read by their definitions, as the domain types.
  const themes = (await listRecords(tx, R.themes, { planId })) as TTheme[];
  const themeIds = themes.map((t) => t.id);
  const goals = (await listRecordsWhere(tx, R.goals, 'theme_id', themeIds)) as TGoal[];
  const activities = (await listRecordsWhere(tx, R.activities, 'theme_id', themeIds)) as TActivity[];
  const indicators = (await listRecords(tx, R.indicators, { planId })) as TIndicator[];
  const measurements = (await listRecordsWhere(tx, R.measurements, 'indicator_id', indicators.map((i) => i.id))) as TMeasurement[];
  const indicatorWithMeasurements = (i: TIndicator): TIndicatorWithMeasurements => {
    const own = measurements.filter((m) => m.indicatorId === i.id);
    return { ...withTargetProblems(i), measurements: own, status: indicatorStatus(i, own) };
  };
  return {
    planIndicators: indicators.filter((i) => !i.themeId).map(indicatorWithMeasurements),
    themes: themes.map((t) => ({
      ...t,
      goals: goals.filter((g) => g.themeId === t.id),
      activities: activities.filter((a) => a.themeId === t.id),
      indicators: indicators.filter((i) => i.themeId === t.id).map(indicatorWithMeasurements),
    })),
  };
}

/**
 * The joint programme's themes behind a local part, where the actor may read the joint programme: the local part's
 * document prints them (the source programmes have a joint chapter before the local one).
 */
async function jointPartOf(tx: Db, jointPlanId: string | null, ctx: RequestContext): Promise<TJointPart | null> {
  if (!jointPlanId) return null;
  const joint = (await getRecord(tx, R.plans, jointPlanId, ctx).catch(() => null)) as TPlan | null;
  if (!joint) return null;
  const [owner] = await tx.query('select id, name, kind, cbs_code from organisations where id = $1', [joint.ownerId]);
  const { themes } = await themesWithContent(tx, jointPlanId);
  return { id: joint.id, title: joint.title, owner: owner ? (fromRow(owner) as TOrganisationRef) : null, themes };
}

/**
 * One plan with everything in it, as one JSON document (the export, and the data behind the plan pages). Who may not
 * read the draft reads the newest adopted version they may read, with today's monitoring (ADR 0020).
 */
export async function exportPlan(db: Db, planId: string, ctx: RequestContext): Promise<TPlanExport> {
  return db.transaction(async (tx) => {
    const served = await servedVersionOf(tx, ctx, planId);
    if (!served) return exportLive(tx, planId, ctx);
    const doc = exportAsOf(served, await exportLive(tx, planId, SYSTEM_CONTEXT)) as TPlanExport;
    const { lines, totals, remainders, pmCount, mismatches } = budgetSummary(recordsOf(doc, 'budget-lines') as TBudgetLine[], doc.availableBudgetCents ?? null);
    // What the reader may not read of the live plan, they do not read of the version either: its people's data.
    return withoutPersonalData({ ...doc, budgetLines: lines, budget: { totals, remainders, pmCount, mismatches } });
  });
}

/** The live plan's export, for an actor who may read it. */
async function exportLive(tx: Db, planId: string, ctx: RequestContext): Promise<TPlanExport> {
  {
    const plan = (await getRecord(tx, R.plans, planId, ctx)) as TPlan;
    const [owner] = await tx.query('select id, name, kind, cbs_code from organisations where id = $1', [plan.ownerId]);
    const { planIndicators, themes } = await themesWithContent(tx, planId);
    const jointPart = await jointPartOf(tx, plan.jointPlanId ?? null, ctx);
    const budget = await getPlanBudget(tx, planId);
    const regularTasks = (await listRecords(tx, R.regularTasks, { planId })) as TRegularTask[];
    // Under the read rule: a decision not yet taken (a collegevoorstel in the making) is for the staff only.
    const decisions = (await listRecords(tx, R.decisions, { planId }, ctx)) as TDecision[];

    const personIds = new Set<string>();
    const orgIds = new Set<string>([plan.ownerId]);
    for (const t of [...(jointPart?.themes ?? []), ...themes]) {
      [...t.portfolioHolderIds, ...t.officialIds].forEach((p) => personIds.add(p));
      t.activities.forEach((a) => {
        a.responsibleIds.forEach((p) => personIds.add(p));
        a.stakeholderIds.forEach((o) => orgIds.add(o));
      });
    }
    const people = (await listRecordsWhere(tx, peopleDef, 'id', [...personIds])) as TPerson[];
    people.forEach((p) => orgIds.add(p.organisationId));
    const organisations = (await listRecordsWhere(tx, organisationsDef, 'id', [...orgIds])) as TOrganisation[];

    const doc: TPlanExport = {
      ...plan,
      owner: owner ? (fromRow(owner) as TOrganisationRef) : null,
      jointPart,
      indicators: planIndicators,
      themes,
      budgetLines: budget.lines,
      budget: { totals: budget.totals, remainders: budget.remainders, pmCount: budget.pmCount, mismatches: budget.mismatches },
      regularTasks,
      decisions,
      organisations,
      people,
    };
    // Each person under the people rule of their own organisation, not of the plan's owner (review 2026-12, finding 2).
    const owners = [...new Set(people.map((p) => p.ownerId).filter((o): o is string => !!o))];
    const readable = new Set<string>();
    for (const o of owners) if (await readsPeopleOf(tx, ctx, o)) readable.add(o);
    return owners.every((o) => readable.has(o)) ? doc : withoutPersonalData(doc, (p) => readable.has(String(p.ownerId)));
  }
}

/**
 * Whether the actor reads the personal data in a plan (the `people` rule: the owner's staff, ADR 0007). The council,
 * partners and the public read a plan they may read as its document prints it (`withoutPersonalData`).
 */
export async function readsPeopleOf(tx: Db, ctx: RequestContext, ownerId: string): Promise<boolean> {
  return ctx.isSystem || can(ctx.actor, 'read', { ...(await subjectOf(tx, R.plans, { ownerId })), entity: 'people' });
}

/** The VNG Kernbeleid Veiligheid list: fields and themes, by code. */
export async function listKernbeleidThemes(db: Db): Promise<TKernbeleidTheme[]> {
  return (await db.query('select * from kernbeleid_themes order by code')).map(fromRow) as TKernbeleidTheme[];
}
