import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import helmet from 'helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { ZId } from '../domain/schemas.ts';
import type { Db } from './db/client.ts';
import type { RequestContext } from './core/access.ts';
import type { Mailer } from './core/mail.ts';
import { handleError } from './http/errors.ts';
import { trustProxyOption } from './http/trust-proxy.ts';
import { API_VERSION, openapiSecurity, openapiTransform } from './http/openapi.ts';
import { registerAccountsRoutes } from './accounts/accounts.routes.ts';
import { registerAuth, SESSION_COOKIE } from './accounts/auth.routes.ts';
import { registerPlansRoutes } from './plans/plans.routes.ts';
import { registerMonitoringRoutes } from './monitoring/monitoring.routes.ts';
import { registerDocumentRoutes } from './documents/documents.routes.ts';
import { registerPublicSite } from './public-site/public-site.routes.ts';
import { registerMeldpuntPages, registerMeldpuntRoutes } from './meldpunt/meldpunt.routes.ts';
import { DataCipher } from './core/crypto.ts';

/*
 * Composition only: the Fastify app with its plugins, the error handler, the API of each room under /api/v1, the
 * public site and the web app. What a route does lives in its room (docs/architecture.md).
 */

const WEB_DIR = join(import.meta.dirname, '../../dist/web');

const isUuid = (id: string) => ZId.safeParse(id).success;

/** Writes the uuids among a request's path or query-string values in lower case (a repeated key: each of its values). */
function lowerCaseUuids(values: unknown) {
  if (!values || typeof values !== 'object') return;
  const lower = (v: unknown) => (typeof v === 'string' && isUuid(v) ? v.toLowerCase() : v);
  for (const [key, value] of Object.entries(values)) {
    (values as Record<string, unknown>)[key] = Array.isArray(value) ? value.map(lower) : lower(value);
  }
}

/** Security headers. The web app has no inline scripts or styles, so the policy needs no 'unsafe-inline'. */
const HELMET = {
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
};
const HSTS = 'max-age=31536000; includeSubDomains';
const helmetHeaders = helmet(HELMET);

/**
 * The security headers of every answer, for the answers the router gives before any hook runs (a malformed URL):
 * what @fastify/helmet and the HSTS hook below set on all others.
 */
function setSecurityHeaders(req: FastifyRequest, reply: FastifyReply) {
  helmetHeaders(req.raw, reply.raw, () => undefined);
  if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
}

/**
 * A denied API request (401, 403, 404, 429), for the log (ASVS 7.2.2): the method, the route's pattern (not the URL:
 * no ids, no query string), the status and the account that asked (null: anonymous). Nothing about the client – no IP
 * address, no user agent – and no body.
 */
export interface DeniedRequest {
  event: 'request_denied';
  method: string;
  route: string | null;
  status: number;
  actorUserId: string | null;
}
const DENIED = new Set([401, 403, 404, 429]);

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
    /** Outgoing e-mail, or null when no SMTP server is configured. */
    mailer: Mailer | null;
    /** Encryption and keyed hashes of identifying data (meldpunt, cases). */
    cipher: DataCipher;
    /** The address users reach Regie at (for links in e-mails), or null: then the request's own origin. */
    publicUrl: string | null;
  }
}

/** The request's actor, for the services. */
const ctxOf = (req: FastifyRequest): RequestContext => ({ actor: req.actor, audit: req.auditActor });

/** Builds the HTTP app on a database: the API under /api/v1, its OpenAPI document and docs, and the web app. */
export interface AppOptions {
  logger?: boolean;
  /**
   * Whom to believe in X-Forwarded-*: the proxy's addresses and CIDR ranges, or a hop count (config.ts,
   * REGIE_TRUST_PROXY). `true` (every sender) is for tests only: with it any client picks its own address.
   */
  trustProxy?: boolean | number | string[];
  mailer?: Mailer | null;
  publicUrl?: string;
  /** Development and tests only: single sign-on with a plain-http identity provider on localhost (config.ts). */
  allowHttpLocalhostIssuers?: boolean;
  /** Where the request log goes when `logger` is on (standard output by default). */
  logStream?: NodeJS.WritableStream;
  /**
   * The data key that encrypts identifying data (core/crypto.ts; start.ts: REGIE_DATA_KEY or the key file). Without
   * one (tests), a random key for this process.
   */
  dataKey?: Buffer;
  /** Where denied API requests go; by default the request log when `logger` is on, else nowhere (start.ts: stderr). */
  deniedLog?: (entry: DeniedRequest) => void;
}

