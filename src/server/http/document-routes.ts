import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZProposalRequest } from '../../domain/proposal.ts';
import { ZDecision } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../modules/access.ts';
import { writeAudit } from '../modules/audit.ts';
import { DOCUMENT_FORMATS, planDocument, proposalDocument, type DocumentFormat } from '../modules/documents/index.ts';
import { HTML_CSP } from '../modules/documents/html.ts';
import { createProposal } from '../modules/proposals/proposals.ts';
import { fileName } from './download.ts';
import { problems, ZIdParam } from './errors.ts';

/** What a document route serves: the file, its title, and what the export's audit row is about. */
interface Served {
  body: Buffer;
  type: string;
  title: string;
  audit: { organisationId: string | null; entity: string; entityId: string };
}

/**
 * One route per format (`<path>.docx|.pdf|.html`) for a generated document: read rules of the loader (404 otherwise),
 * an `export` audit row with the format, an ASCII file name, and the HTML's own Content-Security-Policy.
 */
function documentRoutes(
  app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext,
  path: string, schema: { tags: string[]; summary: string },
  load: (id: string, format: DocumentFormat, ctx: RequestContext) => Promise<Served>,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const format of Object.keys(DOCUMENT_FORMATS) as DocumentFormat[]) {
    r.get(`${path}.${format}`, { schema: { ...schema, summary: `${schema.summary} (${format})`, params: ZIdParam } }, async (req, reply) => {
      const doc = await load(req.params.id, format, ctxOf(req));
      await writeAudit(db, req.auditActor, { action: 'export', ...doc.audit, after: { format } });
      reply.header('content-disposition', `attachment; filename="${fileName(doc.title)}.${format}"`);
      if (format === 'html') reply.header('content-security-policy', HTML_CSP);
      return reply.type(doc.type).send(doc.body);
    });
  }
}

/** The documents Regie generates: the plan for the council, and a decision as collegevoorstel – and making one. */
export function registerDocumentRoutes(app: FastifyInstance, database: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  documentRoutes(app, database, ctxOf, '/plans/:id/document', {
    tags: ['plans'],
    summary: 'Het plan of programma als document voor de raad: inleiding, thema’s met activiteitentabel, regulier werk, begroting (in het auditlogboek)',
  }, async (id, format, ctx) => {
    const { plan, body, type } = await planDocument(database, id, format, ctx);
    return { body, type, title: plan.title, audit: { organisationId: plan.ownerId, entity: 'plans', entityId: plan.id } };
  });
  documentRoutes(app, database, ctxOf, '/decisions/:id/document', {
    tags: ['decisions'],
    summary: 'Een besluit als collegevoorstel: kopgegevens, voorgesteld besluit, de onderdelen en vervolgacties (in het auditlogboek)',
  }, async (id, format, ctx) => {
    const { decision, body, type } = await proposalDocument(database, id, format, ctx);
    return { body, type, title: decision.title, audit: { organisationId: decision.ownerId, entity: 'decisions', entityId: decision.id } };
  });

  app.withTypeProvider<ZodTypeProvider>().post('/plans/:id/proposals', {
    schema: {
      tags: ['decisions'],
      summary: 'Collegevoorstel maken, ingevuld uit de gegevens: het programma vaststellen of de voortgangsrapportage van een afgesloten updateronde aan de raad sturen (adviseur)',
      params: ZIdParam, body: ZProposalRequest, response: { 201: ZDecision, ...problems },
    },
  }, async (req, reply) => reply.status(201).send(await createProposal(database, ctxOf(req), req.params.id, req.body)));
}
