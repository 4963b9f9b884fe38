import { planContent } from '../../../domain/plan-content.ts';
import type { TPlanExport } from '../../../domain/plan-views.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../access.ts';
import { exportPlan } from '../plan-queries.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderPdf } from './pdf.ts';
import { planDocumentTree, type DocumentTree } from './tree.ts';

/** The formats of every document (council document, reports), with their media type and renderer. */
export const DOCUMENT_FORMATS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
  pdf: { type: 'application/pdf', render: renderPdf },
  html: { type: 'text/html; charset=utf-8', render: (doc: DocumentTree) => Promise.resolve(Buffer.from(renderHtml(doc))) },
} as const;
export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

/**
 * A document that can be adopted and frozen (ADR 0014): its title, its content (plain JSON: what the comparison and
 * the "nothing changed" check look at) and the tree the files are rendered from. Plans, progress reports and
 * evaluations each have a source of this shape; `versions.ts` freezes any of them.
 */
export interface DocumentSource<C = unknown> {
  title: string;
  content: C;
  tree: DocumentTree;
}

/** The plan as a document source, under the read rules of the export. */
export async function planDocumentSource(db: Db, planId: string, ctx: RequestContext): Promise<DocumentSource & { plan: TPlanExport }> {
  const plan = (await exportPlan(db, planId, ctx)) as unknown as TPlanExport;
  return { title: plan.title, content: planContent(plan as never), tree: planDocumentTree(plan), plan };
}
