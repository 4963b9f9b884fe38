import { sealPlainSsoSecrets } from '../../src/server/accounts/sso-config.ts';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { Api, make, signIn, TEST_PASSWORD, useApi } from '../api.ts';
import { followRedirects, idTokenFor, startIdp, type TestIdp } from '../oidc.ts';

/*
 * Single sign-on against a real OpenID Connect provider (oidc-provider) on this machine: the whole flow through HTTP,
 * from Regie's start route through the provider's login back to Regie's redirect URI, and the attacks the checks are
 * there for.
 */

const ctx = useApi();
const PUBLIC_URL = 'http://regie.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/sso/callback`;
const CLIENT = { client_id: 'regie', client_secret: 'regie-geheim-voor-tests', redirect_uris: [REDIRECT_URI] };
const OTHER_APP = { id: 'andere-app', secret: 'ander-geheim', redirectUri: 'http://andere-app.test/terug' };

let idp: TestIdp;
let otherIdp: TestIdp;
let app: FastifyInstance;

beforeAll(async () => {
  idp = await startIdp([CLIENT, { client_id: OTHER_APP.id, client_secret: OTHER_APP.secret, redirect_uris: [OTHER_APP.redirectUri] }]);
  // Another provider that knows a client "regie" with the same redirect URI.
  otherIdp = await startIdp([CLIENT]);
  app = await buildApp(ctx.db, { publicUrl: PUBLIC_URL, allowHttpLocalhostIssuers: true });
});
afterAll(async () => {
  await app?.close();
  await idp?.close();
  await otherIdp?.close();
});

/** A municipality with a beheerder (signed in on the SSO app) and a member with an e-mail address. */
async function setUp(config: { linkByEmail: boolean }) {
  const town = await make.municipality(ctx.api);
  const tag = randomUUID().slice(0, 8);
  const beheerderEmail = `beheer-${tag}@sso.test`;
  await createUser(ctx.db, { email: beheerderEmail, name: 'Beheerder', password: TEST_PASSWORD, memberships: [{ organisationId: town.id, role: 'beheerder' }] }, SYSTEM);
  const admin = new Api(app, await signIn(app, beheerderEmail, TEST_PASSWORD));
  const member = await createUser(ctx.db, { email: `adviseur-${tag}@sso.test`, name: `Adviseur ${tag}`, memberships: [{ organisationId: town.id, role: 'adviseur' }] }, SYSTEM);
  const saved = await admin.request('PUT', `/organisations/${town.id}/sso`, {
    issuer: idp.issuer, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret, displayName: 'Gemeente-account', ...config,
  });
  expect(saved.status).toBe(200);
  return { town, admin, member, tag };
}

