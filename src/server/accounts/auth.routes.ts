import { DUTIES } from '../../domain/meldpunt.ts';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { ANONYMOUS, type Actor } from '../../domain/permissions.ts';
import type { Db } from '../db/client.ts';
import { findSession, login, logout, SESSION_ABSOLUTE_HOURS, type SessionActor } from './accounts.ts';
import { ANONYMOUS_ACTOR, type AuditActor } from '../core/audit.ts';
import { completeSetup, setPasswordWithLink } from './members.ts';
import { findTokenActor } from './tokens.ts';
import { requestPasswordReset } from './password-reset.ts';
import { listSsoOptions } from './sso-login.ts';
import { ZLoginOptions } from '../../domain/accounts.ts';

export const SESSION_COOKIE = 'regie_session';
export const CSRF_HEADER = 'x-csrf-token';
/** On every answer to a request with a valid session: when that session ends unless it is used again. */
export const SESSION_EXPIRES_HEADER = 'x-session-expires';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Who asks, for the permission rules. */
    actor: Actor;
    /** Who asks, as the audit trail records it. */
    auditActor: AuditActor;
    session: SessionActor | null;
  }
}

const ZMe = z.object({
  user: z.object({
    id: z.string(), email: z.string(), name: z.string(), isPlatformAdmin: z.boolean(),
    memberships: z.array(z.object({ organisationId: z.string(), role: z.string(), organisationName: z.string() })),
    duties: z.array(z.object({ organisationId: z.string(), duty: z.enum(DUTIES), categoryKey: z.string().nullable() })),
  }).nullable(),
  csrfToken: z.string().nullable(),
  /** When the session ends unless used again (every answer to the session's requests says it in `x-session-expires`). */
  expiresAt: z.string().nullable(),
});

/** The session cookie, for a password login and a single sign-on login alike. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: SESSION_ABSOLUTE_HOURS * 3600,
  });
}

/**
 * Sessions by cookie: every request gets its actor (anonymous without a valid session). A cookie-authenticated write
 * must carry the session's CSRF token in a header, which another site cannot read or send.
 */
export async function registerAuth(app: FastifyInstance, db: Db): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('auditActor', null as never);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req, reply) => {
    req.actor = ANONYMOUS;
    req.auditActor = ANONYMOUS_ACTOR;
    // An integration sends its API token as a bearer token: no cookie, so no CSRF risk and no CSRF token.
    const bearer = req.headers.authorization?.match(/^Bearer (\S+)$/i)?.[1];
    if (bearer) {
      const byToken = await findTokenActor(db, bearer, `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`);
      if (!byToken) throw new AppError('unauthorized', 'Het API-token is onbekend, ingetrokken of verlopen');
      req.actor = byToken.actor;
      req.auditActor = byToken.audit;
      return;
    }
    // The public site and the public meldformulier are the same for everyone: a signed-in official's session plays no
    // part there (a form post carries the cookie but no CSRF header, and a melding must not be tied to anyone).
    if (req.url.startsWith('/openbaar/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findSession(db, token);
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    req.session = session;
    reply.header(SESSION_EXPIRES_HEADER, session.expiresAt);
    req.actor = session.actor;
    req.auditActor = session.audit;
    const isLogin = req.url.startsWith('/api/v1/auth/login');
    if (UNSAFE.has(req.method) && !isLogin && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('forbidden', 'Het verzoek mist een geldig CSRF-token. Laad de pagina opnieuw.');
    }
  });

  await app.register(async (api) => {
    const r = api.withTypeProvider<ZodTypeProvider>();
    r.post('/login', {
      schema: {
        tags: ['auth'], summary: 'Inloggen met e-mailadres en wachtwoord',
        body: z.object({ email: z.string().trim().max(254), password: z.string().max(1000) }),
        response: { 200: ZMe },
      },
      // Per-instance cap on top of the per-account and per-address throttling in the database.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    }, async (req, reply) => {
      const { token, session } = await login(db, req.body.email, req.body.password, req.ip);
      setSessionCookie(req, reply, token);
      return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    });
    r.post('/logout', { schema: { tags: ['auth'], summary: 'Uitloggen', response: { 204: z.null() } } }, async (req, reply) => {
      if (req.session) await logout(db, req.session);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });
    r.post('/password', {
      schema: {
        tags: ['auth'], summary: 'Wachtwoord instellen met een eenmalige link',
        body: z.object({ token: z.string().max(200), password: z.string().max(1000) }), response: { 204: z.null() },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    }, async (req, reply) => {
      await setPasswordWithLink(db, req.body.token, req.body.password);
      return reply.status(204).send(null);
    });
    r.post('/setup', {
      schema: {
        tags: ['auth'], summary: 'Eerste inrichting zonder demodata: de gemeente en haar eerste beheerder',
        body: z.object({
          token: z.string().max(200), organisationName: z.string().trim().min(1, { message: 'Verplicht veld' }).max(200),
          cbsCode: z.string(), name: z.string().trim().min(1, { message: 'Verplicht veld' }).max(200),
          email: z.email({ message: 'Ongeldig e-mailadres' }).max(254), password: z.string().max(1000),
        }),
        response: { 201: { description: 'Ingericht (het antwoord is JSON null)', content: { 'application/json': { schema: z.null() } } } },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    }, async (req, reply) => {
      await completeSetup(db, req.body);
      return reply.status(201).send(null);
    });
    r.get('/options', {
      schema: { tags: ['auth'], summary: 'Manieren om in te loggen: single sign-on per organisatie, wachtwoord herstellen per e-mail', response: { 200: ZLoginOptions } },
    }, async () => ({ passwordResetByEmail: !!(app.mailer && app.publicUrl), sso: await listSsoOptions(db) }));
    r.post('/password-reset', {
      schema: {
        tags: ['auth'], summary: 'Wachtwoord vergeten: een eenmalige link per e-mail, als het adres bij een account hoort (het antwoord is altijd hetzelfde)',
        body: z.object({ email: z.email({ message: 'Ongeldig e-mailadres' }).max(254) }), response: { 202: z.null() },
      },
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    }, async (req, reply) => {
      // The link's address comes from the configuration, never from the request's Host header, which anyone can forge.
      if (!app.mailer || !app.publicUrl) throw new AppError('unavailable', 'Wachtwoord herstellen per e-mail is niet beschikbaar: vraag de beheerder van uw organisatie om een link');
      const { mailer, publicUrl } = app;
      // Everything after the answer – looking the address up, the audit row, the throttle, the link and the mail – so
      // the answer takes as long for an unknown address as for a known one (issue 11). No address in the log.
      const work = () => void requestPasswordReset(db, mailer, publicUrl, req.body.email)
        .then(({ send }) => send?.())
        .catch((err: { code?: string }) => req.log.error({ code: err.code }, 'password reset not handled'));
      // The reply is a thenable: it settles once the answer went out (or the connection broke); the work runs then.
      reply.status(202).send(null).then(work, work);
      return reply;
    });
    r.get('/me', { schema: { tags: ['auth'], summary: 'Wie ben ik (en het CSRF-token voor wijzigingen)', response: { 200: ZMe } } }, async (req) => ({
      user: req.session?.user ?? null,
      csrfToken: req.session?.csrfToken ?? null,
      expiresAt: req.session?.expiresAt ?? null,
    }));
  }, { prefix: '/api/v1/auth' });
}
