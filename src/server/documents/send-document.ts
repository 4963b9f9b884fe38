import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { writeAudit } from '../core/audit.ts';
import { fileName } from '../http/download.ts';
import { HTML_CSP } from './html.ts';
import type { DocumentFormat } from './index.ts';

/**
 * Sends a generated document (live or frozen) as a download: an `export` row in the audit trail with its format (and
 * which document, where the entity has more than one), an ASCII file name, and for HTML the document's own
 * Content-Security-Policy.
 */
export async function sendDocument(
  db: Db, req: FastifyRequest, reply: FastifyReply,
  doc: { ownerId: string | null; entity: string; entityId: string; document?: string; title: string; format: DocumentFormat; body: Buffer; type: string },
) {
  const after = doc.document ? { document: doc.document, format: doc.format } : { format: doc.format };
  await writeAudit(db, req.auditActor, { action: 'export', organisationId: doc.ownerId, entity: doc.entity, entityId: doc.entityId, after });
  reply.header('content-disposition', `attachment; filename="${fileName(doc.title)}.${doc.format}"`);
  if (doc.format === 'html') reply.header('content-security-policy', HTML_CSP);
  return reply.type(doc.type).send(doc.body);
}
