import type { TDocumentVersion, TVersionStage } from '../src/domain/versions.ts';
import type { Db } from '../src/server/db/client.ts';
import { SYSTEM_CONTEXT, type RequestContext } from '../src/server/core/access.ts';
import { getRecord } from '../src/server/core/read.ts';
import { updateRecord } from '../src/server/core/write.ts';
import { plans } from '../src/server/plans/resources.ts';
import { adoptVersion, stepVersion } from '../src/server/documents/versions.ts';

/*
 * Document versions for tests, made through the adoption workflow itself (`adoptVersion`, `stepVersion`: what
 * `POST /plans/{id}/versions`, `/versions/{id}/council` and `/publish` call), by the system unless another context is
 * given. The one helper for every test that needs an adopted, sent or published version (`make.publishedVersion` too).
 */

export interface VersionOptions {
  /** How far the version goes: adopted by the college, sent to the council, or published (the default). */
  stage?: TVersionStage;
  adoptedOn?: string;
  decisionReference?: string | null;
  /**
   * The council or committee and the meeting date: a published version goes there first when given; a version sent
   * to the council without it goes to the commissie ABM on the day of the adoption.
   */
  council?: { body: string; on: string };
  /**
   * Renames the plan before the adoption: a real change of its content, so a version can follow another (adopting an
   * unchanged text is refused).
   */
  title?: string;
  ctx?: RequestContext;
}

/** Adopts the plan as it is now and moves the version on to the stage asked for; returns the version. */
export async function versionOf(db: Db, planId: string, o: VersionOptions = {}): Promise<TDocumentVersion> {
  const ctx = o.ctx ?? SYSTEM_CONTEXT;
  if (o.title) {
    const plan = await getRecord(db, plans, planId, ctx);
    await updateRecord(db, plans, planId, { title: o.title, version: plan.version }, ctx);
  }
  const adoptedOn = o.adoptedOn ?? '2023-06-13';
  let v = await adoptVersion(db, ctx, { document: 'plan', planId }, {
    adoptedBy: 'college', adoptedOn, decisionReference: o.decisionReference === undefined ? 'Z/23/123456' : o.decisionReference,
  });
  const stage = o.stage ?? 'published';
  if (stage === 'sent_to_council' || (stage === 'published' && o.council)) {
    const council = o.council ?? { body: 'commissie ABM', on: adoptedOn };
    v = await stepVersion(db, ctx, v.id, 'council', { version: v.version, councilBody: council.body, councilOn: council.on });
  }
  if (stage === 'published') v = await stepVersion(db, ctx, v.id, 'publish', { version: v.version });
  return v;
}
