import { createHash } from 'node:crypto';
import { canonicalJson, planContent } from '../../domain/plan-content.ts';
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
export const LATEST_VERSION_SQL = `select id, number, status, content_hash from document_versions
  where plan_id = $1 and document = $2 and round_id is not distinct from $3 order by number desc limit 1`;

/** The SHA-256 of the plan's live content, as adoption would compute it. */
export async function liveContentHash(tx: Db, planId: string): Promise<string> {
  return sha256(canonicalJson(planContent(await exportPlan(tx, planId, SYSTEM_CONTEXT))));
}

/** Derives the status of one plan with versions from its content, in the caller's transaction. */
export async function syncPlanStatus(tx: Db, planId: string): Promise<void> {
  // The plan row is locked, as adoption locks it: an edit and an adoption of the same plan do not pass each other
  // unseen (the edit then sees the new version and makes the plan a draft again).
  await tx.query('select 1 from plans where id = $1 for update', [planId]);
  const [latest] = await tx.query<{ status: TVersionStage; content_hash: string }>(LATEST_VERSION_SQL, [planId, 'plan', null]);
  if (!latest) return;
  const status = (await liveContentHash(tx, planId)) === latest.content_hash ? latest.status : 'draft';
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
  return { keyOf: (tx, rec) => planIdOf(tx, table, rec), afterWrite: keepPlanStatus, monitoringFields };
}
