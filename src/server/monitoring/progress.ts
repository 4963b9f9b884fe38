import { randomUUID } from 'node:crypto';
import { AppError, toFieldErrors } from '../../domain/errors.ts';
import { can, type TAction, type TPlanStatus } from '../../domain/permissions.ts';
import {
  checkStatusChange, ZOccurrenceInput, ZProgressInput, type TActivityMonitoring, type TActivityProgress, type TActivityStatus, type TOccurrence,
  type TProgressEntry, type TProgressResult,
} from '../../domain/progress.ts';
import type { TActivity } from '../../domain/schemas.ts';
import { statusChangeMessage } from '../../text/nl/monitoring.ts';
import type { Db } from '../db/client.ts';
import { subjectOf, type RequestContext } from '../core/access.ts';
import { writeAudit } from '../core/audit.ts';
import { fromRow, getRecord } from '../core/read.ts';
import type { Record_ } from '../core/resource.ts';
import { activities as activitiesDef } from '../plans/resources.ts';
import { ENTRY_COLUMNS, insertEntry } from '../plans/activity-history.ts';
import { frequencyProgress, latestProgress, monitoringOf, summarise, type MonitoredActivity } from './monitoring.ts';
import { todayInNetherlands } from '../core/clock.ts';

/*
 * Progress on activities: the history of status changes and progress notes, and the occurrences of activities with
 * a frequency. Every write is one transaction with one audit row; the history itself is append-only.
 */

const OCCURRENCE_COLUMNS = 'id, activity_id, occurred_on, note, author_user_id, author_label as author_name, created_at';

/**
 * Checks `action` on an activity's progress: what the actor may not read (the activity, or its progress) does not
 * exist for them (404); what they may read but not write is a 403.
 */
export async function authorizeProgress(tx: Db, ctx: RequestContext, activity: Record_, action: TAction): Promise<void> {
  if (ctx.isSystem) return;
  const subject = { ...(await subjectOf(tx, activitiesDef, activity)), entity: 'progress' as const };
  if (!can(ctx.actor, 'read', subject)) throw new AppError('not_found', 'Activiteit niet gevonden');
  if (action !== 'read' && !can(ctx.actor, action, subject)) {
    throw new AppError('forbidden', 'U mag met uw rol geen voortgang vastleggen bij deze activiteit');
  }
}

/** Adds a progress update: a note, a status change, a percentage or a milestone. */
export async function addProgress(db: Db, ctx: RequestContext, activityId: string, input: unknown): Promise<TProgressResult> {
  const parsed = ZProgressInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'De invoer is niet geldig', toFieldErrors(parsed.error.issues));
  const p = parsed.data;
  return db.transaction(async (tx) => {
    // Locked: two status changes at once are decided one after the other, by version.
    const [locked] = await tx.query('select id from activities where id = $1 for update', [activityId]);
    if (!locked) throw new AppError('not_found', 'Activiteit niet gevonden');
    const activity = await getRecord(tx, activitiesDef, activityId);
    await authorizeProgress(tx, ctx, activity, 'create');
    const from = activity.status as TActivityStatus;
    const isChange = !!p.status && p.status !== from;
    if (isChange && p.version !== activity.version) {
      throw new AppError('conflict', 'Activiteit is intussen door iemand anders gewijzigd. Laad opnieuw en probeer het nog eens.', [
        { path: 'version', message: 'Verouderde versie' },
      ]);
    }
    if (isChange) {
      const problem = checkStatusChange(from, p.status!, !!p.note);
      if (problem) {
        const message = statusChangeMessage(problem);
        throw new AppError('validation', message, [{ path: problem.path, message }]);
      }
      await tx.query('update activities set status = $2, version = version + 1, updated_at = now() where id = $1', [activityId, p.status]);
    } else if (!p.note && p.percentComplete == null && !p.milestone) {
      throw new AppError('validation', 'De activiteit heeft deze status al', [{ path: 'status', message: 'Kies een andere status, of schrijf een toelichting' }]);
    }
    const entry = await insertEntry(tx, ctx, activity, {
      ...(isChange ? { statusFrom: from, statusTo: p.status } : {}),
      note: p.note, percentComplete: p.percentComplete, milestone: p.milestone,
    });
    await writeAudit(tx, ctx.audit, { action: 'create', organisationId: activity.ownerId, entity: 'activity-progress', entityId: entry.id, after: entry });
    return { entry, activity: (await getRecord(tx, activitiesDef, activityId)) as TActivity };
  });
}

