import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Api, Res } from '../../api.ts';
import type { Db } from '../../../src/server/db/client.ts';
import { MELDPUNT_WHO, type MeldpuntFixture, type MeldpuntWho } from '../../meldpunt.ts';
import { makeMelding } from '../../meldpunt-melding.ts';
import type { MeldpuntRules } from './rule.ts';

/*
 * The rules of the meldpunt's triage routes. Each actor asks about a fresh ondermijning melding of the fixture's
 * municipality, so a change by one does not decide the answer of the next: only the behandelaar of all categories
 * handles it; the behandelaar of woonoverlast only, the beheerder, the adviser, the partners and the behandelaar of
 * another municipality get 404, anonymous 401.
 */

type Ctx = { api: Api; db: Db };
type Expect = Record<MeldpuntWho, number>;

const HANDLER_ONLY = (ok: number): Expect => ({
  anoniem: 401, beheerder: 404, adviseur: 404, behandelaar: ok, 'behandelaar woonoverlast': 404, 'partner politie': 404,
  'partner zvh': 404, 'behandelaar andere gemeente': 404,
});
const SIGNED_IN = (ok: number): Expect => Object.fromEntries(MELDPUNT_WHO.map((w) => [w, w === 'anoniem' ? 401 : ok])) as Expect;

/** Asks as each actor with a fresh melding and expects the statuses. */
async function each(f: MeldpuntFixture, ctx: Ctx, expected: Expect, ask: (api: Api, id: string) => Promise<Pick<Res, 'status'>>,
  prepare: (id: string) => Promise<void> = async () => undefined) {
  const got: Partial<Expect> = {};
  for (const who of MELDPUNT_WHO) {
    const m = await makeMelding(ctx, f, 'ondermijning');
    await prepare(m.id);
    got[who] = (await ask(f.as[who], m.id)).status;
  }
  expect(got).toEqual(expected);
}


export const triageRules: MeldpuntRules = {
  'GET /api/v1/meldpunt/meldingen': async (f, ctx) => {
    await each(f, ctx, SIGNED_IN(200), (api) => api.get('/meldpunt/meldingen'));
  },
  'GET /api/v1/meldpunt/meldingen/:id': async (f, ctx) => {
    await each(f, ctx, HANDLER_ONLY(200), (api, id) => api.get(`/meldpunt/meldingen/${id}`));
  },
  'PATCH /api/v1/meldpunt/meldingen/:id': async (f, ctx) => {
    await each(f, ctx, HANDLER_ONLY(200), (api, id) => api.patch(`/meldpunt/meldingen/${id}`, { handlerId: f.userIds.behandelaar, version: 1 }));
  },
  'POST /api/v1/meldpunt/meldingen/:id/notes': async (f, ctx) => {
    await each(f, ctx, HANDLER_ONLY(201), (api, id) => api.post(`/meldpunt/meldingen/${id}/notes`, { body: 'Notitie' }));
  },
  'POST /api/v1/meldpunt/meldingen/:id/questions': async (f, ctx) => {
    await each(f, ctx, HANDLER_ONLY(200), (api, id) => api.post(`/meldpunt/meldingen/${id}/questions`, { body: 'Waar precies?', version: 1 }),
      async (id) => { await ctx.db.query(`insert into melding_codes (code_hmac, melding_id, phrase_hash) values ($1, $2, 'x')`, [randomUUID(), id]); });
  },
  'POST /api/v1/meldpunt/meldingen/:id/status': async (f, ctx) => {
    await each(f, ctx, HANDLER_ONLY(200), (api, id) => api.post(`/meldpunt/meldingen/${id}/status`, { to: 'in_behandeling', version: 1 }));
  },
  'POST /api/v1/meldpunt/meldingen/:id/triage': async (f, ctx) => {
    await each(f, ctx, HANDLER_ONLY(200), (api, id) => api.post(`/meldpunt/meldingen/${id}/triage`,
      { answer: { weging: 1, isOndermijning: true, lokaleVerankering: false, signalen: '' }, version: 1 }));
  },
  'POST /api/v1/meldpunt/meldingen/:id/merge': async (f, ctx) => {
    const main = await makeMelding(ctx, f, 'ondermijning');
    await each(f, ctx, HANDLER_ONLY(200), (api, id) => api.post(`/meldpunt/meldingen/${id}/merge`, { mainId: main.id, version: 1 }));
  },
  'GET /api/v1/meldpunt/meldingen/:id/files/:fileId': async (f, ctx) => {
    const fileOf = new Map<string, string>();
    await each(f, ctx, HANDLER_ONLY(200), (api, id) => api.bytes(`/meldpunt/meldingen/${id}/files/${fileOf.get(id)}`), async (id) => {
      const fileId = randomUUID();
      fileOf.set(id, fileId);
      await ctx.db.query(`insert into melding_files (id, melding_id, media_type, size, sha256, content) values ($1, $2, 'application/pdf', 8, 'x', $3)`,
        [fileId, id, Buffer.from('%PDF-1.4')]);
    });
  },
  'GET /api/v1/meldpunt/signals/categories': async (f, ctx) => {
    await each(f, ctx, SIGNED_IN(200), (api) => api.get('/meldpunt/signals/categories'));
  },
  'POST /api/v1/meldpunt/signals': async (f, ctx) => {
    const body = { municipalityId: f.municipality.id, categoryId: f.category('woonoverlast').id, answers: { wat: 'Lawaai', waar: 'Dorpsstraat' } };
    await each(f, ctx, {
      anoniem: 401, beheerder: 201, adviseur: 201, behandelaar: 201, 'behandelaar woonoverlast': 201, 'partner politie': 403,
      'partner zvh': 403, 'behandelaar andere gemeente': 403,
    }, (api) => api.post('/meldpunt/signals', body));
  },
  'POST /api/v1/meldpunt/tips': async (f, ctx) => {
    const body = { municipalityId: f.municipality.id, categoryId: f.category('ondermijning').id, answers: { wat: 'Drugshandel', waar: 'Haven' } };
    await each(f, ctx, { ...SIGNED_IN(403), behandelaar: 201 }, (api) => api.post('/meldpunt/tips', body));
  },
};
