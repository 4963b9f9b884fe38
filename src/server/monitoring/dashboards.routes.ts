import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STATUS_CHART_WIDTHS, ZOrganisationDashboard } from '../../domain/dashboard.ts';
import { ZId } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { organisationDashboard, planStatusChartSvg } from './dashboards.ts';
import { problems, ZIdParam } from '../http/errors.ts';
import { fileResponse } from '../http/file-response.ts';
import { SVG_POLICY, SVG_TYPE } from './indicators.routes.ts';

const ZQuery = z.object({
  planId: ZId.optional(),
  portfolioHolderId: ZId.optional(),
  /** A portefeuillehouder sees their own themes by default; `all` shows every theme. */
  scope: z.enum(['own', 'all']).optional(),
});
const ZChartQuery = ZQuery.pick({ portfolioHolderId: true }).extend({
  /** The width to draw at: one for phones and one for wider screens. */
  width: z.coerce.number().int().min(STATUS_CHART_WIDTHS[0]).max(STATUS_CHART_WIDTHS[1]).optional(),
});

/** Dashboards: per organisation and programme, per theme; filtered on a portefeuillehouder. */
export function registerDashboardRoutes(app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/organisations/:id/dashboard', {
    schema: {
      tags: ['dashboards'],
      summary: 'Dashboard: per thema de activiteiten per status (en hoeveel achterlopen), de indicatoren per status en de besteding; '
        + 'van een samenwerking ook de lokale delen van de leden',
      params: ZIdParam, querystring: ZQuery, response: { 200: ZOrganisationDashboard, ...problems },
    },
  }, async (req) => organisationDashboard(db, req.params.id, req.query, ctxOf(req)));

  r.get('/plans/:id/status-chart.svg', {
    schema: {
      tags: ['dashboards'], summary: 'Staafdiagram als SVG: de activiteiten per thema en status, en hoeveel achterlopen',
      params: ZIdParam, querystring: ZChartQuery,
      response: { 200: fileResponse(SVG_TYPE, 'Het staafdiagram als SVG-afbeelding'), ...problems },
    },
  }, async (req, reply) => {
    const svg = await planStatusChartSvg(db, req.params.id, req.query, ctxOf(req));
    return reply.type(SVG_TYPE).header('content-security-policy', SVG_POLICY).header('cache-control', 'private, no-cache').send(svg);
  });
}
