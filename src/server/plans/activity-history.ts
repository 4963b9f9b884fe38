import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { statusChangeMessage } from '../../text/nl/monitoring.ts';
import { checkStatusChange, type TActivityStatus, type TProgressEntry } from '../../domain/progress.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { fromRow } from '../core/read.ts';
import type { Record_ } from '../core/resource.ts';

/*
 * The history of an activity (status changes and progress notes), written in the caller's transaction. Used by the
 * progress service and by the generic update of activities, so every status change lands in the one history.
 */

export const ENTRY_COLUMNS = `id, activity_id, round_id, at, author_user_id, author_label as author_name, status_from, status_to, note,
  percent_complete, milestone`;

/** The programme's open round, locked against closing until this transaction ends (see closeRound). */
async function openRoundOf(tx: Db, activityId: string): Promise<string | null> {
  const [round] = await tx.query<{ id: string }>(
    `select r.id from update_rounds r where r.status = 'open'
        and r.plan_id = (select t.plan_id from activities a join themes t on t.id = a.theme_id where a.id = $1)
      for share`,
    [activityId],
  );
  return round?.id ?? null;
}

/** Appends an entry to the activity's history, as the update of the open round when there is one. */
export async function insertEntry(
  tx: Db,
  ctx: RequestContext,
  activity: Record_,
  e: { statusFrom?: string | null; statusTo?: string | null; note?: string | null; percentComplete?: number | null; milestone?: string | null },
): Promise<TProgressEntry> {
  const [row] = await tx.query(
    `insert into activity_progress (id, owner_id, activity_id, round_id, author_user_id, author_label, status_from, status_to,
       note, percent_complete, milestone)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning ${ENTRY_COLUMNS}`,
    [
      randomUUID(), activity.ownerId, activity.id, await openRoundOf(tx, activity.id), ctx.audit.userId, ctx.audit.label,
      e.statusFrom ?? null, e.statusTo ?? null, e.note ?? null, e.percentComplete ?? null, e.milestone ?? null,
    ],
  );
  return fromRow(row) as TProgressEntry;
}

/**
 * The activity rule of the generic update (ResourceDef `onUpdate`): a status change must be an allowed transition,
 * and goes into the history like every other. A change that needs a note is refused here: it goes through
 * POST /activities/{id}/progress, which takes one.
 */
export async function recordStatusChange(tx: Db, ctx: RequestContext, before: Record_, after: Record<string, unknown>): Promise<void> {
  const from = before.status as TActivityStatus;
  const to = after.status as TActivityStatus;
  if (from === to) return;
  const problem = checkStatusChange(from, to, false);
  if (problem) {
    const message = problem.path === 'note' ? `${statusChangeMessage(problem)}: geef de statuswijziging met een toelichting door als voortgang` : statusChangeMessage(problem);
    throw new AppError('validation', message, [{ path: 'status', message }]);
  }
  await insertEntry(tx, ctx, before, { statusFrom: from, statusTo: to });
}

