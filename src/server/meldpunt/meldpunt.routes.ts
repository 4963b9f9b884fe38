import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import { registerPublicMeldingApi } from './public-api.routes.ts';
import { registerTriageRoutes } from './triage.routes.ts';
import { registerForwardRoutes } from './forwards.routes.ts';
import { registerOverviewRoutes } from './overview.routes.ts';
import { registerPublicFormPages } from './public-form.routes.ts';

/*
 * The meldpunt (issue 13, ADR 0023): the public form, the meldcode, intake and triage, forwarding, and the counts for
 * the safety plan. Meldingen go through this room's own repository (repository.ts), never the generic record layer.
 */

/** The meldpunt's API, under /api/v1. */
export function registerMeldpuntRoutes(api: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  registerPublicMeldingApi(api, db, ctxOf);
  registerTriageRoutes(api, db, ctxOf);
  registerForwardRoutes(api, db, ctxOf);
  registerOverviewRoutes(api, db, ctxOf);
}

/** The meldpunt's server-rendered pages for residents, beside the public site. */
export function registerMeldpuntPages(app: FastifyInstance, db: Db) {
  registerPublicFormPages(app, db);
}
