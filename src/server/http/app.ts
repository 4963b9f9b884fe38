import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { PLAN_KINDS, PLAN_STATUSES, ZActivityFilter, ZId, ZKernbeleidTheme, ZPlanSummary, ZVersion } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import { createRecord, deleteRecord, fromRow, getRecord, listRecords, updateRecord } from '../modules/records.ts';
import { RESOURCES, plans as plansDef, type ResourceDef } from '../modules/resources.ts';
import { registerVersionRoutes } from './version-routes.ts';
import { exportPlan, getPlanBudget, listMyActivities, listPlanSummaries, listProgrammeActivities } from '../modules/plan-queries.ts';
import { ZAuditEvent } from '../../domain/accounts.ts';
import { registerAuth } from './auth.ts';
import { registerMemberRoutes } from './member-routes.ts';
import { registerSsoRoutes } from './sso-routes.ts';
import { handleError, problems, ZIdParam } from './errors.ts';
import { registerProgressRoutes } from './progress-routes.ts';
import { registerMonitoringRoutes } from './monitoring-routes.ts';
import { registerDashboardRoutes } from './dashboard-routes.ts';
import { fileName } from './download.ts';
import { registerXlsxRoutes } from './xlsx-routes.ts';
import { registerDocumentRoutes } from './document-routes.ts';
import { AUDIT_ACTIONS, auditToCsv, listAudit, writeAudit } from '../modules/audit.ts';
import { can } from '../../domain/permissions.ts';
import type { RequestContext } from '../modules/access.ts';
import type { Mailer } from '../modules/mail.ts';
import { ZMyActivity, ZPlanBudget, ZPlanExport, ZProgrammeActivity, ZRoadmap } from '../../domain/plan-views.ts';
import { getRoadmap, roadmapCalendar } from '../modules/roadmap.ts';
import { registerPublicSite } from '../public-site/routes.ts';

const WEB_DIR = join(import.meta.dirname, '../../../dist/web');

const isUuid = (id: string) => ZId.safeParse(id).success;

/** A PATCH body: every field optional and without its default (absent means unchanged), plus the version. */
function patchSchema(def: ResourceDef) {
  const shape = Object.fromEntries(
    Object.entries(def.fields.shape).map(([k, s]) => {
      const inner = s instanceof z.ZodDefault ? (s.unwrap() as z.ZodType) : (s as z.ZodType);
      return [k, inner.optional()];
    }),
  );
  return z.strictObject(shape).extend(ZVersion.shape);
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
    /** Outgoing e-mail, or null when no SMTP server is configured. */
    mailer: Mailer | null;
    /** The address users reach Regie at (for links in e-mails), or null: then the request's own origin. */
    publicUrl: string | null;
  }
}

/** The request's actor, for the services. */
const ctxOf = (req: FastifyRequest): RequestContext => ({ actor: req.actor, audit: req.auditActor });

/** Builds the HTTP app on a database: the API under /api/v1, its OpenAPI document and docs, and the web app. */
export interface AppOptions {
  logger?: boolean;
  trustProxy?: boolean;
  mailer?: Mailer | null;
  publicUrl?: string;
  /** Development and tests only: single sign-on with a plain-http identity provider on localhost (config.ts). */
  allowHttpLocalhostIssuers?: boolean;
}

