import { planContent } from '../../domain/plan-content.ts';
import type { TPlanExport } from '../../domain/plan-views.ts';
import type { TDocumentKind } from '../../domain/versions.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { exportPlan } from '../plans/plan-queries.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderPdf } from './typst.ts';
import type { EvaluationContent, ProgressReportContent } from './reports.ts';
import type { DocumentSource } from './source.ts';
import { planDocumentTree, stampAdoption, type AdoptionFacts, type DocumentTree, type PlanDocumentInput } from './tree.ts';

export type { DocumentSource } from './source.ts';

/** The formats of every document (council document, reports), with their media type, renderer and description. */
export const DOCUMENT_FORMATS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx, description: 'Het document als Word-bestand (.docx)' },
  pdf: { type: 'application/pdf', render: renderPdf, description: 'Het document als PDF' },
  html: { type: 'text/html; charset=utf-8', render: (doc: DocumentTree) => Promise.resolve(Buffer.from(renderHtml(doc))), description: 'Het document als toegankelijke HTML-pagina' },
} as const;
export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

/**
 * The plan as a document source, under the read rules of the export. The tree is drawn from the content, as a
 * version's page on the public site draws it again (`versionTree`): what is stored and what is shown are the same.
 */
export async function planDocumentSource(db: Db, planId: string, ctx: RequestContext): Promise<DocumentSource & { plan: TPlanExport }> {
  const plan = await exportPlan(db, planId, ctx);
  const content = planContent(plan);
  return { title: plan.title, content, tree: planDocumentTree(content as unknown as PlanDocumentInput), plan };
}

type TreeOf = (content: never) => DocumentTree | Promise<DocumentTree>;

/**
 * Each document kind's tree, drawn from a version's frozen content (a pure function of it, ADR 0014/0016). The
 * reports' module (and ECharts with it) loads when a report is first drawn.
 */
const VERSION_TREES: Record<TDocumentKind, TreeOf> = {
  plan: (content: PlanDocumentInput) => planDocumentTree(content),
  progress_report: async (content: ProgressReportContent) => (await import('./reports.ts')).progressReportTree(content),
  evaluation: async (content: EvaluationContent) => (await import('./reports.ts')).evaluationTree(content),
};

/** A frozen version as a document tree: its content drawn again, with its adoption stamped on it as on its files. */
export async function versionTree(version: AdoptionFacts & { document: TDocumentKind; content: string }): Promise<DocumentTree> {
  const tree = await VERSION_TREES[version.document](JSON.parse(version.content) as never);
  const { number, adoptedBy, adoptedOn, decisionReference } = version;
  return stampAdoption(tree, { number, adoptedBy, adoptedOn, decisionReference });
}
