import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { registerDashboardRoutes } from './dashboards.routes.ts';
import { registerIndicatorRoutes } from './indicators.routes.ts';
import { registerProgrammeRoutes } from './programme.routes.ts';
import { registerProgressRoutes } from './progress.routes.ts';

/** The monitoring room's routes: progress and rounds, indicators and open data, dashboards, the programme's lists. */
export function registerMonitoringRoutes(app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  registerProgressRoutes(app, db, ctxOf);
  registerIndicatorRoutes(app, db, ctxOf);
  registerDashboardRoutes(app, db, ctxOf);
  registerProgrammeRoutes(app, db, ctxOf);
}