/** Regie's start route: where it sends the browser, the cookie that binds the login to it, and the nonce it asked for. */
async function start(organisationId: string, returnTo = '/mijn-activiteiten') {
  const res = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${organisationId}/start?terug=${encodeURIComponent(returnTo)}` });
  expect(res.statusCode).toBe(302);
  const location = String(res.headers.location);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  return { location, cookie, nonce: new URL(location).searchParams.get('nonce')!, state: new URL(location).searchParams.get('state')! };
}

/** Regie's redirect URI, called as the browser would after the provider's login. */
async function callback(url: string, cookie: string | null) {
  const res = await app.inject({ method: 'GET', url: url.slice(PUBLIC_URL.length), headers: cookie ? { cookie } : {} });
  expect(res.statusCode).toBe(302);
  const session = String(res.headers['set-cookie'] ?? '').match(/regie_session=([^;]+)/)?.[1];
  return { location: String(res.headers.location), session: session ? `regie_session=${session}` : null };
}

/** The whole flow for the provider's account `subject`. */
async function loginAs(organisationId: string, subject: string, tamper?: (url: string) => string) {
  idp.loginAs = subject;
  const begun = await start(organisationId);
  const back = await followRedirects(begun.location, (u) => u.startsWith(REDIRECT_URI));
  return { ...(await callback(tamper ? tamper(back) : back, begun.cookie)), begun };
}

const me = async (cookie: string) => (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json().user;
const lastAudit = async (organisationId: string | null = null) => (await ctx.db.query<{ action: string; actor_user_id: string | null; organisation_id: string | null; after: any }>(
  `select action, actor_user_id, organisation_id, after from audit_events where action in ('login', 'login_failed') ${organisationId ? 'and organisation_id = $1' : ''} order by id desc limit 1`,
  organisationId ? [organisationId] : [],
))[0];

describe('single sign-on configuration', () => {
  it('is managed by the beheerder; the client secret can be written, never read back', async () => {
    const { town, admin } = await setUp({ linkByEmail: false });
    const read = await admin.get(`/organisations/${town.id}/sso`);
    expect(read.body).toMatchObject({
      redirectUri: REDIRECT_URI,
      config: { issuer: idp.issuer, clientId: 'regie', hasClientSecret: true, displayName: 'Gemeente-account', linkByEmail: false, isEnabled: true, version: 1 },
    });
    expect(JSON.stringify(read.body)).not.toContain(CLIENT.client_secret);
    const trail = await ctx.db.query<{ action: string; after: unknown }>("select action, after from audit_events where entity = 'sso_configs' and organisation_id = $1", [town.id]);
    expect(trail.map((t) => t.action)).toEqual(['create']);
    expect(JSON.stringify(trail)).not.toContain(CLIENT.client_secret);
    // Encrypted at rest with the data key (issue 14, part 6): a dump of the table does not show it.
    const dump = await ctx.db.query<{ row: string }>('select t::text as row from sso_configs t where organisation_id = $1', [town.id]);
    expect(dump[0].row).not.toContain(CLIENT.client_secret);

    // A change without the secret keeps it; with a stale version it is refused.
    const changed = await admin.request('PUT', `/organisations/${town.id}/sso`, { issuer: idp.issuer, clientId: 'regie', displayName: 'Inloggen via de gemeente', linkByEmail: true, version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body.config).toMatchObject({ displayName: 'Inloggen via de gemeente', hasClientSecret: true, version: 2 });
    expect((await admin.request('PUT', `/organisations/${town.id}/sso`, { issuer: idp.issuer, clientId: 'regie', displayName: 'Oud', version: 1 })).status).toBe(409);
    // Another issuer or client id needs the secret again: the old one must not go to a new address.
    const moved = await admin.request('PUT', `/organisations/${town.id}/sso`, { issuer: otherIdp.issuer, clientId: 'regie', displayName: 'X', version: 2 });
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toEqual([{ path: 'clientSecret', message: expect.stringMatching(/opnieuw/) }]);
  });

  it('encrypts a secret stored in clear before this version at start-up, and still logs in with it', async () => {
    const { town } = await setUp({ linkByEmail: false });
    await ctx.db.query('update sso_configs set client_secret = $1 where organisation_id = $2', [CLIENT.client_secret, town.id]);
    await sealPlainSsoSecrets(ctx.db, ctx.api.app.cipher);
    const [row] = await ctx.db.query<{ row: string; client_secret: string }>('select t::text as row, client_secret from sso_configs t where organisation_id = $1', [town.id]);
    expect(row.row).not.toContain(CLIENT.client_secret);
    expect(ctx.api.app.cipher.decrypt(row.client_secret)).toBe(CLIENT.client_secret);
    await sealPlainSsoSecrets(ctx.db, ctx.api.app.cipher);
    const [again] = await ctx.db.query<{ client_secret: string }>('select client_secret from sso_configs where organisation_id = $1', [town.id]);
    expect(again.client_secret).toBe(row.client_secret);
  });

  it('refuses an issuer without https, and a configuration without secret', async () => {
    const town = await make.municipality(ctx.api);
    const email = `beheer-${randomUUID().slice(0, 8)}@sso.test`;
    await createUser(ctx.db, { email, name: 'Beheerder', password: TEST_PASSWORD, memberships: [{ organisationId: town.id, role: 'beheerder' }] }, SYSTEM);
    const admin = new Api(app, await signIn(app, email, TEST_PASSWORD));
    const body = { issuer: 'http://login.gemeente.test', clientId: 'regie', clientSecret: 'x', displayName: 'Gemeente' };
    const plain = await admin.request('PUT', `/organisations/${town.id}/sso`, body);
    expect(plain.status).toBe(422);
    expect(plain.body.errors[0]).toMatchObject({ path: 'issuer', message: expect.stringMatching(/https/) });
    const noSecret = await admin.request('PUT', `/organisations/${town.id}/sso`, { ...body, issuer: 'https://login.gemeente.test', clientSecret: undefined });
    expect(noSecret.body.errors).toEqual([{ path: 'clientSecret', message: 'Vul het clientgeheim in' }]);
    // Without the development flag even a provider on localhost needs https.
    const strict = new Api(ctx.api.app, admin.session);
    expect((await strict.request('PUT', `/organisations/${town.id}/sso`, { ...body, issuer: idp.issuer })).status).toBe(422);
    expect((await admin.get(`/organisations/${town.id}/sso`)).body.config).toBeNull();
  });
});

describe('logging in with single sign-on', () => {
  it('links a member by verified e-mail the first time, then by subject; the session is the same as after a password login', async () => {
    const { town, member, tag } = await setUp({ linkByEmail: true });
    idp.accounts.set(`sub-${tag}`, { email: member.email.toUpperCase(), email_verified: true });
    const options = (await app.inject({ method: 'GET', url: '/api/v1/auth/options' })).json();
    expect(options.sso).toContainEqual({ organisationId: town.id, organisationName: town.name, displayName: 'Gemeente-account' });

    const first = await loginAs(town.id, `sub-${tag}`);
    expect(first.location).toBe('/mijn-activiteiten');
    expect(await me(first.session!)).toMatchObject({ id: member.id, memberships: [{ organisationId: town.id, role: 'adviseur' }] });
    expect(await lastAudit()).toMatchObject({ action: 'login', actor_user_id: member.id, after: { method: 'sso', issuer: idp.issuer, linked: 'email' } });
    const [link] = await ctx.db.query('select issuer, subject, user_id from sso_identities where user_id = $1', [member.id]);
    expect(link).toEqual({ issuer: idp.issuer, subject: `sub-${tag}`, user_id: member.id });

    // The provider's e-mail address changes: the link by subject still holds.
    idp.accounts.set(`sub-${tag}`, { email: 'iemand-anders@sso.test', email_verified: true });
    const second = await loginAs(town.id, `sub-${tag}`);
    expect((await me(second.session!)).id).toBe(member.id);
    expect(second.session).not.toBe(first.session);
    // The cookie holds a fresh token: only its hash is stored.
    expect(await ctx.db.query('select 1 from sessions where token_hash = $1', [second.session!.split('=')[1]])).toHaveLength(0);
  });

  it('refuses an unknown subject without e-mail linking, with the way to get access', async () => {
    const { town, member, tag } = await setUp({ linkByEmail: false });
    idp.accounts.set(`onbekend-${tag}`, { email: member.email, email_verified: true });
    const refused = await loginAs(town.id, `onbekend-${tag}`);
    expect(refused.location).toBe('/inloggen?sso=geweigerd');
    expect(refused.session).toBeNull();
    expect(await lastAudit(town.id)).toMatchObject({ action: 'login_failed', after: { method: 'sso', reason: 'unknown_subject' } });
    expect(await ctx.db.query('select 1 from sso_identities where user_id = $1', [member.id])).toHaveLength(0);
  });

  it('links by e-mail only when the provider verified it, and only members of the configuring organisation', async () => {
    const { town, tag } = await setUp({ linkByEmail: true });
    const outsider = await createUser(ctx.db, { email: `elders-${tag}@sso.test`, name: 'Elders', memberships: [{ organisationId: (await make.municipality(ctx.api)).id, role: 'adviseur' }] }, SYSTEM);
    idp.accounts.set(`elders-${tag}`, { email: outsider.email, email_verified: true });
    expect((await loginAs(town.id, `elders-${tag}`)).location).toBe('/inloggen?sso=geweigerd');
    expect((await lastAudit(town.id)).after.reason).toBe('unknown_subject');

    const unverified = await createUser(ctx.db, { email: `onbevestigd-${tag}@sso.test`, name: 'Onbevestigd', memberships: [{ organisationId: town.id, role: 'raadslid' }] }, SYSTEM);
    idp.accounts.set(`onbevestigd-${tag}`, { email: unverified.email, email_verified: false });
    expect((await loginAs(town.id, `onbevestigd-${tag}`)).session).toBeNull();
    expect((await lastAudit(town.id)).after.reason).toBe('email_not_verified');
  });

  it('refuses a linked user who is no longer a member', async () => {
    const { town, member, tag, admin } = await setUp({ linkByEmail: true });
    idp.accounts.set(`sub-${tag}`, { email: member.email, email_verified: true });
    expect((await loginAs(town.id, `sub-${tag}`)).session).not.toBeNull();
    expect((await admin.delete(`/organisations/${town.id}/members/${member.id}`)).status).toBe(204);
    expect((await loginAs(town.id, `sub-${tag}`)).location).toBe('/inloggen?sso=geweigerd');
    expect(await lastAudit(town.id)).toMatchObject({ action: 'login_failed', actor_user_id: member.id, after: { reason: 'not_a_member' } });
  });

  it('refuses an ID token of another issuer, or for another client, and records the failed check', async () => {
    const { town, member, tag } = await setUp({ linkByEmail: true });
    idp.accounts.set(`sub-${tag}`, { email: member.email, email_verified: true });
    otherIdp.accounts.set(`sub-${tag}`, { email: member.email, email_verified: true });
    try {
      for (const [from, client, claim] of [[otherIdp, { id: 'regie', secret: CLIENT.client_secret, redirectUri: REDIRECT_URI }, 'iss'], [idp, OTHER_APP, 'aud']] as const) {
        idp.loginAs = `sub-${tag}`;
        otherIdp.loginAs = `sub-${tag}`;
        const begun = await start(town.id);
        // A genuine token, with the nonce of this login, slipped into the token endpoint's answer.
        idp.replaceIdToken = await idTokenFor(from, client, begun.nonce);
        const back = await followRedirects(begun.location, (u) => u.startsWith(REDIRECT_URI));
        const refused = await callback(back, begun.cookie);
        idp.replaceIdToken = null;
        expect(refused.location, claim).toBe('/inloggen?sso=mislukt');
        expect(refused.session, claim).toBeNull();
        expect(await lastAudit(town.id), claim).toMatchObject({ action: 'login_failed', after: { method: 'sso', reason: `OAUTH_JWT_CLAIM_COMPARISON_FAILED:${claim}` } });
      }
    } finally {
      idp.replaceIdToken = null;
    }
    expect(await ctx.db.query('select 1 from sso_identities where user_id = $1', [member.id])).toHaveLength(0);
  });

  it('refuses a missing or wrong state, a login started in another browser, and a second use of the same answer', async () => {
    const { town, member, tag } = await setUp({ linkByEmail: true });
    idp.accounts.set(`sub-${tag}`, { email: member.email, email_verified: true });

    const wrongState = await loginAs(town.id, `sub-${tag}`, (url) => url.replace(/state=[^&]+/, 'state=geraden'));
    expect(wrongState.location).toBe('/inloggen?sso=mislukt');
    expect((await lastAudit(town.id)).after.reason).toMatch(/^OAUTH_/);
    const noState = await loginAs(town.id, `sub-${tag}`, (url) => url.replace(/&?state=[^&]+/, ''));
    expect(noState.location).toBe('/inloggen?sso=mislukt');

    // The provider's answer without the cookie of the browser that started the login (login CSRF).
    idp.loginAs = `sub-${tag}`;
    const begun = await start(town.id);
    const back = await followRedirects(begun.location, (u) => u.startsWith(REDIRECT_URI));
    const elsewhere = await callback(back, null);
    expect(elsewhere).toEqual({ location: '/inloggen?sso=verlopen', session: null });
    expect(await lastAudit()).toMatchObject({ action: 'login_failed', organisation_id: null, after: { reason: 'no_login_in_progress' } });
    // The right browser still can, once.
    expect((await callback(back, begun.cookie)).session).not.toBeNull();
    expect((await callback(back, begun.cookie)).location).toBe('/inloggen?sso=verlopen');
  });

  it('sends the browser back to the login page when single sign-on is off or unknown, and never to another site', async () => {
    const { town, admin, member, tag } = await setUp({ linkByEmail: true });
    const unknown = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${randomUUID()}/start` });
    expect(unknown.headers.location).toBe('/inloggen?sso=niet-beschikbaar');
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/sso/geen-id/start' })).headers.location).toBe('/inloggen?sso=niet-beschikbaar');

    idp.accounts.set(`sub-${tag}`, { email: member.email, email_verified: true });
    idp.loginAs = `sub-${tag}`;
    const begun = await start(town.id, '//evil.example/pad');
    const back = await followRedirects(begun.location, (u) => u.startsWith(REDIRECT_URI));
    expect((await callback(back, begun.cookie)).location).toBe('/');

    // A provider that does not answer (or names another issuer) cannot be used; the audit trail says why.
    const current = (await admin.get(`/organisations/${town.id}/sso`)).body.config;
    const wrongIssuer = { ...current, issuer: `${idp.issuer}/anders`, clientSecret: CLIENT.client_secret };
    expect((await admin.request('PUT', `/organisations/${town.id}/sso`, wrongIssuer)).status).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${town.id}/start` })).headers.location).toBe('/inloggen?sso=mislukt');
    expect((await lastAudit(town.id)).after.reason).toMatch(/^discovery:/);
    const restored = await admin.request('PUT', `/organisations/${town.id}/sso`, { ...current, version: current.version + 1, clientSecret: CLIENT.client_secret });
    expect(restored.status).toBe(200);
    current.version = restored.body.config.version;

    await admin.request('PUT', `/organisations/${town.id}/sso`, { ...current, isEnabled: false });
    expect((await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${town.id}/start` })).headers.location).toBe('/inloggen?sso=niet-beschikbaar');
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/options' })).json().sso.map((o: { organisationId: string }) => o.organisationId)).not.toContain(town.id);
    expect((await admin.delete(`/organisations/${town.id}/sso`)).status).toBe(204);
    expect(await ctx.db.query('select 1 from sso_identities where user_id = $1', [member.id])).toHaveLength(0);
    const trail = await ctx.db.query<{ action: string }>("select action from audit_events where entity = 'sso_configs' and organisation_id = $1 order by id", [town.id]);
    expect(trail.map((t) => t.action)).toEqual(['create', 'update', 'update', 'update', 'delete']);
  });
});
