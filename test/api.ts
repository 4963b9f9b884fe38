import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import type { Db } from '../src/server/db/client.ts';
import { createTestDb } from './db.ts';
import { createUser, grantRole } from '../src/server/accounts/accounts.ts';
import { SYSTEM } from '../src/server/core/audit.ts';
import { randomUUID } from 'node:crypto';
import { versionOf } from './published-versions.ts';

export const TEST_PASSWORD = 'test-wachtwoord-met-lengte';

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A signed-in session: its cookie and CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

/** Signs a user in through the API, as the web app does. */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} → ${res.statusCode}: ${res.body}`);
  return { cookie: String(res.headers['set-cookie']).split(';')[0], csrf: res.json().csrfToken, userId: res.json().user.id };
}

/**
 * An in-process HTTP client on the app, the way the web app calls the API: with a session (cookie and CSRF token),
 * or anonymous. The default client of `useApi` is a platform administrator who becomes adviseur of every
 * organisation it creates, so tests build their own data; `as(session)` asks as someone else. The role is the test's
 * shortcut, granted in the database (`grantRole`): through the API a platform administrator gives an organisation only
 * its first beheerder (issue 11).
 */
export class Api {
  constructor(
    readonly app: FastifyInstance,
    readonly session: Session | null = null,
    /** The database (of the client `useApi` makes), for helpers that call services directly. */
    readonly db?: Db,
  ) {}
  as(session: Session | null): Api {
    return new Api(this.app, session);
  }
  async request<T = any>(method: string, url: string, body?: unknown): Promise<Res<T>> {
    const headers: Record<string, string> = this.session ? { cookie: this.session.cookie, 'x-csrf-token': this.session.csrf } : {};
    const res = await this.app.inject({ method: method as never, url: `/api/v1${url}`, payload: body as never, headers });
    const isJson = /json/.test(String(res.headers['content-type'] ?? ''));
    if (this.db && this.session && method === 'POST' && url === '/organisations' && res.statusCode === 201) {
      await grantRole(this.db, this.session.userId, res.json().id, 'adviseur', SYSTEM);
    }
    return { status: res.statusCode, body: isJson ? res.json() : (res.body as T), headers: res.headers };
  }
  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body: unknown) => this.request<T>('POST', url, body);
  patch = <T = any>(url: string, body: unknown) => this.request<T>('PATCH', url, body);
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);
  /** A download as bytes (the client reads other bodies as text or JSON). */
  async bytes(url: string): Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer }> {
    const headers: Record<string, string> = this.session ? { cookie: this.session.cookie } : {};
    const res = await this.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
    return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
  }

  /** Creates and expects 201; fails the test with the problem document otherwise. */
  async create<T = any>(path: string, body: unknown): Promise<T> {
    const res = await this.post<T>(path, body);
    if (res.status !== 201) throw new Error(`POST ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

/** Sets up a fresh database and app for the test file; `ctx.api` and `ctx.db` are ready in the tests. */
export function useApi(): { api: Api; db: Db } {
  const ctx = {} as { api: Api; db: Db };
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  beforeAll(async () => {
    const t = await createTestDb();
    drop = t.drop;
    app = await buildApp(t.db);
    ctx.db = t.db;
    const email = `test-${randomUUID().slice(0, 8)}@regie.test`;
    await createUser(t.db, { email, name: 'Testgebruiker', password: TEST_PASSWORD, isPlatformAdmin: true }, SYSTEM);
    ctx.api = new Api(app, await signIn(app, email, TEST_PASSWORD), t.db);
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });
  return ctx;
}

let counter = 0;
const next = () => ++counter;

/** Factories: each creates its own parents unless given, so tests need no shared fixtures and no clean-up. */
export const make = {
  async municipality(api: Api, over: Record<string, unknown> = {}) {
    const n = next();
    return api.create('/organisations', { kind: 'municipality', name: `Gemeente ${n}`, cbsCode: `GM${String(9000 + n).padStart(4, '0')}`, ...over });
  },
  async person(api: Api, over: Record<string, unknown> = {}) {
    const organisationId = over.organisationId ?? (await make.municipality(api)).id;
    return api.create('/people', { name: `Persoon ${next()}`, role: 'adviser', organisationId, ...over });
  },
  async plan(api: Api, over: Record<string, unknown> = {}) {
    const ownerId = over.ownerId ?? (await make.municipality(api)).id;
    return api.create('/plans', { kind: 'uvp', title: `Programma ${next()}`, periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId, ...over });
  },
  async theme(api: Api, over: Record<string, unknown> = {}) {
    const planId = over.planId ?? (await make.plan(api)).id;
    return api.create('/themes', { title: `Thema ${next()}`, scope: 'local', planId, ...over });
  },
  async goal(api: Api, over: Record<string, unknown> = {}) {
    const themeId = over.themeId ?? (await make.theme(api)).id;
    return api.create('/goals', { title: `Doel ${next()}`, themeId, ...over });
  },
  async activity(api: Api, over: Record<string, unknown> = {}) {
    const themeId = over.themeId ?? (await make.theme(api)).id;
    return api.create('/activities', { title: `Activiteit ${next()}`, timeframeText: 'Q1-Q2 2024', frequencyText: 'Tweemaal per jaar', themeId, ...over });
  },
  async indicator(api: Api, over: Record<string, unknown> = {}) {
    const planId = over.planId ?? (await make.plan(api)).id;
    return api.create('/indicators', { name: `Indicator ${next()}`, baselineValue: 83, baselineYear: 2022, targetKind: 'absolute', targetValue: 85, targetYear: 2026, direction: 'higher_is_better', planId, ...over });
  },
  async measurement(api: Api, over: Record<string, unknown> = {}) {
    const indicatorId = over.indicatorId ?? (await make.indicator(api)).id;
    return api.create('/measurements', { periodLabel: '2023', periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 84, indicatorId, ...over });
  },
  async budgetLine(api: Api, over: Record<string, unknown> = {}) {
    const planId = over.planId ?? (await make.plan(api)).id;
    return api.create('/budget-lines', { title: `Post ${next()}`, nature: 'structural', amounts: [{ year: null, amountCents: 500_000 }], planId, ...over });
  },
  async spendingEntry(api: Api, over: Record<string, unknown> = {}) {
    const budgetLineId = over.budgetLineId ?? (await make.budgetLine(api)).id;
    return api.create('/spending-entries', { year: 2023, amountCents: 125_000, spentOn: '2023-06-12', budgetLineId, ...over });
  },
  async regularTask(api: Api, over: Record<string, unknown> = {}) {
    const planId = over.planId ?? (await make.plan(api)).id;
    return api.create('/regular-tasks', { title: `Taak ${next()}`, frequencyText: '1x per 2 weken', planId, ...over });
  },
  /** Adopts a plan as it is now (college) and publishes that version, through the workflow; returns the version. */
  async publishedVersion(api: Api, planId: string, adoptedOn = '2024-01-15') {
    return versionOf(api.db!, planId, { adoptedOn, decisionReference: null });
  },
  async decision(api: Api, over: Record<string, unknown> = {}) {
    const planId = over.planId ?? (await make.plan(api)).id;
    return api.create('/decisions', { title: `Besluit ${next()}`, body: 'college', decisionPoints: ['Instemmen met het programma'], planId, ...over });
  },
};
