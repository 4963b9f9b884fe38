import { computeBudgetTotals, findSubLineMismatches, type BudgetLineLike } from '../../domain/budget.ts';
import { subsidyDeadlines } from '../../domain/budget-use.ts';
import { checkTarget, indicatorStatus } from '../../domain/indicator.ts';
import { can } from '../../domain/permissions.ts';
import { withoutPersonalData } from '../../domain/plan-content.ts';
import { isActiveInQuarter, parseQuarterCode, type TTimeframe } from '../../domain/timeframe.ts';
import type { TActivityFilter } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import { readCondition, subjectOf, type RequestContext } from './access.ts';
import { budgetUseOfPlans } from './budget-use.ts';
import { todayInNetherlands } from './clock.ts';
import { fromRow, getRecord, listRecords, listRecordsWhere, queryRecords, type Record_ } from './records.ts';
import * as R from './resources.ts';
import { withMonitoring } from './progress/progress.ts';
import { awaitedSql } from './progress/rounds.ts';
import { frequencyProgress, isResponsibleSql, type MonitoredActivity } from './progress/monitoring.ts';

/** Plans with their owner, for lists. With `organisationId`: the plans of that organisation and of the
 * collaborations it is a member of, so a municipality sees its joint programmes too. */
export async function listPlanSummaries(
  db: Db,
  filter: { organisationId?: string; ownerId?: string; kind?: string; status?: string },
  ctx: RequestContext,
) {
  const params: unknown[] = [];
  const where: string[] = [];
  const readable = await readCondition(db, ctx, R.plans, 'p', params);
  if (readable) where.push(readable);
  if (filter.organisationId) {
    params.push(filter.organisationId);
    where.push(`(p.owner_id = $${params.length} or p.owner_id in
      (select collaboration_id from collaboration_members where municipality_id = $${params.length}))`);
  }
  for (const [field, column] of [['ownerId', 'owner_id'], ['kind', 'kind'], ['status', 'status']] as const) {
    if (!filter[field]) continue;
    params.push(filter[field]);
    where.push(`p.${column} = $${params.length}`);
  }
  const rows = await db.query(
    `select p.id, p.kind, p.title, p.period_start, p.period_end, p.status, p.owner_id, p.parent_plan_id, p.joint_plan_id,
            json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'cbsCode', o.cbs_code) as owner
       from plans p join organisations o on o.id = p.owner_id
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by o.name, p.period_start desc, p.kind`,
    params,
  );
  return rows.map(fromRow);
}

/**
 * Budget lines of a plan with their computed totals, remainder and sub-line mismatches; the budget use (planned, spent,
 * remaining) and the deadlines of its subsidies on `today`.
 */
export async function getPlanBudget(db: Db, planId: string, ctx?: RequestContext, today = todayInNetherlands()) {
  const plan = await getRecord(db, R.plans, planId, ctx);
  const lines = await listRecords(db, R.budgetLines, { planId });
  const use = (await budgetUseOfPlans(db, [planId])).get(planId)!;
  const available = (plan.availableBudgetCents as number | null) ?? null;
  const totals = computeBudgetTotals(lines as unknown as BudgetLineLike[], available);
  const asList = (m: Map<number | 'per_jaar', number>) =>
    [...m.entries()].map(([year, amountCents]) => ({ year: year === 'per_jaar' ? null : year, amountCents }));
  return {
    planId,
    availableBudgetCents: available,
    lines: nestLines(lines),
    totals: asList(totals.totalsByYear),
    remainders: asList(totals.remainderByYear),
    pmCount: totals.pmCount,
    mismatches: findSubLineMismatches(lines as unknown as BudgetLineLike[]).map((m) => ({
      ...m,
      year: m.year === 'per_jaar' ? null : m.year,
    })),
    use,
    subsidies: lines
      .filter((l) => l.funding === 'subsidy')
      .map((l) => ({ lineId: l.id, ...subsidyDeadlines(l as { endDate?: string | null; accountabilityDate?: string | null }, today) })),
    today,
  };
}

function nestLines(lines: Record_[]) {
  return lines
    .filter((l) => !l.parentId)
    .map((l) => ({ ...l, subLines: lines.filter((s) => s.parentId === l.id) }));
}

