import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type DeniedRequest } from '../../src/server/app.ts';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { Api, make, signIn, TEST_PASSWORD } from '../api.ts';
import { createTestDb } from '../db.ts';

/*
 * Security review, section 16 (info): an error the framework answers itself (a malformed URL) carries the same security
 * headers as every other answer, and a denied API request leaves a line in the log (ASVS 7.2.2) that names the route,
 * the status and the account, and nothing about the client (no IP address, no user agent, no query, no body).
 */

const HELMET_HEADERS = [
  'content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy',
  'cross-origin-resource-policy', 'origin-agent-cluster', 'x-dns-prefetch-control', 'x-download-options',
  'x-permitted-cross-domain-policies', 'x-xss-protection',
];

let drop: () => Promise<void>;
let app: FastifyInstance;
let logged: FastifyInstance;
let admin: Api;
let stranger: Api;
const denied: DeniedRequest[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  const t = await createTestDb();
  drop = t.drop;
  app = await buildApp(t.db, { deniedLog: (entry) => denied.push(entry) });
  // The same app with the request log on (REGIE_LOG=1), written to a stream the test reads.
  logged = await buildApp(t.db, {
    logger: true,
    logStream: new Writable({ write(chunk, _enc, done) { logLines.push(...String(chunk).split('\n').filter(Boolean)); done(); } }),
  });
  const email = 'beheer-denied@regie.test';
  await createUser(t.db, { email, name: 'Platformbeheer', password: TEST_PASSWORD, isPlatformAdmin: true }, SYSTEM);
  await createUser(t.db, { email: 'vreemde@regie.test', name: 'Vreemde', password: TEST_PASSWORD }, SYSTEM);
  admin = new Api(app, await signIn(app, email, TEST_PASSWORD), t.db);
  stranger = new Api(app, await signIn(app, 'vreemde@regie.test', TEST_PASSWORD));
});
afterAll(async () => {
  await app?.close();
  await logged?.close();
  await drop?.();
});

describe('an error the framework answers itself', () => {
  it('has the security headers of every other answer (a malformed URL: 400 problem+json)', async () => {
    const bad = await app.inject({ method: 'GET', url: '/nope/%ZZ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const normal = await app.inject({ method: 'GET', url: '/api/v1/plans/00000000-0000-4000-8000-000000000000' });
    expect(normal.statusCode).toBe(404);
    for (const name of HELMET_HEADERS) {
      expect(normal.headers[name], name).toBeDefined();
      expect(bad.headers[name], name).toBe(normal.headers[name]);
    }
    expect(bad.headers['content-security-policy']).toContain("default-src 'self'");
    expect(bad.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('a denied API request', () => {
  it('is logged with method, route, status and account only; an allowed one is not', async () => {
    const org = await make.municipality(admin);
    denied.length = 0;
    expect((await stranger.get('/plans')).status).toBe(200);
    expect((await stranger.get(`/audit?organisationId=${org.id}&entity=geheim`)).status).toBe(403);
    expect((await stranger.get(`/organisations/${org.id}/sso`)).status).toBeGreaterThanOrEqual(403);
    const anonymous = await admin.as(null).post('/organisations', { kind: 'municipality', name: 'Anoniem', cbsCode: 'GM9998' });
    expect([401, 403]).toContain(anonymous.status);
    const res = await app.inject({
      method: 'GET', url: `/api/v1/plans/${org.id}?geheim=1`, headers: { 'user-agent': 'Spiedende-browser/1.0', 'x-forwarded-for': '203.0.113.9' },
    });
    expect(res.statusCode).toBe(404);

    expect(denied.map((d) => `${d.status} ${d.method} ${d.route}`)).toEqual([
      `403 GET /api/v1/audit`,
      expect.stringMatching(/^40[34] GET \/api\/v1\/organisations\/:id\/sso$/),
      `${anonymous.status} POST /api/v1/organisations`,
      `404 GET /api/v1/plans/:id`,
    ]);
    expect(denied[0]).toEqual({ event: 'request_denied', method: 'GET', route: '/api/v1/audit', status: 403, actorUserId: stranger.session!.userId });
    expect(denied[2].actorUserId).toBeNull();
    const text = JSON.stringify(denied);
    for (const secret of [org.id, 'geheim', 'Spiedende', '203.0.113.9', '127.0.0.1', 'Anoniem']) expect(text).not.toContain(secret);
  });

  it('goes to the request log when that is on (REGIE_LOG=1), which holds no IP address, user agent or query either', async () => {
    const res = await logged.inject({
      method: 'GET', url: '/api/v1/plans/00000000-0000-4000-8000-000000000000?geheim=1',
      headers: { 'user-agent': 'Spiedende-browser/1.0', 'x-forwarded-for': '203.0.113.9' },
    });
    expect(res.statusCode).toBe(404);
    const entries = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toContainEqual(expect.objectContaining({ msg: 'request denied', route: '/api/v1/plans/:id', status: 404, actorUserId: null }));
    expect(entries.some((e) => e.msg === 'incoming request')).toBe(true);
    for (const secret of ['geheim', 'Spiedende', '203.0.113.9', '127.0.0.1', 'remoteAddress']) expect(logLines.join('\n')).not.toContain(secret);
  });
});
