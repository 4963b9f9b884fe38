import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MAX_IMPORT_CHARS, ZImportPreview, ZImportResult, ZMeasurementImportCommit, ZMeasurementImportRequest,
} from '../../domain/measurement-import.ts';
import { ZRegion } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import { problems, ZIdParam } from '../http/errors.ts';
import { fileResponse } from '../http/file-response.ts';
import type { RequestContext } from '../core/access.ts';
import { indicatorChartSvg } from './indicator-chart.ts';
import { commitImport, listRegions, previewImport } from './open-data/import.ts';

/** JSON escapes the quotes of a StatLine file: room for the largest file, escaped. */
const IMPORT_BODY_LIMIT = MAX_IMPORT_CHARS * 2 + 64 * 1024;

/**
 * An SVG chart is an image, not a page: no scripts run in it, and its own styles (ECharts writes style attributes and a
 * style element) may apply when it is opened directly.
 */
export const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
export const SVG_TYPE = 'image/svg+xml; charset=utf-8';

/** Monitoring: CBS regions, indicator charts, and importing measurements from open-data files. */
export function registerIndicatorRoutes(app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/regions', {
    schema: { tags: ['reference'], summary: 'CBS-regio’s: Nederland, provincies, politie-eenheden en gemeenten', response: { 200: z.array(ZRegion) } },
  }, async () => listRegions(db));

  r.get('/indicators/:id/chart.svg', {
    schema: {
      tags: ['indicators'], summary: 'Lijngrafiek van een indicator als SVG: eigen waarden, vergelijkingsgebieden, nulmeting en doel',
      params: ZIdParam, response: { 200: fileResponse(SVG_TYPE, 'De grafiek als SVG-afbeelding'), ...problems },
    },
  }, async (req, reply) => {
    const svg = await indicatorChartSvg(db, req.params.id, ctxOf(req));
    return reply
      .type(SVG_TYPE)
      .header('content-security-policy', SVG_POLICY)
      .header('cache-control', 'private, no-cache')
      .send(svg);
  });

  r.post('/plans/:id/measurement-imports/preview', {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags: ['indicators'], summary: 'Voorbeeldweergave van een import van metingen (CSV: StatLine-export of tabel); schrijft niets',
      params: ZIdParam, body: ZMeasurementImportRequest, response: { 200: ZImportPreview, ...problems },
    },
  }, async (req) => previewImport(db, req.params.id, req.body, ctxOf(req)));

  r.post('/plans/:id/measurement-imports', {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags: ['indicators'], summary: 'Metingen importeren zoals de voorbeeldweergave liet zien: alles of niets, één regel in het auditlogboek',
      params: ZIdParam, body: ZMeasurementImportCommit, response: { 200: ZImportResult, ...problems },
    },
  }, async (req) => commitImport(db, req.params.id, req.body, ctxOf(req)));
}