export async function buildApp(db: Db, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? {
      level: 'info', redact: ['req.headers.cookie', 'req.headers.authorization'],
      // No client address or user agent (nobody's IP address is kept, a reporter's least of all), no query string.
      serializers: { req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0] }) },
      ...(options.logStream ? { stream: options.logStream } : {}),
    } : false,
    // Behind a reverse proxy that terminates https, its X-Forwarded-* headers tell the protocol and the client address
    // (the address the login throttling counts): only from the proxy's own addresses, or up to its hop count.
    trustProxy: trustProxyOption(options.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    // A malformed URL ("%ZZ") gets a problem document, and the security headers, like every other bad request.
    frameworkErrors: (err, req, reply) => {
      setSecurityHeaders(req, reply);
      void handleError(err, req, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();
  // The route table, for the authorisation matrix test and anyone who wants to see what the server answers.
  const routes: { method: string; url: string }[] = [];
  app.decorate('routeTable', routes);
  app.decorate('mailer', options.mailer ?? null);
  app.decorate('publicUrl', options.publicUrl ?? null);
  app.decorate('cipher', new DataCipher(options.dataKey ?? randomBytes(32)));
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(fastifyHelmet, HELMET);
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
  const deniedLog = options.deniedLog ?? (options.logger ? (entry: DeniedRequest) => app.log.warn(entry, 'request denied') : null);
  if (deniedLog) {
    app.addHook('onResponse', async (req, reply) => {
      if (!DENIED.has(reply.statusCode) || !req.url.startsWith('/api/')) return;
      deniedLog({
        event: 'request_denied', method: req.method, route: req.routeOptions.url ?? null, status: reply.statusCode,
        actorUserId: req.actor?.userId ?? null,
      });
    });
  }

  await app.register(fastifyRateLimit, { global: false });

  // The OpenAPI document collects every route registered after it – the /auth routes too.
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Regie API', version: API_VERSION, license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
        description: 'Integraal veiligheidsbeleid: plannen, programma’s, thema’s, doelen, activiteiten, indicatoren en begroting.',
      },
      servers: [{ url: '/', description: 'Deze installatie' }],
      ...openapiSecurity(SESSION_COOKIE),
    },
    transform: openapiTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/v1/docs',
    // Swagger UI's own policy allows its inline scripts by hash, not 'unsafe-inline'; it may not be framed either.
    staticCSP: true,
    transformStaticCSP: (header) => header.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });
  await registerAuth(app, db);

  await app.register(async (api) => {
    const r = api.withTypeProvider<ZodTypeProvider>();
    // An id that is not a uuid cannot exist: 404, like any unknown id, rather than a validation error. A uuid is the
    // same id in either case: the routes get each one in lower case, as the database writes it (so "ABC…" = "abc…").
    r.addHook('preValidation', async (req) => {
      lowerCaseUuids(req.params);
      lowerCaseUuids(req.query);
      const id = (req.params as { id?: string }).id;
      if (id !== undefined && !isUuid(id)) throw new AppError('not_found', 'Niet gevonden');
    });
    r.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    r.get('/health', {
      schema: { tags: ['system'], summary: 'Levensteken voor load balancers (raakt de database niet)', response: { 200: z.object({ status: z.literal('ok') }) } },
    }, async () => ({ status: 'ok' as const }));

    registerAccountsRoutes(api, db, ctxOf, { allowHttpLocalhost: options.allowHttpLocalhostIssuers ?? false });
    registerPlansRoutes(api, db, ctxOf);
    registerMonitoringRoutes(api, db, ctxOf);
    registerDocumentRoutes(api, db, ctxOf);
    registerMeldpuntRoutes(api, db, ctxOf);
  }, { prefix: '/api/v1' });

  // The public site: server-rendered pages of published documents, before the web app's fallback (ADR 0015).
  registerPublicSite(app, db);
  registerMeldpuntPages(app, db);

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
