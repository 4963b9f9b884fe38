import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';

/** The meldpunt's routes of forwarding to partners, the partner's inbox, categories and duties, notifications (issue 13, part 4). */
export function registerForwardRoutes(api: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext): void {
  void api; void db; void ctxOf;
}
