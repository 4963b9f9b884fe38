import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUser, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '../../src/server/accounts/accounts.ts';
import { buildApp } from '../../src/server/app.ts';
import { readConfig } from '../../src/server/config.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { make, useApi } from '../api.ts';

const ctx = useApi();
const PASSWORD = 'lange-zin-met-fietsen-2026';

async function newUser(role: 'adviseur' | 'raadslid' = 'adviseur') {
  const town = await make.municipality(ctx.api);
  const email = `${randomUUID().slice(0, 8)}@huizen.test`;
  const user = await createUser(ctx.db, { email, name: 'Test Adviseur', password: PASSWORD, memberships: [{ organisationId: town.id, role }] }, SYSTEM);
  return { user, email, town };
}

async function signIn(email: string, password = PASSWORD, address = '127.0.0.1') {
  const res = await ctx.api.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: address });
  const cookie = String(res.headers['set-cookie'] ?? '');
  return { res, cookie: cookie.split(';')[0], setCookie: cookie, csrf: res.statusCode === 200 ? (res.json().csrfToken as string) : '' };
}

const me = async (cookie: string) => (await ctx.api.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json();
const lastAudit = async () => (await ctx.db.query<{ action: string; actor_user_id: string | null; actor_label: string }>('select action, actor_user_id, actor_label from audit_events order by id desc limit 1'))[0];

describe('login and sessions', () => {
  it('signs in with e-mail and password: an HttpOnly, SameSite=Lax session cookie, and the user with their roles', async () => {
    const { user, email, town } = await newUser();
    const { res, cookie, setCookie, csrf } = await signIn(email.toUpperCase());
    expect(res.statusCode).toBe(200);
    expect(setCookie).toMatch(/regie_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    expect(csrf).toMatch(/^[\w-]{30,}$/);
    const who = await me(cookie);
    expect(who.user).toMatchObject({ id: user.id, email, memberships: [{ organisationId: town.id, role: 'adviseur' }] });
    expect(await lastAudit()).toMatchObject({ action: 'login', actor_user_id: user.id });
  });

  it('refuses a wrong password without saying whether the account exists, and records the attempt', async () => {
    const { email } = await newUser();
    const wrong = await signIn(email, 'niet-het-wachtwoord');
    const unknown = await signIn('niemand@huizen.test', 'niet-het-wachtwoord');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.res.json().title).toBe(unknown.res.json().title);
    expect(wrong.setCookie).toBe('');
    expect((await lastAudit()).action).toBe('login_failed');
  });

  it('throttles an account after repeated failures, also for the right password, with a clear message', async () => {
    const { email } = await newUser();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await signIn(email, 'fout-wachtwoord', '10.0.0.1')).res.statusCode).toBe(401);
    const blocked = await signIn(email, PASSWORD, '10.0.0.2');
    expect(blocked.res.statusCode).toBe(429);
    expect(blocked.res.json().title).toMatch(/Te veel mislukte pogingen/);
  });

  it('throttles an address that tries many accounts', async () => {
    const { email } = await newUser();
    for (let i = 0; i < 20; i++) await signIn(`gok${i}@huizen.test`, 'fout-wachtwoord', '10.9.9.9');
    expect((await signIn(email, PASSWORD, '10.9.9.9')).res.statusCode).toBe(429);
    expect((await signIn(email, PASSWORD, '10.9.9.8')).res.statusCode).toBe(200);
  });

  it('logout ends the session: the same cookie opens nothing afterwards', async () => {
    const { email } = await newUser();
    const { cookie, csrf } = await signIn(email);
    const out = await ctx.api.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).user).toBeNull();
    expect((await lastAudit()).action).toBe('logout');
  });

  it('tells the client when the session ends: expiresAt at login and in /auth/me, and every answer extends it', async () => {
    const { email } = await newUser();
    const { res, cookie } = await signIn(email);
    const minutesLeft = (iso: string) => (new Date(iso).getTime() - Date.now()) / 60_000;
    expect(minutesLeft(res.json().expiresAt as string)).toBeGreaterThan(29);
    expect(minutesLeft(res.json().expiresAt as string)).toBeLessThanOrEqual(30);
    // 25 minutes idle: 5 left – and the next answer (any route) restarts the clock and says so in a header.
    await ctx.db.query(`update sessions set last_seen_at = now() - interval '25 minutes' where user_id = (select id from users where email = $1)`, [email]);
    const plans = await ctx.api.app.inject({ method: 'GET', url: '/api/v1/plans', headers: { cookie } });
    expect(minutesLeft(String(plans.headers['x-session-expires']))).toBeGreaterThan(29);
    expect(minutesLeft((await me(cookie)).expiresAt as string)).toBeGreaterThan(29);
    // Close to the absolute end, the absolute end counts.
    await ctx.db.query(`update sessions set expires_at = now() + interval '3 minutes' where user_id = (select id from users where email = $1)`, [email]);
    expect(minutesLeft((await me(cookie)).expiresAt as string)).toBeLessThanOrEqual(3);
    const anonymous = await ctx.api.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anonymous.json().expiresAt).toBeNull();
    expect(anonymous.headers['x-session-expires']).toBeUndefined();
  });

  it('ends a session after 30 idle minutes, and at its absolute end', async () => {
    const { email } = await newUser();
    const idle = await signIn(email);
    const setIdle = (minutes: number) =>
      ctx.db.query(`update sessions set last_seen_at = now() - make_interval(mins => $2) where user_id = (select id from users where email = $1)`, [email, minutes]);
    // Using the session within the idle time restarts its clock.
    await setIdle(29);
    expect((await me(idle.cookie)).user).not.toBeNull();
    const [{ idle_seconds }] = await ctx.db.query<{ idle_seconds: number }>(
      'select extract(epoch from now() - max(last_seen_at))::int as idle_seconds from sessions where user_id = (select id from users where email = $1)', [email]);
    expect(idle_seconds).toBeLessThan(60);
    await setIdle(31);
    expect((await me(idle.cookie)).user).toBeNull();
    const old = await signIn(email);
    expect((await me(old.cookie)).user).not.toBeNull();
    await ctx.db.query("update sessions set expires_at = now() - interval '1 second' where user_id = (select id from users where email = $1)", [email]);
    expect((await me(old.cookie)).user).toBeNull();
  });

  it('refuses a cookie-authenticated write without the CSRF token, and attributes an accepted one to the user', async () => {
    const { user, email, town } = await newUser();
    const plan = await make.plan(ctx.api, { ownerId: town.id });
    const { cookie, csrf } = await signIn(email);
    const body = { title: 'Thema via sessie', scope: 'local', planId: plan.id };
    const without = await ctx.api.app.inject({ method: 'POST', url: '/api/v1/themes', headers: { cookie }, payload: body });
    expect(without.statusCode).toBe(403);
    expect(without.headers['content-type']).toMatch(/problem\+json/);
    const forged = await ctx.api.app.inject({ method: 'POST', url: '/api/v1/themes', headers: { cookie, 'x-csrf-token': 'geraden' }, payload: body });
    expect(forged.statusCode).toBe(403);
    const ok = await ctx.api.app.inject({ method: 'POST', url: '/api/v1/themes', headers: { cookie, 'x-csrf-token': csrf }, payload: body });
    expect(ok.statusCode).toBe(201);
    expect(await lastAudit()).toMatchObject({ action: 'create', actor_user_id: user.id, actor_label: 'Test Adviseur' });
  });

  it('sets the Secure flag on the cookie behind https, when the proxy is trusted', async () => {
    const { email } = await newUser();
    const app = await buildApp(ctx.db, { trustProxy: readConfig({ REGIE_TRUST_PROXY: '127.0.0.1' }).trustProxy });
    const login = (remoteAddress: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD }, headers: { 'x-forwarded-proto': 'https' }, remoteAddress });
    expect(String((await login('127.0.0.1')).headers['set-cookie'])).toMatch(/Secure/);
    // Anyone else saying "https" is not believed.
    expect(String((await login('192.0.2.10')).headers['set-cookie'])).not.toMatch(/Secure/);
    await app.close();
  });
});

