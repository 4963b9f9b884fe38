import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';

/** The meldpunt's routes of the public submission, the meldcode and the receipt as API (issue 13, part 1). */
export function registerPublicMeldingApi(api: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext): void {
  void api; void db; void ctxOf;
}
