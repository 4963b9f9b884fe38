import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAuditEvent } from '../../domain/accounts.ts';
import { AppError } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import { ZId } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import { AUDIT_ACTIONS } from '../core/audit.ts';
import { problems } from '../http/errors.ts';
import { fileResponse } from '../http/file-response.ts';
import { auditToCsv, listAudit } from './audit-log.ts';

const ZAuditQuery = z.object({
  organisationId: ZId,
  action: z.enum(AUDIT_ACTIONS).optional(),
  entity: z.string().max(60).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

const CSV_TYPE = 'text/csv; charset=utf-8';

/** The audit trail of an organisation, for its beheerder: as a list and as CSV. */
export function registerAuditRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auditFor = async (req: FastifyRequest, q: z.infer<typeof ZAuditQuery>) => {
    if (!can(req.actor, 'read', { entity: 'audit', ownerId: q.organisationId })) {
      throw new AppError(req.session ? 'forbidden' : 'unauthorized', 'Het auditlogboek is er voor de beheerder van de organisatie');
    }
    return listAudit(db, q);
  };
  r.get('/audit', {
    schema: { tags: ['audit'], summary: 'Auditlogboek van een organisatie (beheerder)', querystring: ZAuditQuery, response: { 200: z.array(ZAuditEvent), ...problems } },
  }, async (req) => auditFor(req, req.query));
  r.get('/audit.csv', {
    schema: {
      tags: ['audit'], summary: 'Auditlogboek als CSV (beheerder)', querystring: ZAuditQuery,
      response: { 200: fileResponse(CSV_TYPE, 'Het auditlogboek als CSV (puntkomma’s, zoals Excel het opent)'), ...problems },
    },
  }, async (req, reply) => {
    const rows = await auditFor(req, req.query);
    reply.header('content-disposition', `attachment; filename="auditlog-${new Date().toISOString().slice(0, 10)}.csv"`);
    return reply.type(CSV_TYPE).send(auditToCsv(rows));
  });
}