describe('throttling that holds (issue 11)', () => {
  const statuses = (results: { res: { statusCode: number } }[]) => {
    const count = (status: number) => results.filter((r) => r.res.statusCode === status).length;
    return { checked: count(401), refused: count(429), other: results.length - count(401) - count(429) };
  };

  it('checks no more wrong passwords for an account than the limit, also when they arrive at once', async () => {
    const { email } = await newUser();
    // From 30 addresses, so only the account's limit applies (and not the per-address cap of the login route).
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(email, `fout-wachtwoord-${i}`, `10.77.${i}.1`)));
    expect(statuses(results)).toEqual({ checked: MAX_FAILURES_PER_ACCOUNT, refused: 30 - MAX_FAILURES_PER_ACCOUNT, other: 0 });
    expect((await signIn(email, PASSWORD, '10.77.99.1')).res.statusCode).toBe(429);
  });

  it('checks no more logins from one address than its limit, also when they arrive at once', async () => {
    const tag = randomUUID().slice(0, 8);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(`gok-${i}-${tag}@huizen.test`, 'fout-wachtwoord', '10.78.0.1')));
    expect(statuses(results)).toEqual({ checked: MAX_FAILURES_PER_ADDRESS, refused: 30 - MAX_FAILURES_PER_ADDRESS, other: 0 });
  });

  it('lets a successful login clear the account’s failures, and not count against the address', async () => {
    const { email } = await newUser();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) expect((await signIn(email, 'fout-wachtwoord', '10.79.0.1')).res.statusCode).toBe(401);
    expect((await signIn(email, PASSWORD, '10.79.0.1')).res.statusCode).toBe(200);
    expect((await signIn(email, 'fout-wachtwoord', '10.79.0.1')).res.statusCode).toBe(401);
    expect((await signIn(email, PASSWORD, '10.79.0.1')).res.statusCode).toBe(200);
    const [{ n }] = await ctx.db.query<{ n: number }>("select count(*)::int as n from login_failures where key = 'address:10.79.0.1'");
    expect(n).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it.each(['1', '127.0.0.1', '127.0.0.0/8, 10.0.0.0/8'])('counts per real address behind a trusted proxy (REGIE_TRUST_PROXY=%s), whatever X-Forwarded-For says', async (setting) => {
    const app = await buildApp(ctx.db, { trustProxy: readConfig({ REGIE_TRUST_PROXY: setting }).trustProxy });
    try {
      const tag = randomUUID().slice(0, 8);
      const client = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
      await ctx.db.query('delete from login_failures where key = $1', [`address:${client}`]);
      // The proxy (127.0.0.1) appends the address it sees to whatever X-Forwarded-For the client sent.
      const viaProxy = (i: number) => app.inject({
        method: 'POST', url: '/api/v1/auth/login', remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': `203.0.113.${i}, ${client}` }, payload: { email: `gok-${i}-${tag}@huizen.test`, password: 'fout-wachtwoord' },
      });
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) expect((await viaProxy(i)).statusCode, `attempt ${i + 1}`).toBe(401);
      expect((await viaProxy(MAX_FAILURES_PER_ADDRESS)).statusCode).toBe(429);
      // Someone who reaches Regie past the proxy, from an address that is not the proxy's (nor, for a hop count, a
      // loopback or private one), cannot choose an address either: its X-Forwarded-For is ignored.
      const direct = (i: number) => app.inject({
        method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.77',
        headers: { 'x-forwarded-for': `203.0.113.${100 + i}` }, payload: { email: `direct-${i}-${tag}@huizen.test`, password: 'fout-wachtwoord' },
      });
      await ctx.db.query("delete from login_failures where key = 'address:192.0.2.77'");
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) expect((await direct(i)).statusCode, `direct attempt ${i + 1}`).toBe(401);
      expect((await direct(MAX_FAILURES_PER_ADDRESS)).statusCode).toBe(429);
    } finally {
      await app.close();
    }
  });
});

describe('passwords', () => {
  it.each([
    ['kort2026!', 'minstens 12'],
    ['1qaz2wsx3edc', 'veel gebruikt'],
    ['jansen-heeft-een-wachtwoord', 'e-mailadres'],
  ])('refuses %s (%s)', async (password, message) => {
    const town = await make.municipality(ctx.api);
    await expect(createUser(ctx.db, { email: 'jansen-heeft@huizen.test', name: 'Jansen', password, memberships: [{ organisationId: town.id, role: 'adviseur' }] }, SYSTEM))
      .rejects.toMatchObject({ fields: [{ path: 'password', message: expect.stringContaining(message) }] });
    expect(await ctx.db.query("select 1 from users where email = 'jansen-heeft@huizen.test'")).toHaveLength(0);
  });

  it('stores an argon2id hash, never the password', async () => {
    const { email } = await newUser();
    const [row] = await ctx.db.query<{ password_hash: string }>('select password_hash from users where email = $1', [email]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });
});
