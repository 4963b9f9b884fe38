import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata } from 'oidc-provider';
import * as oidc from 'openid-client';

/*
 * A real OpenID Connect provider for the tests (oidc-provider), on 127.0.0.1 and a random port. Its login is a
 * minimal interaction handler: it signs in whoever the test chose (`loginAs`) and consents to the requested scopes. A
 * test can swap the ID token in the token endpoint's answer (`replaceIdToken`) to see what the client does with a
 * token from another issuer or for another client.
 */

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestIdp {
  issuer: string;
  /** The accounts the provider knows, by subject. */
  accounts: Map<string, TestAccount>;
  /** The subject the next login signs in as. */
  loginAs: string;
  /** When set, the ID token the token endpoint answers with is replaced by this one. */
  replaceIdToken: string | null;
  close(): Promise<void>;
}

/** Starts a provider with these clients (client_secret_basic, code flow with PKCE). */
export async function startIdp(clients: ClientMetadata[]): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const idp: TestIdp = {
    issuer, accounts: new Map(), loginAs: '', replaceIdToken: null,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: `key-${issuer}`, use: 'sig', alg: 'RS256' } as never] },
    cookies: { keys: ['test-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...idp.accounts.get(sub) }) }),
  });
  const handle = provider.callback();
  server.on('request', (req, res) => {
    void (async () => {
      if (req.url?.startsWith('/interaction/')) {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'login') {
          return provider.interactionFinished(req, res, { login: { accountId: idp.loginAs } }, { mergeWithLastSubmission: false });
        }
        const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
      }
      if (req.url?.startsWith('/token') && idp.replaceIdToken) replaceIdTokenIn(res, idp.replaceIdToken);
      handle(req, res);
    })().catch((err: Error) => {
      res.statusCode = 500;
      res.end(err.message);
    });
  });
  return idp;
}

/** Rewrites the token endpoint's JSON answer on its way out, with another ID token in it. */
function replaceIdTokenIn(res: import('node:http').ServerResponse, idToken: string) {
  const end = res.end.bind(res) as (chunk?: unknown) => void;
  res.end = ((chunk?: unknown) => {
    const body = JSON.parse(String(chunk));
    const changed = JSON.stringify(body.id_token ? { ...body, id_token: idToken } : body);
    res.setHeader('content-length', Buffer.byteLength(changed));
    end(changed);
    return res;
  }) as typeof res.end;
}

/**
 * Follows redirects the way a browser does (with cookies per run) from `url` until one leads to where `isDone` says:
 * that address is returned, not fetched.
 */
export async function followRedirects(url: string, isDone: (url: string) => boolean): Promise<string> {
  const jar = new Map<string, string>();
  for (let hops = 0; hops < 12; hops++) {
    if (isDone(url)) return url;
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const set of res.headers.getSetCookie()) {
      const pair = set.split(';')[0];
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`no redirect from ${url}: ${res.status} ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

/**
 * An ID token from `idp` for a client, with a nonce of the test's choice: what an attacker could get from another
 * provider, or for another application at the same provider, to slip into someone's login.
 */
export async function idTokenFor(idp: TestIdp, client: { id: string; secret: string; redirectUri: string }, nonce: string): Promise<string> {
  const config = await oidc.discovery(new URL(idp.issuer), client.id, undefined, oidc.ClientSecretBasic(client.secret), { execute: [oidc.allowInsecureRequests] });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const start = oidc.buildAuthorizationUrl(config, {
    redirect_uri: client.redirectUri, scope: 'openid', nonce, state,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  });
  const back = await followRedirects(start.href, (u) => u.startsWith(client.redirectUri));
  const tokens = await oidc.authorizationCodeGrant(config, new URL(back), { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
  return tokens.id_token!;
}
