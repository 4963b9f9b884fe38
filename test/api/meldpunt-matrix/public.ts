import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { MELDPUNT_WHO, type MeldpuntFixture } from '../../meldpunt.ts';
import type { Api } from '../../api.ts';
import { urlencoded } from '../../meldpunt-form.ts';
import { resetAbuseCounters } from '../../../src/server/meldpunt/public/abuse.ts';
import { meldenStyleSheet } from '../../../src/server/meldpunt/public/style-sheet.ts';
import type { MeldpuntRules } from './rule.ts';

/*
 * The rules of the meldpunt's public routes: the meldformulier's pages and the public API answer everyone alike –
 * anonymous, staff, partners – and a signed-in session changes nothing (no CSRF refusal on a form post, no actor).
 */

/** Asks a page of the form as each actor (with the actor's session cookie, as a browser sends it). */
async function pageAsEach(f: MeldpuntFixture, api: Api, method: 'GET' | 'POST', url: (f: MeldpuntFixture) => string, expected: number, form?: Record<string, string>) {
  resetAbuseCounters();
  for (const who of MELDPUNT_WHO) {
    const cookie = f.as[who].session?.cookie;
    const body = form ? urlencoded(form) : { payload: undefined, headers: {} };
    const res = await api.app.inject({ method, url: url(f), payload: body.payload, headers: { ...body.headers, ...(cookie ? { cookie } : {}) } });
    expect(res.statusCode, `${who}: ${method} ${url(f)}`).toBe(expected);
  }
}

/** Asks the public API as each actor. */
async function apiAsEach(f: MeldpuntFixture, method: 'GET' | 'POST', url: string, body: (who: string) => unknown, expected: number) {
  resetAbuseCounters();
  for (const who of MELDPUNT_WHO) {
    const res = await f.as[who].request(method, url, method === 'POST' ? body(who) : undefined);
    expect(res.status, `${who}: ${method} ${url}`).toBe(expected);
  }
}

let secret: { code: string; phrase: string } | undefined;
/** A melding with a meldcode, made once, through the API. */
async function meldcodeOf(f: MeldpuntFixture) {
  if (!secret) {
    resetAbuseCounters();
    const res = await f.as.anoniem.post(`/meldpunt/public/${f.address}/meldingen`, { categoryKey: 'woonoverlast', answers: { wat: 'Lawaai', waar: 'Straat' }, meldcode: true });
    secret = res.body.meldcode;
  }
  return secret!;
}

export const publicRules: MeldpuntRules = {
  'GET /openbaar/:org/melden': (f, { api }) => pageAsEach(f, api, 'GET', (x) => `/openbaar/${x.address}/melden`, 200),
  'GET /openbaar/:org/melden/melding': (f, { api }) => pageAsEach(f, api, 'GET', (x) => `/openbaar/${x.address}/melden/melding?categorie=woonoverlast`, 200),
  'POST /openbaar/:org/melden/melding': (f, { api }) => pageAsEach(f, api, 'POST', (x) => `/openbaar/${x.address}/melden/melding`, 200,
    { stap: '2', categorie: 'woonoverlast', q_wat: 'Lawaai', q_waar: 'Straat' }),
  'GET /openbaar/:org/melden/stijl/:file': async (f, { api }) => {
    await pageAsEach(f, api, 'GET', (x) => `/openbaar/${x.address}/melden/stijl/${meldenStyleSheet().name}`, 200);
    await pageAsEach(f, api, 'GET', (x) => `/openbaar/${x.address}/melden/stijl/site.css`, 404);
  },
  'GET /openbaar/:org/melden/status': (f, { api }) => pageAsEach(f, api, 'GET', (x) => `/openbaar/${x.address}/melden/status`, 200),
  'POST /openbaar/:org/melden/status': async (f, { api }) => {
    const s = await meldcodeOf(f);
    await pageAsEach(f, api, 'POST', (x) => `/openbaar/${x.address}/melden/status`, 200, { actie: 'bekijken', code: s.code, zin: s.phrase });
    await pageAsEach(f, api, 'POST', (x) => `/openbaar/${x.address}/melden/status`, 422, { actie: 'bekijken', code: s.code, zin: 'fout' });
  },
  'GET /api/v1/meldpunt/public/:org/categories': (f) => apiAsEach(f, 'GET', `/meldpunt/public/${f.address}/categories`, () => null, 200),
  'POST /api/v1/meldpunt/public/:org/meldingen': (f) => apiAsEach(f, 'POST', `/meldpunt/public/${f.address}/meldingen`,
    () => ({ categoryKey: 'jeugdoverlast', answers: { wat: 'Groep', waar: 'Park' }, idempotencyKey: randomUUID() }), 201),
  'POST /api/v1/meldpunt/public/:org/meldcode-status': async (f) => {
    const s = await meldcodeOf(f);
    await apiAsEach(f, 'POST', `/meldpunt/public/${f.address}/meldcode-status`, () => s, 200);
    await apiAsEach(f, 'POST', `/meldpunt/public/${f.address}/meldcode-status`, () => ({ ...s, phrase: 'fout' }), 404);
  },
  // No question is open: the same 409 for everyone, whoever asks.
  'POST /api/v1/meldpunt/public/:org/answers': async (f) => {
    const s = await meldcodeOf(f);
    await apiAsEach(f, 'POST', `/meldpunt/public/${f.address}/answers`, () => ({ ...s, body: 'Antwoord' }), 409);
  },
  'POST /api/v1/meldpunt/public/:org/additions': async (f) => {
    const s = await meldcodeOf(f);
    await apiAsEach(f, 'POST', `/meldpunt/public/${f.address}/additions`, (who) => ({ ...s, body: `Aanvulling van ${who}` }), 201);
  },
};
