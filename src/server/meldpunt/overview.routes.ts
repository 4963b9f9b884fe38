import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { ZMeldpuntOverview, ZMonth } from '../../domain/meldpunt-overview.ts';
import { ZId } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import { problems } from '../http/errors.ts';
import { fileResponse } from '../http/file-response.ts';
import { SVG_POLICY, SVG_TYPE } from '../monitoring/indicators.routes.ts';
import { refreshCounts } from './counts.ts';
import { meldpuntOverview, overviewChartSvg } from './overview.ts';

const ZOverviewQuery = z.object({ municipality: ZId, from: ZMonth.optional(), to: ZMonth.optional() });
const ZChartQuery = ZOverviewQuery.extend({ width: z.coerce.number().int().min(320).max(1200).optional() });
const ZCountsResult = z.object({ indicators: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

/** The meldpunt's routes of counts for the safety plan and the meldpunt overview (issue 13, part 5). */
export function registerOverviewRoutes(api: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post('/meldpunt/counts/refresh', {
    schema: {
      tags: ['meldpunt'],
      summary: 'Tellingen van het meldpunt nu bijwerken: per maand het aantal meldingen als meting van de gekoppelde indicatoren (bron "Meldpunt (Regie)")',
      querystring: z.object({ municipality: ZId }), response: { 200: ZCountsResult, ...problems },
    },
  }, async (req) => {
    const ctx = ctxOf(req);
    const { actor } = ctx;
    if (!actor.userId) throw new AppError('unauthorized', 'Log in om dit te doen');
    const m = req.query.municipality;
    const isAdviser = actor.roles.some((x) => x.organisationId === m && x.role === 'adviseur');
    const isHandler = (actor.duties ?? []).some((d) => d.organisationId === m && d.duty === 'behandelaar');
    if (!isAdviser && !isHandler) {
      // A member of the municipality learns it may not; anyone else does not learn that it exists.
      if (actor.roles.some((x) => x.organisationId === m)) throw new AppError('forbidden', 'Alleen adviseurs en behandelaars werken de tellingen bij');
      throw new AppError('not_found', 'Niet gevonden');
    }
    return (await refreshCounts(db, { municipalityId: m, audit: ctx.audit }))!;
  });

  r.get('/meldpunt/overview', {
    schema: {
      tags: ['meldpunt'],
      summary: 'Meldpunt in cijfers: meldingen per categorie en maand, reactietijd tegen de norm en uitkomsten van de triage (alleen aantallen; 1 tot 4 als "minder dan 5" voor wie geen behandelaar is)',
      querystring: ZOverviewQuery, response: { 200: ZMeldpuntOverview, ...problems },
    },
  }, async (req) => meldpuntOverview(db, req.query, ctxOf(req).actor));

  r.get('/meldpunt/overview/chart.svg', {
    schema: {
      tags: ['meldpunt'], summary: 'Meldpunt in cijfers als gestapeld staafdiagram (SVG): meldingen per maand en categorie',
      querystring: ZChartQuery, response: { 200: fileResponse(SVG_TYPE, 'De grafiek als SVG-afbeelding'), ...problems },
    },
  }, async (req, reply) => {
    const { width, ...q } = req.query;
    const svg = overviewChartSvg(await meldpuntOverview(db, q, ctxOf(req).actor), width);
    return reply.type(SVG_TYPE).header('content-security-policy', SVG_POLICY).header('cache-control', 'private, no-cache').send(svg);
  });
}
