import { createHash, randomUUID } from 'node:crypto';
import type { TPlanExport } from '../src/domain/plan-views.ts';
import type { Db } from '../src/server/db/client.ts';
import { SYSTEM_CONTEXT } from '../src/server/modules/access.ts';
import { DOCUMENT_FORMATS } from '../src/server/modules/documents/index.ts';
import { planDocumentTree } from '../src/server/modules/documents/tree.ts';
import { exportPlan } from '../src/server/modules/plan-queries.ts';

/*
 * Frozen document versions for the public site's tests, written straight into `document_versions` the way the
 * adoption workflow stores them: the plan export as canonical JSON, its hash and the three rendered files.
 * TODO(lead): once the adoption workflow (POST /plans/:id/versions, /versions/:id/council, /versions/:id/publish) is
 * merged, switch these helpers to that API so the tests follow the real path.
 */

export type VersionStatus = 'adopted' | 'sent_to_council' | 'published';

export interface FreezeOptions {
  status: VersionStatus;
  /** 1 for the first version of this plan; the next free number when absent. */
  number?: number;
  title?: string;
  adoptedOn?: string;
  publishedAt?: string;
  decisionReference?: string | null;
  /** Change the export before it is frozen (a name with an e-mail address, a responsible person). */
  edit?: (plan: TPlanExport) => void;
}

/** Freezes the plan as it is now into a new version with the given status; returns the version's id. */
export async function freezeVersion(db: Db, planId: string, o: FreezeOptions): Promise<{ id: string; plan: TPlanExport }> {
  const plan = (await exportPlan(db, planId, SYSTEM_CONTEXT)) as unknown as TPlanExport;
  o.edit?.(plan);
  const content = JSON.stringify(plan);
  const tree = planDocumentTree(plan);
  const [html, docx, pdf] = await Promise.all([
    DOCUMENT_FORMATS.html.render(tree), DOCUMENT_FORMATS.docx.render(tree), DOCUMENT_FORMATS.pdf.render(tree),
  ]);
  const [{ next }] = await db.query<{ next: number }>(
    "select coalesce(max(number), 0) + 1 as next from document_versions where plan_id = $1 and document = 'plan'", [planId],
  );
  const id = randomUUID();
  const adoptedOn = o.adoptedOn ?? '2023-06-13';
  await db.query(
    `insert into document_versions (id, owner_id, plan_id, document, number, title, status, adopted_by, adopted_on,
       decision_reference, council_body, council_on, published_at, content, content_hash, html, docx, pdf, created_by_label)
     values ($1, $2, $3, 'plan', $4, $5, $6, 'college', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'test')`,
    [
      id, plan.ownerId, planId, o.number ?? next, o.title ?? plan.title, o.status, adoptedOn,
      o.decisionReference === undefined ? 'Z/23/123456' : o.decisionReference,
      o.status === 'adopted' ? null : 'Commissie ABM', o.status === 'adopted' ? null : '2023-07-04',
      o.status === 'published' ? (o.publishedAt ?? '2023-07-10T09:00:00Z') : null,
      content, createHash('sha256').update(content).digest('hex'), html.toString('utf8'), docx, pdf,
    ],
  );
  return { id, plan };
}