function withTargetProblems(i: Record_) {
  return { ...i, targetProblems: checkTarget(i as never) };
}

/** A plan's themes with their goals, activities and indicators (each with its measurements and status). */
async function themesWithContent(tx: Db, planId: string) {
  const themes = await listRecords(tx, R.themes, { planId });
  const themeIds = themes.map((t) => t.id);
  const goals = await listRecordsWhere(tx, R.goals, 'theme_id', themeIds);
  const activities = await listRecordsWhere(tx, R.activities, 'theme_id', themeIds);
  const indicators = await listRecords(tx, R.indicators, { planId });
  const measurements = await listRecordsWhere(tx, R.measurements, 'indicator_id', indicators.map((i) => i.id));
  const indicatorWithMeasurements = (i: Record_) => {
    const own = measurements.filter((m) => m.indicatorId === i.id);
    return { ...withTargetProblems(i), measurements: own, status: indicatorStatus(i as never, own as never) };
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
async function jointPartOf(tx: Db, jointPlanId: string | null, ctx: RequestContext) {
  if (!jointPlanId) return null;
  const joint = await getRecord(tx, R.plans, jointPlanId, ctx).catch(() => null);
  if (!joint) return null;
  const [owner] = await tx.query('select id, name, kind, cbs_code from organisations where id = $1', [joint.ownerId]);
  const { themes } = await themesWithContent(tx, jointPlanId);
  return { id: joint.id as string, title: joint.title as string, owner: owner ? fromRow(owner) : null, themes };
}

/** One plan with everything in it, as one JSON document (the export, and the data behind the plan pages). */
export async function exportPlan(db: Db, planId: string, ctx: RequestContext) {
  return db.transaction(async (tx) => {
    const plan = await getRecord(tx, R.plans, planId, ctx);
    const [owner] = await tx.query('select id, name, kind, cbs_code from organisations where id = $1', [plan.ownerId]);
    const { planIndicators, themes } = await themesWithContent(tx, planId);
    const jointPart = await jointPartOf(tx, (plan.jointPlanId as string | null) ?? null, ctx);
    const budget = await getPlanBudget(tx, planId);
    const regularTasks = await listRecords(tx, R.regularTasks, { planId });
    // Under the read rule: a decision not yet taken (a collegevoorstel in the making) is for the staff only.
    const decisions = await listRecords(tx, R.decisions, { planId }, ctx);

    const personIds = new Set<string>();
    const orgIds = new Set<string>([plan.ownerId as string]);
    for (const t of [...(jointPart?.themes ?? []), ...themes]) {
      [...(t as Record_).portfolioHolderIds as string[], ...(t as Record_).officialIds as string[]].forEach((p) => personIds.add(p));
      t.activities.forEach((a) => {
        (a.responsibleIds as string[]).forEach((p) => personIds.add(p));
        (a.stakeholderIds as string[]).forEach((o) => orgIds.add(o));
      });
    }
    const people = await listRecordsWhere(tx, R.people, 'id', [...personIds]);
    people.forEach((p) => orgIds.add(p.organisationId as string));
    const organisations = await listRecordsWhere(tx, R.organisations, 'id', [...orgIds]);

    const doc = {
      ...plan,
      owner: owner ? fromRow(owner) : null,
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
    return (await readsPeopleOf(tx, ctx, plan.ownerId as string)) ? doc : withoutPersonalData(doc);
  });
}

/**
 * Whether the actor reads the personal data in a plan (the `people` rule: the owner's staff, ADR 0007). The council,
 * partners and the public read a plan they may read as its document prints it (`withoutPersonalData`).
 */
export async function readsPeopleOf(tx: Db, ctx: RequestContext, ownerId: string): Promise<boolean> {
  return ctx.isSystem || can(ctx.actor, 'read', { ...(await subjectOf(tx, R.plans, { ownerId })), entity: 'people' });
}

/** The activity table of a whole programme, with the theme of each activity, filtered. With a joint programme
 * behind a local part, the joint themes' activities are included and marked. */
export async function listProgrammeActivities(db: Db, planId: string, filter: TActivityFilter, ctx: RequestContext) {
  const plan = await getRecord(db, R.plans, planId, ctx);
  // The joint programme's activities come along only where the actor may read that programme.
  const jointPlanId = plan.jointPlanId
    ? await getRecord(db, R.plans, plan.jointPlanId as string, ctx).then(() => plan.jointPlanId, () => null)
    : null;
  const params: unknown[] = [planId, jointPlanId];
  const where = ['(t.plan_id = $1 or t.plan_id = $2)'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('$?', `$${params.length}`));
  };
  if (filter.themeId) add('r.theme_id = $?', filter.themeId);
  if (filter.scope) add('t.scope = $?', filter.scope);
  if (filter.status) add('r.status = $?', filter.status);
  if (filter.stakeholderId) add('exists (select 1 from activity_stakeholders s where s.activity_id = r.id and s.organisation_id = $?)', filter.stakeholderId);
  if (filter.responsibleId) add('exists (select 1 from activity_responsibles p where p.activity_id = r.id and p.person_id = $?)', filter.responsibleId);
  if (filter.q) {
    add(
      `(r.title ilike $? or r.explanation ilike $? or r.stakeholders_text ilike $? or r.timeframe_text ilike $? or r.frequency_text ilike $?)`,
      `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  }
  let activities = await queryRecords(db, R.activities, {
    select: `json_build_object('id', t.id, 'number', t.number, 'title', t.title, 'scope', t.scope, 'planId', t.plan_id) as theme`,
    join: 'join themes t on t.id = r.theme_id',
    where,
    params,
    // The joint programme's themes first, as the documents print them.
    order: '(t.plan_id = $1), t.position, r.position, r.created_at',
  });
  if (filter.quarter) {
    const q = parseQuarterCode(filter.quarter);
    activities = activities.filter((a) => isActiveInQuarter(a.timeframe as TTimeframe, q));
  }
  if (filter.lagging) {
    // Lag as the dashboards count it, for whoever reads the programme: a dashboard's figure and its list agree.
    const lag = await frequencyProgress(db, activities as unknown as MonitoredActivity[], todayInNetherlands());
    activities = activities.filter((a) => lag.get(a.id)?.isLagging);
  }
  return withMonitoring(db, ctx, activities);
}

/**
 * The actor's working list, across plans: the activities they are responsible for (a person linked to their account
 * is among the responsible people, or is the theme's first official where the activity names none) and those their
 * organisations are involved in (betrokken), with plan and theme, where each stands, and the open round awaiting
 * their update (for partners: the activities their organisation is involved in). Filtered by the same rules as
 * every list.
 */
export async function listMyActivities(db: Db, ctx: RequestContext) {
  const organisationIds = ctx.actor.roles.map((r) => r.organisationId);
  if (!ctx.actor.userId && !organisationIds.length) return [];
  const partnerIds = ctx.actor.roles.filter((r) => r.role === 'partner').map((r) => r.organisationId);
  const params: unknown[] = [organisationIds, ctx.actor.userId, partnerIds];
  const isResponsible = isResponsibleSql('r', '$2::uuid');
  const where = [`(exists (select 1 from activity_stakeholders ms where ms.activity_id = r.id and ms.organisation_id = any($1::uuid[]))
    or ${isResponsible})`];
  const readable = await readCondition(db, ctx, R.activities, 'r', params);
  if (readable) where.push(readable);
  const awaitedReadable = await readCondition(db, ctx, R.activities, 'a', params);
  const activities = await queryRecords(db, R.activities, {
    select: `json_build_object('id', t.id, 'number', t.number, 'title', t.title, 'scope', t.scope, 'planId', t.plan_id) as theme,
             json_build_object('id', p.id, 'title', p.title, 'ownerName', o.name) as plan,
             ${isResponsible} as is_responsible,
             (select json_build_object('id', ur.id, 'quarter', ur.quarter, 'dueOn', ur.due_on)
                from (${awaitedSql('$2::uuid', '$3', awaitedReadable)}) w join update_rounds ur on ur.id = w.round_id
               where w.activity_id = r.id limit 1) as awaiting_round`,
    join: 'join themes t on t.id = r.theme_id join plans p on p.id = t.plan_id join organisations o on o.id = p.owner_id',
    where,
    params,
    order: 'o.name, p.title, t.position, r.position',
  });
  return withMonitoring(db, ctx, activities);
}
