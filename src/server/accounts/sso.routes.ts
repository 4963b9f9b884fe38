import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZSsoConfigInput, ZSsoSettings } from '../../domain/accounts.ts';
import { ZId } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { deleteSsoConfig, getSsoSettings, saveSsoConfig } from './sso-config.ts';
import { createSsoLogin, SSO_LOGIN_MINUTES, SsoRefusal } from './sso-login.ts';
import { setSessionCookie } from './auth.routes.ts';

/** The cookie that binds a login at the identity provider to the browser that started it. */
export const SSO_COOKIE = 'regie_sso';
const SSO_PATH = '/api/v1/auth/sso';
const CALLBACK_PATH = `${SSO_PATH}/callback`;

/** Both login routes answer with a redirect (Location), never with a body. */
const ZRedirect = z.null().describe('Doorgestuurd (Location): naar de identity provider, na het inloggen naar de pagina, of bij een fout naar de inlogpagina');

/** What the identity provider sends back (OpenID Connect, RFC 9207), and whatever else it adds: text, bounded. */
const ZCallbackQuery = z.object({
  code: z.string().max(10_000).optional(), state: z.string().max(10_000).optional(), iss: z.string().max(10_000).optional(),
  error: z.string().max(10_000).optional(), error_description: z.string().max(10_000).optional(),
}).catchall(z.string().max(10_000));

/** A local path to return to after login; anything else ("//host", "https://…") would make an open redirect. */
const localPath = (path: string | undefined) =>
  path && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : '/';

/**
 * Single sign-on: the login flow (start and the provider's redirect back, browser navigations that end in a redirect
 * to a page of the web app, never in JSON) and each organisation's configuration, managed by its beheerder.
 */
export function registerSsoRoutes(
  app: FastifyInstance,
  db: Db,
  ctxOf: (req: FastifyRequest) => RequestContext,
  options: { allowHttpLocalhost: boolean },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const sso = createSsoLogin(db, { ...options, cipher: app.cipher });
  // Behind a proxy the public address (REGIE_PUBLIC_URL) is the one registered at the provider.
  const redirectUri = (req: FastifyRequest) => `${app.publicUrl ?? `${req.protocol}://${req.host}`}${CALLBACK_PATH}`;
  const toLogin = (reply: FastifyReply, err: unknown) => {
    if (!(err instanceof SsoRefusal)) throw err;
    return reply.redirect(`/inloggen?sso=${err.code}`);
  };
  const rateLimit = { max: 30, timeWindow: '1 minute' };

  r.get('/auth/sso/:organisationId/start', {
    schema: {
      tags: ['auth'], summary: 'Inloggen met single sign-on: stuurt de browser naar de identity provider van de organisatie',
      params: z.object({ organisationId: z.string().max(100) }), querystring: z.object({ terug: z.string().max(1000).optional() }),
      response: { 302: ZRedirect },
    },
    config: { rateLimit },
  }, async (req, reply) => {
    try {
      if (!ZId.safeParse(req.params.organisationId).success) throw new SsoRefusal('niet-beschikbaar');
      const { url, token } = await sso.begin(req.params.organisationId, { redirectUri: redirectUri(req), returnTo: localPath(req.query.terug) });
      reply.setCookie(SSO_COOKIE, token, { path: SSO_PATH, httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: SSO_LOGIN_MINUTES * 60 });
      return reply.redirect(url);
    } catch (err) {
      return toLogin(reply, err);
    }
  });

  r.get('/auth/sso/callback', {
    schema: { tags: ['auth'], summary: 'Terugkeer van de identity provider (redirect URI): controleert het antwoord en start de sessie', querystring: ZCallbackQuery, response: { 302: ZRedirect } },
    config: { rateLimit },
  }, async (req, reply) => {
    reply.clearCookie(SSO_COOKIE, { path: SSO_PATH });
    try {
      const query = req.url.split('?')[1] ?? '';
      const { token, returnTo } = await sso.complete({ token: req.cookies[SSO_COOKIE], redirectUri: redirectUri(req), query });
      setSessionCookie(req, reply, token);
      return reply.redirect(localPath(returnTo));
    } catch (err) {
      return toLogin(reply, err);
    }
  });

  const ZParams = z.object({ id: z.string() });
  const tags = ['sso'];
  r.get('/organisations/:id/sso', {
    schema: { tags, summary: 'Single sign-on van de organisatie (beheerder; zonder clientgeheim) en de redirect URI', params: ZParams, response: { 200: ZSsoSettings } },
  }, async (req) => getSsoSettings(db, ctxOf(req), req.params.id, redirectUri(req)));
  r.put('/organisations/:id/sso', {
    schema: {
      tags, summary: 'Single sign-on instellen of wijzigen (met versie); het clientgeheim kan alleen geschreven worden',
      params: ZParams, body: ZSsoConfigInput, response: { 200: ZSsoSettings },
    },
  }, async (req) => saveSsoConfig(db, ctxOf(req), req.params.id, req.body, { ...options, redirectUri: redirectUri(req), cipher: app.cipher }));
  r.delete('/organisations/:id/sso', {
    schema: { tags, summary: 'Single sign-on uitzetten: configuratie en koppelingen verwijderen', params: ZParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteSsoConfig(db, ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
