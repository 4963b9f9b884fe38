import { AppError } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import { planAsOfVersion } from '../../domain/served-version.ts';
import type { TServedVersion } from '../../domain/schemas.ts';
import type { TVersionStage } from '../../domain/versions.ts';
import type { Db } from '../db/client.ts';
import { subjectOf, type RequestContext } from '../core/access.ts';
import { plans as plansDef } from './definitions.ts';

/*
 * Readers of adopted versions (ADR 0020): who may not read a plan's draft – the council, the public, a partner – reads
 * the newest version of it they may read, through the same routes and in the same shapes, with today's monitoring.
 */

/** A version (or, before one exists, the versions of a plan) as the rules see it: owner, members, stage. */
export async function versionSubject(tx: Db, ownerId: string, stage: TVersionStage) {
  return { ...(await subjectOf(tx, plansDef, { ownerId })), entity: 'versions' as const, planStatus: stage };
}

/** A version served to a reader: its facts and frozen content. */
export interface ServedVersion {
  facts: TServedVersion;
  adoptedBy: string;
  decisionReference: string | null;
  createdAt: string;
  ownerId: string;
  content: Record<string, unknown>;
}

interface VersionRow {
  id: string; number: number; status: TVersionStage; adopted_by: string; adopted_on: string; decision_reference: string | null;
  created_at: string | Date; owner_id: string; content: string;
}

const notFound = () => new AppError('not_found', 'Plan niet gevonden');

/**
 * The version of a plan the actor reads instead of the live plan: null when they may read the live plan; the newest
 * plan version they may read otherwise; 404 when there is none (or no such plan).
 */
export async function servedVersionOf(tx: Db, ctx: RequestContext, planId: string): Promise<ServedVersion | null> {
  if (ctx.isSystem) return null;
  const [plan] = await tx.query<{ owner_id: string; status: string }>('select owner_id, status from plans where id = $1', [planId]);
  if (!plan) throw notFound();
  const live = await subjectOf(tx, plansDef, { ownerId: plan.owner_id });
  if (can(ctx.actor, 'read', { ...live, planStatus: plan.status as TVersionStage })) return null;
  const versions = await tx.query<VersionRow>(
    `select id, number, status, adopted_by, adopted_on, decision_reference, created_at, owner_id, content from document_versions
      where plan_id = $1 and document = 'plan' order by number desc`,
    [planId],
  );
  for (const v of versions) {
    if (!can(ctx.actor, 'read', await versionSubject(tx, v.owner_id, v.status))) continue;
    return {
      facts: { id: v.id, number: v.number, status: v.status, adoptedOn: v.adopted_on },
      adoptedBy: v.adopted_by,
      decisionReference: v.decision_reference,
      createdAt: new Date(v.created_at).toISOString(),
      ownerId: v.owner_id,
      content: JSON.parse(v.content) as Record<string, unknown>,
    };
  }
  throw notFound();
}

/** The plan's export as of the served version: its frozen content over the live export (`planAsOfVersion`). */
export function exportAsOf(served: ServedVersion, live: Record<string, unknown>): Record<string, unknown> {
  const facts = {
    status: served.facts.status, adoptedBy: served.adoptedBy, adoptedOn: served.facts.adoptedOn,
    decisionReference: served.decisionReference, servedVersion: served.facts,
  };
  return planAsOfVersion(served.content, live, facts, { version: 1, createdAt: served.createdAt, updatedAt: served.createdAt, ownerId: served.ownerId });
}
