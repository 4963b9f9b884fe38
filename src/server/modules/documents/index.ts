import type { TPlanExport } from '../../../domain/plan-views.ts';
import type { TDecision } from '../../../domain/schemas.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../access.ts';
import { exportPlan } from '../plan-queries.ts';
import { getRecord } from '../records.ts';
import { decisions } from '../resources.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderPdf } from './pdf.ts';
import { proposalDocumentTree } from './proposal-tree.ts';
import { planDocumentTree, type DocumentTree } from './tree.ts';

/** The formats of every document (council document, reports), with their media type and renderer. */
export const DOCUMENT_FORMATS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
  pdf: { type: 'application/pdf', render: renderPdf },
  html: { type: 'text/html; charset=utf-8', render: (doc: DocumentTree) => Promise.resolve(Buffer.from(renderHtml(doc))) },
} as const;
export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

/** A document tree drawn in one format, with its media type. */
export async function renderDocument(tree: DocumentTree, format: DocumentFormat) {
  return { body: await DOCUMENT_FORMATS[format].render(tree), type: DOCUMENT_FORMATS[format].type };
}

/** The plan as a document in one format, under the read rules of the export (404 for who may not read the plan). */
export async function planDocument(db: Db, planId: string, format: DocumentFormat, ctx: RequestContext) {
  const plan = (await exportPlan(db, planId, ctx)) as unknown as TPlanExport;
  return { plan, ...(await renderDocument(planDocumentTree(plan), format)) };
}

/** A decision (collegevoorstel) as a document, under the decision's read rules (404 for who may not read it). */
export async function proposalDocument(db: Db, decisionId: string, format: DocumentFormat, ctx: RequestContext) {
  const decision = (await getRecord(db, decisions, decisionId, ctx)) as unknown as TDecision;
  const plan = (await exportPlan(db, decision.planId, ctx)) as unknown as TPlanExport;
  return { decision, ...(await renderDocument(proposalDocumentTree(decision, plan), format)) };
}
