import { isActiveInQuarter, parseQuarterCode } from '../../domain/timeframe.ts';
import type { TMyActivity, TProgrammeActivity } from '../../domain/plan-views.ts';
import type { TActivityFilter } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import { readCondition, type RequestContext } from '../core/access.ts';
import { todayInNetherlands } from '../core/clock.ts';
import { getRecord, queryRecords } from '../core/read.ts';
import { exportPlan } from '../plans/plan-queries.ts';
import { servedVersionOf } from '../plans/served-version.ts';
import * as R from '../plans/resources.ts';
import { frequencyProgress, isResponsibleSql } from './monitoring.ts';
import { withMonitoring } from './progress.ts';
import { awaitedSql } from './rounds.ts';

/*
 * The activity lists people work from: a programme's activity table with its filters, and the actor's own
 * activities across plans – each with where it stands (status, progress, lag).
 */

/** The activity table of a whole programme, with the theme of each activity, filtered. With a joint programme
 * behind a local part, the joint themes' activities are included and marked. */
export async function listProgrammeActivities(db: Db, planId: string, filter: TActivityFilter, ctx: RequestContext): Promise<TProgrammeActivity[]> {
  if (await servedVersionOf(db, ctx, planId)) return servedProgrammeActivities(db, planId, filter, ctx);
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
  // The stored activities with their theme (the extra column), as the domain type; the monitoring comes below.
  const activities = (await queryRecords(db, R.activities, {
    select: `json_build_object('id', t.id, 'number', t.number, 'title', t.title, 'scope', t.scope, 'planId', t.plan_id) as theme`,
    join: 'join themes t on t.id = r.theme_id',
    where,
    params,
    // The joint programme's themes first, as the documents print them.
    order: '(t.plan_id = $1), t.position, r.position, r.created_at',
  })) as Omit<TProgrammeActivity, 'monitoring'>[];
  return inQuarterAndLag(db, ctx, activities, filter);
}

type TableRow = Omit<TProgrammeActivity, 'monitoring'>;

/** The rows in the filter's quarter and, with `lagging`, lagging; with where each stands. */
async function inQuarterAndLag(db: Db, ctx: RequestContext, rows: TableRow[], filter: TActivityFilter): Promise<TProgrammeActivity[]> {
  let activities = rows;
  if (filter.quarter) {
    const q = parseQuarterCode(filter.quarter);
    activities = activities.filter((a) => isActiveInQuarter(a.timeframe, q));
  }
  if (filter.lagging) {
    // Lag as the dashboards count it, for whoever reads the programme: a dashboard's figure and its list agree.
    const lag = await frequencyProgress(db, activities, todayInNetherlands());
    activities = activities.filter((a) => lag.get(a.id)?.isLagging);
  }
  return withMonitoring(db, ctx, activities);
}

/**
 * The activity table of a programme for who reads its adopted version instead of the draft (ADR 0020): the version's
 * activities (with the joint themes it printed), filtered as the SQL above filters the live ones, monitored today.
 */
async function servedProgrammeActivities(db: Db, planId: string, filter: TActivityFilter, ctx: RequestContext): Promise<TProgrammeActivity[]> {
  const doc = await exportPlan(db, planId, ctx);
  const themes = [...(doc.jointPart?.themes ?? []), ...doc.themes];
  const q = filter.q?.toLocaleLowerCase('nl');
  const rows: TableRow[] = themes.flatMap((t) => t.activities.map((a) => ({
    ...a, theme: { id: t.id, number: t.number, title: t.title, scope: t.scope, planId: t.planId },
  }))).filter((a) =>
    (!filter.themeId || a.themeId === filter.themeId) && (!filter.scope || a.theme.scope === filter.scope)
    && (!filter.status || a.status === filter.status)
    && (!filter.stakeholderId || a.stakeholderIds.includes(filter.stakeholderId))
    && (!filter.responsibleId || a.responsibleIds.includes(filter.responsibleId))
    && (!q || [a.title, a.explanation, a.stakeholdersText, a.timeframeText, a.frequencyText].some((x) => x?.toLocaleLowerCase('nl').includes(q))));
  return inQuarterAndLag(db, ctx, rows, filter);
}

/**
 * The actor's working list, across plans: the activities they are responsible for (a person linked to their account
 * is among the responsible people, or is the theme's first official where the activity names none) and those their
 * organisations are involved in (betrokken), with plan and theme, where each stands, and the open round awaiting
 * their update (for partners: the activities their organisation is involved in). Filtered by the same rules as
 * every list.
 */
export async function listMyActivities(db: Db, ctx: RequestContext): Promise<TMyActivity[]> {
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
  const activities = (await queryRecords(db, R.activities, {
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
  })) as Omit<TMyActivity, 'monitoring'>[];
  return withMonitoring(db, ctx, activities);
}
