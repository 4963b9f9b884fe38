import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PLAN_KINDS, PLAN_STATUSES, ZId, ZKernbeleidTheme, ZPlanSummary } from '../../domain/schemas.ts';
import { ZPlanBudget, ZPlanExport } from '../../domain/plan-views.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { writeAudit } from '../core/audit.ts';
import { registerResourceRoutes } from '../http/resource.routes.ts';
import { fileName } from '../http/download.ts';
import { problems, ZIdParam } from '../http/errors.ts';
import { ZCarryOverInput, ZCarryOverResult } from '../../domain/carry-over.ts';
import { createSuccessorPlan } from './carry-over.ts';
import { registerXlsxRoutes } from './excel/excel.routes.ts';
import { exportPlan, getPlanBudget, listKernbeleidThemes, listPlanSummaries } from './plan-queries.ts';
import { PLAN_RESOURCES, plans } from './resources.ts';

/** The plans room's routes: plans and their content (generic), the plan list, export and budget, the Excel round trip. */
export function registerPlansRoutes(app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/plans', {
    schema: {
      tags: ['plans'], summary: 'Plannen met hun eigenaar',
      querystring: z.object({
        organisationId: ZId.optional(), ownerId: ZId.optional(), kind: z.enum(PLAN_KINDS).optional(), status: z.enum(PLAN_STATUSES).optional(),
      }),
      response: { 200: z.array(ZPlanSummary), ...problems },
    },
  }, async (req) => listPlanSummaries(db, req.query, ctxOf(req)));

  r.get('/plans/:id/export', {
    schema: {
      tags: ['plans'], summary: 'Eén plan met alles erin, als één JSON-document; met download=1 als bestand (en in het auditlogboek)',
      params: ZIdParam, querystring: z.object({ download: z.literal('1').optional() }), response: { 200: ZPlanExport, ...problems },
    },
  }, async (req, reply) => {
    const doc = await exportPlan(db, req.params.id, ctxOf(req));
    if (req.query.download) {
      reply.header('content-disposition', `attachment; filename="${fileName(doc.title)}.json"`);
      await writeAudit(db, req.auditActor, { action: 'export', organisationId: doc.ownerId, entity: 'plans', entityId: doc.id });
    }
    return doc;
  });

  r.get('/plans/:id/budget', {
    schema: { tags: ['plans'], summary: 'Begroting: posten, totalen, beschikbaar en restant (berekend)', params: ZIdParam, response: { 200: ZPlanBudget, ...problems } },
  }, async (req) => getPlanBudget(db, req.params.id, ctxOf(req)));

  r.get('/kernbeleid-themes', {
    schema: { tags: ['reference'], summary: 'VNG Kernbeleid Veiligheid: velden en thema’s', response: { 200: z.array(ZKernbeleidTheme) } },
  }, async () => listKernbeleidThemes(db));

  r.post('/plans/:id/successor', {
    schema: {
      tags: ['plans'],
      summary: 'Nieuw programma op basis van dit programma (adviseur): thema’s, doelen, open activiteiten, indicatoren en begrotingsopbouw in een concept voor de volgende periode; zegt wat is overgenomen en wat niet',
      params: ZIdParam, body: ZCarryOverInput, response: { 201: ZCarryOverResult, ...problems },
    },
  }, async (req, reply) => reply.status(201).send(await createSuccessorPlan(db, ctxOf(req), req.params.id, req.body)));

  registerXlsxRoutes(app, db, ctxOf);
  // Plans have their own list (with owner), above.
  registerResourceRoutes(app, db, ctxOf, PLAN_RESOURCES, [plans]);
}
