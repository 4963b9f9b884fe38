import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_XLSX_BASE64, ZXlsxCommit, ZXlsxPreview, ZXlsxRequest, ZXlsxResult } from '../../../domain/programme-xlsx.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { commitProgrammeXlsx, exportProgrammeXlsx, previewProgrammeXlsx } from './import.ts';
import { fileName } from '../../http/download.ts';
import { problems, ZIdParam } from '../../http/errors.ts';
import { fileResponse } from '../../http/file-response.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BODY_LIMIT = MAX_XLSX_BASE64 + 64 * 1024;

/** The programme as an Excel workbook, and importing an edited workbook back (preview, then commit). */
export function registerXlsxRoutes(app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/plans/:id/programme.xlsx', {
    schema: {
      tags: ['plans'], summary: 'Activiteiten en begroting als Excel-werkmap (.xlsx), om te bewerken en weer te importeren (in het auditlogboek)',
      params: ZIdParam, response: { 200: fileResponse(XLSX_TYPE, 'De Excel-werkmap (.xlsx)'), ...problems },
    },
  }, async (req, reply) => {
    const { plan, bytes } = await exportProgrammeXlsx(db, req.params.id, ctxOf(req));
    await writeAudit(db, req.auditActor, { action: 'export', organisationId: plan.ownerId, entity: 'plans', entityId: plan.id, after: { format: 'xlsx' } });
    reply.header('content-disposition', `attachment; filename="${fileName(String(plan.title))}.xlsx"`);
    return reply.type(XLSX_TYPE).send(bytes);
  });

  r.post('/plans/:id/programme.xlsx/preview', {
    bodyLimit: BODY_LIMIT,
    schema: {
      tags: ['plans'], summary: 'Voorbeeldweergave van het importeren van een bewerkte Excel-werkmap: wijzigingen per rij en fouten per rij; schrijft niets',
      params: ZIdParam, body: ZXlsxRequest, response: { 200: ZXlsxPreview, ...problems },
    },
  }, async (req) => previewProgrammeXlsx(db, req.params.id, req.body, ctxOf(req)));

  r.post('/plans/:id/programme.xlsx/commit', {
    bodyLimit: BODY_LIMIT,
    schema: {
      tags: ['plans'], summary: 'De wijzigingen uit de voorbeeldweergave doorvoeren: alles of niets; 409 als het programma sindsdien is gewijzigd',
      params: ZIdParam, body: ZXlsxCommit, response: { 200: ZXlsxResult, ...problems },
    },
  }, async (req) => commitProgrammeXlsx(db, req.params.id, req.body, ctxOf(req)));
}
