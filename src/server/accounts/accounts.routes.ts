import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { registerResourceRoutes } from '../http/resource.routes.ts';
import { registerAuditRoutes } from './audit.routes.ts';
import { ACCOUNT_RESOURCES } from './definitions.ts';
import { registerMemberRoutes } from './members.routes.ts';
import { registerSsoRoutes } from './sso.routes.ts';

/**
 * The accounts room's API routes: organisations and people (generic), members, roles and tokens, single sign-on and
 * the audit trail. The session hook and /auth routes are registered before every room (auth.routes.ts).
 */
export function registerAccountsRoutes(
  app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext, options: { allowHttpLocalhost: boolean },
) {
  registerAuditRoutes(app, db);
  registerMemberRoutes(app, db, ctxOf);
  registerSsoRoutes(app, db, ctxOf, options);
  registerResourceRoutes(app, db, ctxOf, ACCOUNT_RESOURCES);
}