export async function buildApp(db: Db, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    // Behind a reverse proxy that terminates https, its X-Forwarded-* headers tell the protocol and the client address.
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 2 * 1024 * 1024,
    // A malformed URL ("%ZZ") gets a problem document like every other bad request.
    frameworkErrors: (err, req, reply) => handleError(err, req, reply),
  }).withTypeProvider<ZodTypeProvider>();
  // The route table, for the authorisation matrix test and anyone who wants to see what the server answers.
  const routes: { method: string; url: string }[] = [];
  app.decorate('routeTable', routes);
  app.decorate('mailer', options.mailer ?? null);
  app.decorate('publicUrl', options.publicUrl ?? null);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  // Security headers. The web app has no inline scripts or styles, so the policy needs no 'unsafe-inline'.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only where the connection is https (directly or behind a trusted proxy), never on plain-http localhost.
    hsts: false,
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });

  await app.register(fastifyRateLimit, { global: false });
  await registerAuth(app, db);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Regie API', version: '1', description: 'Integraal veiligheidsbeleid: plannen, programma’s, thema’s, doelen, activiteiten, indicatoren en begroting.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/v1/docs',
    // Swagger UI's own policy allows its inline scripts by hash, not 'unsafe-inline'; it may not be framed either.
    staticCSP: true,
    transformStaticCSP: (header) => header.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });

  await app.register(async (api) => {
    const r = api.withTypeProvider<ZodTypeProvider>();
    // An id that is not a uuid cannot exist: 404, like any unknown id, rather than a validation error.
    r.addHook('preValidation', async (req) => {
      const id = (req.params as { id?: string }).id;
      if (id !== undefined && !isUuid(id)) throw new AppError('not_found', 'Niet gevonden');
    });
    r.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    r.get('/health', {
      schema: { tags: ['system'], summary: 'Levensteken voor load balancers (raakt de database niet)', response: { 200: z.object({ status: z.literal('ok') }) } },
    }, async () => ({ status: 'ok' as const }));

    r.get('/plans', {
      schema: {
        tags: ['plans'], summary: 'Plannen met hun eigenaar',
        querystring: z.object({
          organisationId: ZId.optional(), ownerId: ZId.optional(), kind: z.enum(PLAN_KINDS).optional(), status: z.enum(PLAN_STATUSES).optional(),
        }),
        response: { 200: z.array(ZPlanSummary), ...problems },
      },
    }, async (req) => listPlanSummaries(db, req.query, ctxOf(req)) as never);

    r.get('/plans/:id/export', {
      schema: {
        tags: ['plans'], summary: 'Eén plan met alles erin, als één JSON-document; met download=1 als bestand (en in het auditlogboek)',
        params: ZIdParam, querystring: z.object({ download: z.literal('1').optional() }), response: { 200: ZPlanExport, ...problems },
      },
    }, async (req, reply) => {
      const doc = await exportPlan(db, req.params.id, ctxOf(req));
      if (req.query.download) {
        reply.header('content-disposition', `attachment; filename="${fileName(String((doc as Record<string, unknown>).title))}.json"`);
        await writeAudit(db, req.auditActor, { action: 'export', organisationId: doc.ownerId, entity: 'plans', entityId: doc.id });
      }
      return doc as never;
    });

    r.get('/plans/:id/budget', {
      schema: { tags: ['plans'], summary: 'Begroting: posten, totalen, beschikbaar en restant (berekend)', params: ZIdParam, response: { 200: ZPlanBudget, ...problems } },
    }, async (req) => {
      return getPlanBudget(db, req.params.id, ctxOf(req)) as never;
    });

    r.get('/plans/:id/activities', {
      schema: {
        tags: ['plans'], summary: 'De activiteitentabel van een programma, gefilterd',
        params: ZIdParam,
        querystring: ZActivityFilter,
        response: { 200: z.array(ZProgrammeActivity), ...problems },
      },
    }, async (req) => {
      return listProgrammeActivities(db, req.params.id, req.query, ctxOf(req)) as never;
    });

    r.get('/plans/:id/roadmap', {
      schema: {
        tags: ['plans'],
        summary: 'Planning per kwartaal: activiteiten op de kwartalen van het programma, wat dit kwartaal af moet en wat over tijd is (filters als de activiteitentabel; asOf: peildatum, standaard vandaag)',
        params: ZIdParam,
        querystring: ZActivityFilter.extend({ asOf: z.iso.date().optional() }),
        response: { 200: ZRoadmap, ...problems },
      },
    }, async (req) => {
      const { asOf, ...filter } = req.query;
      return getRoadmap(db, req.params.id, filter, ctxOf(req), asOf) as never;
    });

    r.get('/plans/:id/roadmap.ics', {
      schema: {
        tags: ['plans'],
        summary: 'De planning als iCalendar-bestand: gedateerde activiteiten en terugkerende overleggen (filters als de activiteitentabel; in het auditlogboek)',
        params: ZIdParam,
        querystring: ZActivityFilter,
      },
    }, async (req, reply) => {
      const { plan, ics } = await roadmapCalendar(db, req.params.id, req.query, ctxOf(req), app.publicUrl ?? `${req.protocol}://${req.host}`);
      await writeAudit(db, req.auditActor, {
        action: 'export', organisationId: plan.ownerId, entity: 'plans', entityId: plan.id, after: { format: 'ics', filter: req.query },
      });
      reply.header('content-disposition', `attachment; filename="planning-${fileName(plan.title)}.ics"`);
      return reply.type('text/calendar; charset=utf-8').send(ics);
    });

    const ZAuditQuery = z.object({
      organisationId: ZId,
      action: z.enum(AUDIT_ACTIONS).optional(),
      entity: z.string().max(60).optional(),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
      limit: z.coerce.number().int().min(1).max(5000).optional(),
    });
    const auditFor = async (req: FastifyRequest, q: z.infer<typeof ZAuditQuery>) => {
      if (!can(req.actor, 'read', { entity: 'audit', ownerId: q.organisationId })) {
        throw new AppError(req.session ? 'forbidden' : 'unauthorized', 'Het auditlogboek is er voor de beheerder van de organisatie');
      }
      return listAudit(db, q);
    };
    r.get('/audit', {
      schema: { tags: ['audit'], summary: 'Auditlogboek van een organisatie (beheerder)', querystring: ZAuditQuery, response: { 200: z.array(ZAuditEvent), ...problems } },
    }, async (req) => auditFor(req, req.query) as never);
    r.get('/audit.csv', {
      schema: { tags: ['audit'], summary: 'Auditlogboek als CSV (beheerder)', querystring: ZAuditQuery },
    }, async (req, reply) => {
      const rows = await auditFor(req, req.query);
      reply.header('content-disposition', `attachment; filename="auditlog-${new Date().toISOString().slice(0, 10)}.csv"`);
      return reply.type('text/csv; charset=utf-8').send(auditToCsv(rows));
    });

    registerMemberRoutes(api, db, ctxOf);
    registerSsoRoutes(api, db, ctxOf, { allowHttpLocalhost: options.allowHttpLocalhostIssuers ?? false });
    registerProgressRoutes(api, db, ctxOf);
    registerMonitoringRoutes(api, db, ctxOf);
    registerDashboardRoutes(api, db, ctxOf);
    registerXlsxRoutes(api, db, ctxOf);
    registerDocumentRoutes(api, db, ctxOf);
    registerVersionRoutes(api, db, ctxOf);

    r.get('/me/activities', {
      schema: {
        tags: ['plans'], summary: 'Mijn activiteiten: waarvoor ik verantwoordelijk ben of waarbij mijn organisatie betrokken is, met plan, thema, voortgang en de ronde die op mijn update wacht',
        response: { 200: z.array(ZMyActivity), ...problems },
      },
    }, async (req) => listMyActivities(db, ctxOf(req)) as never);

    r.get('/kernbeleid-themes', {
      schema: { tags: ['reference'], summary: 'VNG Kernbeleid Veiligheid: velden en thema’s', response: { 200: z.array(ZKernbeleidTheme) } },
    }, async () => (await db.query('select * from kernbeleid_themes order by code')).map(fromRow) as never);

    for (const def of RESOURCES) {
      const tags = [def.name];
      const filter = z.object(Object.fromEntries(def.filters.map((f) => [f, z.string().max(100).optional()])));
      // Plans have their own list (with owner), above.
      if (def !== plansDef) r.get(`/${def.name}`, { schema: { tags, summary: `${def.label}: lijst`, querystring: filter, response: { 200: z.array(def.output), ...problems } } },
        async (req) => {
          const q = req.query as Record<string, string | undefined>;
          // A filter on an id that is not a uuid matches nothing.
          if (Object.entries(q).some(([k, v]) => k.endsWith('Id') && v && !isUuid(v))) return [];
          return listRecords(db, def, q, ctxOf(req)) as never;
        });
      r.get(`/${def.name}/:id`, { schema: { tags, summary: `${def.label}: lezen`, params: ZIdParam, response: { 200: def.output, ...problems } } },
        async (req) => {
          return getRecord(db, def, req.params.id, ctxOf(req)) as never;
        });
      r.post(`/${def.name}`, { schema: { tags, summary: `${def.label}: aanmaken`, body: def.fields, response: { 201: def.output, ...problems } } },
        async (req, reply) => {
          // Validate the raw body again with the rules between fields (the route schema checks each field).
          const rec = await createRecord(db, def, req.body, ctxOf(req));
          return reply.status(201).send(rec as never);
        });
      r.patch(`/${def.name}/:id`, { schema: { tags, summary: `${def.label}: wijzigen (met versie)`, params: ZIdParam, body: patchSchema(def), response: { 200: def.output, ...problems } } },
        async (req) => {
          return updateRecord(db, def, req.params.id, req.body as never, ctxOf(req)) as never;
        });
      r.delete(`/${def.name}/:id`, {
        schema: { tags, summary: `${def.label}: verwijderen`, params: ZIdParam, querystring: z.object({ version: z.coerce.number().int().optional() }), response: { 204: z.null(), ...problems } },
      }, async (req, reply) => {
        await deleteRecord(db, def, req.params.id, req.query.version, ctxOf(req));
        return reply.status(204).send(null);
      });
    }
  }, { prefix: '/api/v1' });

  // The public site: server-rendered pages of published documents, before the web app's fallback (ADR 0015).
  registerPublicSite(app, db);

  // Files are looked up per request (wildcard), so a rebuilt web app is served without a restart.
  mkdirSync(WEB_DIR, { recursive: true });
  await app.register(fastifyStatic, { root: WEB_DIR, wildcard: true });
  app.setNotFoundHandler((req, reply) => {
    if (/^\/(api|assets)\//.test(req.url) || !existsSync(join(WEB_DIR, 'index.html'))) {
      return handleError(new AppError('not_found', 'Niet gevonden'), req, reply);
    }
    // The web app routes on the client: every other path gets its page.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