/** Records that an activity took place on a date (not in the future: what is recorded is realised). */
export async function addOccurrence(db: Db, ctx: RequestContext, activityId: string, input: unknown): Promise<TOccurrence> {
  const parsed = ZOccurrenceInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'De invoer is niet geldig', toFieldErrors(parsed.error.issues));
  if (parsed.data.occurredOn > todayInNetherlands()) {
    throw new AppError('validation', 'De invoer is niet geldig', [{ path: 'occurredOn', message: 'Een datum in de toekomst is nog niet gerealiseerd' }]);
  }
  return db.transaction(async (tx) => {
    const activity = await getRecord(tx, activitiesDef, activityId);
    await authorizeProgress(tx, ctx, activity, 'create');
    const [row] = await tx.query(
      `insert into activity_occurrences (id, owner_id, activity_id, occurred_on, note, author_user_id, author_label)
       values ($1, $2, $3, $4, $5, $6, $7) returning ${OCCURRENCE_COLUMNS}`,
      [randomUUID(), activity.ownerId, activityId, parsed.data.occurredOn, parsed.data.note ?? null, ctx.audit.userId, ctx.audit.label],
    );
    const occurrence = fromRow(row) as TOccurrence;
    await writeAudit(tx, ctx.audit, { action: 'create', organisationId: activity.ownerId, entity: 'activity-occurrences', entityId: occurrence.id, after: occurrence });
    return occurrence;
  });
}

/** Removes an occurrence recorded by mistake. A closed round keeps the figures it reported. */
export async function deleteOccurrence(db: Db, ctx: RequestContext, activityId: string, occurrenceId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const activity = await getRecord(tx, activitiesDef, activityId);
    await authorizeProgress(tx, ctx, activity, 'delete');
    const [row] = await tx.query(`delete from activity_occurrences where id = $1 and activity_id = $2 returning ${OCCURRENCE_COLUMNS}`, [occurrenceId, activityId]);
    if (!row) throw new AppError('not_found', 'Uitvoering niet gevonden');
    await writeAudit(tx, ctx.audit, { action: 'delete', organisationId: activity.ownerId, entity: 'activity-occurrences', entityId: occurrenceId, before: fromRow(row) });
  });
}

/** An activity with its history (newest first), occurrences, planned against realised, and the open round. */
export async function getActivityProgress(db: Db, ctx: RequestContext, activityId: string): Promise<TActivityProgress> {
  return db.transaction(async (tx) => {
    const activity = await getRecord(tx, activitiesDef, activityId);
    await authorizeProgress(tx, ctx, activity, 'read');
    const [context] = await tx.query(
      `select p.id as plan_id, p.title as plan_title, o.name as owner_name, t.id as theme_id, t.number as theme_number, t.title as theme_title
         from themes t join plans p on p.id = t.plan_id join organisations o on o.id = p.owner_id where t.id = $1`,
      [activity.themeId],
    );
    const entries = await tx.query(`select ${ENTRY_COLUMNS} from activity_progress where activity_id = $1 order by at desc, id`, [activityId]);
    const occurrences = await tx.query(`select ${OCCURRENCE_COLUMNS} from activity_occurrences where activity_id = $1 order by occurred_on desc, created_at desc`, [activityId]);
    const [round] = await tx.query<{ id: string; quarter: string; due_on: string | null; is_awaited: boolean; has_update: boolean }>(
      `select r.id, r.quarter, r.due_on,
              exists (select 1 from update_round_activities x where x.round_id = r.id and x.activity_id = $1) as is_awaited,
              exists (select 1 from activity_progress e where e.round_id = r.id and e.activity_id = $1) as has_update
         from update_rounds r where r.plan_id = $2 and r.status = 'open'`,
      [activityId, context.plan_id],
    );
    const [frequencies, latest] = await Promise.all([
      frequencyProgress(tx, [activity as unknown as MonitoredActivity], todayInNetherlands()), latestProgress(tx, [activityId]),
    ]);
    const frequency = frequencies.get(activityId)!;
    return {
      activity: activity as TActivity,
      context: fromRow(context) as TActivityProgress['context'],
      entries: entries.map(fromRow) as TProgressEntry[],
      occurrences: occurrences.map(fromRow) as TOccurrence[],
      frequency,
      monitoring: summarise(frequency, latest.get(activityId)),
      openRound: round ? { id: round.id, quarter: round.quarter, dueOn: round.due_on, isAwaited: round.is_awaited, hasUpdate: round.has_update } : null,
    };
  });
}

/**
 * Adds each activity's monitoring summary (lag, last update, percentage, milestone) to a list, or null where the
 * actor may not read the activity's progress. A fixed number of queries, whatever the length of the list.
 */
export async function withMonitoring<A extends Record_>(db: Db, ctx: RequestContext, activities: A[]): Promise<(A & { monitoring: TActivityMonitoring | null })[]> {
  if (!activities.length) return [];
  const ids = activities.map((a) => a.id);
  const plans = await db.query<{ id: string; status: TPlanStatus; members: string[] }>(
    `select a.id, p.status, array(select m.municipality_id from collaboration_members m where m.collaboration_id = a.owner_id) as members
       from activities a join themes t on t.id = a.theme_id join plans p on p.id = t.plan_id where a.id = any($1::uuid[])`,
    [ids],
  );
  const planOf = new Map(plans.map((p) => [p.id, p]));
  const readable = activities.filter((a) => ctx.isSystem || can(ctx.actor, 'read', {
    entity: 'progress', ownerId: a.ownerId, planStatus: planOf.get(a.id)?.status,
    stakeholderIds: a.stakeholderIds as string[], ownerMemberIds: planOf.get(a.id)?.members ?? [],
  }));
  const monitoring = await monitoringOf(db, readable as unknown as MonitoredActivity[]);
  return activities.map((a) => ({ ...a, monitoring: monitoring.get(a.id) ?? null }));
}
