import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../modules/access.ts';
import { writeAudit } from '../modules/audit.ts';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../modules/documents/index.ts';
import { HTML_CSP } from '../modules/documents/html.ts';
import type { DocumentTree } from '../modules/documents/tree.ts';
import { ZIdParam } from './errors.ts';

/*
 * Documents for download – the council document of a plan, the progress report of a round, the evaluation report –
 * each as Word, PDF and accessible HTML: one route per format, drawn from one tree, audited as an export.
 */

/** A title as an ASCII file name for a download: a header cannot carry every letter a title may have ("Veiligheid – Łódź"). */
export const fileName = (title: string) =>
  title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'plan';

/** What a document route needs of its source: the tree, and what the file and the audit row are called. */
export interface LoadedDocument {
  tree: DocumentTree;
  /** The file name before its extension (made ASCII here). */
  fileTitle: string;
  /** The audit row: the organisation, entity and id the document is about. */
  audit: { organisationId: string; entity: string; entityId: string; document?: string };
}

/**
 * Registers `GET {path}.docx|.pdf|.html` for a document. `load` checks who may read it (404 otherwise) and builds
 * its tree; the route draws it, writes the `export` audit row and sends the file.
 */
export function registerDocumentRoutes(
  app: FastifyInstance,
  db: Db,
  ctxOf: (req: FastifyRequest) => RequestContext,
  spec: { path: string; tags: string[]; summary: (format: DocumentFormat) => string; load: (id: string, ctx: RequestContext) => Promise<LoadedDocument> },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const format of Object.keys(DOCUMENT_FORMATS) as DocumentFormat[]) {
    r.get(`${spec.path}.${format}`, { schema: { tags: spec.tags, summary: spec.summary(format), params: ZIdParam } }, async (req, reply) => {
      const doc = await spec.load(req.params.id, ctxOf(req));
      const body = await DOCUMENT_FORMATS[format].render(doc.tree);
      const { document, ...audit } = doc.audit;
      await writeAudit(db, req.auditActor, { action: 'export', ...audit, after: document ? { document, format } : { format } });
      reply.header('content-disposition', `attachment; filename="${fileName(doc.fileTitle)}.${format}"`);
      if (format === 'html') reply.header('content-security-policy', HTML_CSP);
      return reply.type(DOCUMENT_FORMATS[format].type).send(body);
    });
  }
}

/**
 * The reports on a programme (issue 5, part 2): the progress report of a closed update round and the evaluation
 * report. Read by the staff of the owner (404 for others); the council gets them as adopted versions. The report
 * module (and ECharts with it) loads on the first request, not at start-up.
 */
export function registerReportRoutes(app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  const reports = () => import('../modules/documents/reports.ts');
  registerDocumentRoutes(app, db, ctxOf, {
    path: '/rounds/:id/report',
    tags: ['rounds'],
    summary: (format) => `De voortgangsrapportage van een gesloten updateronde (${format}): per thema de stand, afgeronde en vertraagde activiteiten met hun laatste toelichting, indicatoren tegen hun doel, budgetrealisatie en de wijzigingen sinds de vorige rapportage; uit de vastgelegde cijfers van de ronde (in het auditlogboek)`,
    load: async (id, ctx) => {
      const source = await (await reports()).progressReportSource(db, id, ctx);
      const s = source.content.snapshot;
      const [round] = await db.query<{ owner_id: string }>('select owner_id from update_rounds where id = $1', [id]);
      return {
        tree: source.tree, fileTitle: `voortgangsrapportage ${s.planTitle} ${s.quarter}`,
        audit: { organisationId: round.owner_id, entity: 'update-rounds', entityId: id, document: 'progress_report' },
      };
    },
  });
  registerDocumentRoutes(app, db, ctxOf, {
    path: '/plans/:id/evaluation',
    tags: ['plans'],
    summary: (format) => `Het evaluatierapport van een programma of plan (${format}): per thema en doel de activiteiten naar eindstand, gepland tegen gerealiseerd, indicatoren van nulmeting naar doel en laatste meting, budget gepland tegen besteed (in het auditlogboek)`,
    load: async (id, ctx) => {
      const source = await (await reports()).evaluationSource(db, id, ctx);
      const [plan] = await db.query<{ owner_id: string }>('select owner_id from plans where id = $1', [id]);
      return {
        tree: source.tree, fileTitle: `evaluatierapport ${source.content.plan.title}`,
        audit: { organisationId: plan.owner_id, entity: 'plans', entityId: id, document: 'evaluation' },
      };
    },
  });
}
