import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';

/** The public meldformulier per municipality (/openbaar/<gemeente>/melden) and the meldcode pages, rendered on the server. */
export function registerPublicFormPages(app: FastifyInstance, db: Db): void {
  void app; void db;
}
