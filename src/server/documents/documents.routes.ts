import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZProposalRequest } from '../../domain/proposal.ts';
import { ZDecision, type TDecision } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { DOCUMENT_FORMATS, type DocumentFormat } from './index.ts';
import { proposalDocumentTree } from './proposal-tree.ts';
import { planDocumentTree, type DocumentTree } from './tree.ts';
import { exportPlan } from '../plans/plan-queries.ts';
import { createProposal } from './proposals/proposals.ts';
import { getRecord } from '../core/read.ts';
import { decisions } from '../plans/resources.ts';
import { sendDocument } from './send-document.ts';
import { registerVersionRoutes } from './versions.routes.ts';
import { problems, ZIdParam } from '../http/errors.ts';
import { fileResponse } from '../http/file-response.ts';

/*
 * Documents for download – the council document of a plan, a decision as collegevoorstel, the progress report of a
 * round, the evaluation report – each as Word, PDF and accessible HTML: one route per format, drawn from one tree,
 * audited as an export.
 */

/** What a document route needs of its source: the tree, and what the file and the audit row are called. */
export interface LoadedDocument {
  tree: DocumentTree;
  /** The file name before its extension (made ASCII here). */
  fileTitle: string;
  /** The audit row: the organisation, entity and id the document is about. */
  audit: { organisationId: string | null; entity: string; entityId: string; document?: string };
}

/**
 * Registers `GET {path}.docx|.pdf|.html` for a document. `load` checks who may read it (404 otherwise) and builds
 * its tree; the route draws it and sends it (`sendDocument`: audited as an export).
 */
function documentRoutes(
  app: FastifyInstance,
  db: Db,
  ctxOf: (req: FastifyRequest) => RequestContext,
  spec: { path: string; tags: string[]; summary: (format: DocumentFormat) => string; load: (id: string, ctx: RequestContext) => Promise<LoadedDocument> },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const format of Object.keys(DOCUMENT_FORMATS) as DocumentFormat[]) {
    r.get(`${spec.path}.${format}`, {
      schema: {
        tags: spec.tags, summary: spec.summary(format), params: ZIdParam,
        response: { 200: fileResponse(DOCUMENT_FORMATS[format].type, DOCUMENT_FORMATS[format].description), ...problems },
      },
    }, async (req, reply) => {
      const doc = await spec.load(req.params.id, ctxOf(req));
      const body = await DOCUMENT_FORMATS[format].render(doc.tree);
      const { organisationId, ...about } = doc.audit;
      return sendDocument(db, req, reply, { ...about, ownerId: organisationId, title: doc.fileTitle, format, body, type: DOCUMENT_FORMATS[format].type });
    });
  }
}

/** The documents Regie generates from live data (frozen versions have their own routes) – and making a proposal. */
/** The documents room's routes: generated documents, the collegevoorstel, versions and their adoption. */
export function registerDocumentRoutes(app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  registerVersionRoutes(app, db, ctxOf);
  documentRoutes(app, db, ctxOf, {
    path: '/plans/:id/document',
    tags: ['plans'],
    summary: (format) => `Het plan of programma als document voor de raad (${format}): inleiding, thema's met activiteitentabel, regulier werk, begroting (in het auditlogboek)`,
    load: async (id, ctx) => {
      const plan = await exportPlan(db, id, ctx);
      return { tree: planDocumentTree(plan), fileTitle: plan.title, audit: { organisationId: plan.ownerId, entity: 'plans', entityId: plan.id } };
    },
  });
  documentRoutes(app, db, ctxOf, {
    path: '/decisions/:id/document',
    tags: ['decisions'],
    summary: (format) => `Een besluit als collegevoorstel (${format}): kopgegevens, voorgesteld besluit, de onderdelen en vervolgacties (in het auditlogboek)`,
    load: async (id, ctx) => {
      const decision = (await getRecord(db, decisions, id, ctx)) as unknown as TDecision;
      const plan = await exportPlan(db, decision.planId, ctx);
      return { tree: proposalDocumentTree(decision, plan), fileTitle: decision.title, audit: { organisationId: decision.ownerId, entity: 'decisions', entityId: decision.id } };
    },
  });
  registerReportRoutes(app, db, ctxOf);

  app.withTypeProvider<ZodTypeProvider>().post('/plans/:id/proposals', {
    schema: {
      tags: ['decisions'],
      summary: 'Collegevoorstel maken, ingevuld uit de gegevens: het programma vaststellen of de voortgangsrapportage van een afgesloten updateronde aan de raad sturen (adviseur)',
      params: ZIdParam, body: ZProposalRequest, response: { 201: ZDecision, ...problems },
    },
  }, async (req, reply) => reply.status(201).send(await createProposal(db, ctxOf(req), req.params.id, req.body)));
}

/**
 * The reports on a programme (issue 5, part 2): the progress report of a closed update round and the evaluation
 * report. Read by the staff of the owner (404 for others); the council gets them as adopted versions. The report
 * module (and ECharts with it) loads on the first request, not at start-up.
 */
function registerReportRoutes(app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  const reports = () => import('./reports.ts');
  documentRoutes(app, db, ctxOf, {
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
  documentRoutes(app, db, ctxOf, {
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
