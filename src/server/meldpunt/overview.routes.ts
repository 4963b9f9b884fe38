import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';

/** The meldpunt's routes of counts for the safety plan and the meldpunt overview (issue 13, part 5). */
export function registerOverviewRoutes(api: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext): void {
  void api; void db; void ctxOf;
}
