import { createHash } from 'node:crypto';
import { canonicalJson, comparePlanContents, planContent } from '../../domain/plan-content.ts';
import type { TVersionStage } from '../../domain/versions.ts';
import type { Db } from '../db/client.ts';
import { SYSTEM_CONTEXT, type RequestContext } from '../core/access.ts';
import type { Keeper } from '../core/resource.ts';
import { exportPlan } from './plan-queries.ts';
import { planIdOf } from './plan-of.ts';

/*
 * A plan's status follows its content (ADR 0014): after a content write of a plan with adopted versions, the live
 * plan is a draft when its content differs from the newest version, and back at that version's stage when the edit
 * was undone. This is the keeper (core/resource.ts) of every plan-content definition, so the council and the public
 * never read an unadopted text. Adoption itself (the versions) is the documents room's.
 */

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The newest version of a document of a plan: its number, stage and content hash. */
export const LATEST_VERSION_SQL = `select id, number, status, content_hash, content from document_versions
  where plan_id = $1 and document = $2 and round_id is not distinct from $3 order by number desc limit 1`;

/** The plan's live content, as adoption would freeze it. */
export async function liveContent(tx: Db, planId: string): Promise<Record<string, unknown>> {
  return JSON.parse(canonicalJson(planContent(await exportPlan(tx, planId, SYSTEM_CONTEXT)))) as Record<string, unknown>;
}

/**
 * Whether the live plan says something else than a version's frozen content: exactly when the comparison of the two
 * shows a change. The status, `hasChanges` and the comparison therefore always agree; what the comparison does not
 * show – a person's or the municipality's name, printed but no part of what was decided – makes no new draft
 * (review 2026-12, finding 14). The version's files keep what was adopted.
 */
export async function differsFromVersion(tx: Db, planId: string, versionContent: string): Promise<boolean> {
  const { counts } = comparePlanContents(JSON.parse(versionContent) as Record<string, unknown>, await liveContent(tx, planId));
  return counts.added + counts.changed + counts.removed > 0;
}

/**
 * Locks a plan's row for the rest of the transaction. Every content write takes it before it writes, as adoption does
 * (`documents/versions.ts`): the two never wait for each other in opposite order (a deadlock on PostgreSQL).
 */
export async function lockPlan(tx: Db, planId: string): Promise<void> {
  await tx.query('select 1 from plans where id = $1 for update', [planId]);
}

/** Derives the status of one plan with versions from its content, in the caller's transaction. */
export async function syncPlanStatus(tx: Db, planId: string): Promise<void> {
  // The plan row is locked, as adoption locks it: an edit and an adoption of the same plan do not pass each other
  // unseen (the edit then sees the new version and makes the plan a draft again).
  await lockPlan(tx, planId);
  const [latest] = await tx.query<{ status: TVersionStage; content: string }>(LATEST_VERSION_SQL, [planId, 'plan', null]);
  if (!latest) return;
  const status = (await differsFromVersion(tx, planId, latest.content)) ? 'draft' : latest.status;
  await tx.query('update plans set status = $2 where id = $1 and status <> $2', [planId, status]);
}

/**
 * Keeps a plan's status right after a content write: the plan's own, and – since a local part's document prints its
 * joint programme's themes (ADR 0013) – that of the local parts of a joint programme.
 */
export async function keepPlanStatus(tx: Db, _ctx: RequestContext, planId: string): Promise<void> {
  const parts = await tx.query<{ id: string }>('select id from plans where joint_plan_id = $1', [planId]);
  for (const id of [planId, ...parts.map((p) => p.id)]) await syncPlanStatus(tx, id);
}

/** The keeper of a plan-content entity: its plan's status follows its content; `monitoringFields` are no content. */
export function planKeeper(table: string, monitoringFields: readonly string[] = []): Keeper {
  return { keyOf: (tx, rec) => planIdOf(tx, table, rec), lock: lockPlan, afterWrite: keepPlanStatus, monitoringFields };
}
