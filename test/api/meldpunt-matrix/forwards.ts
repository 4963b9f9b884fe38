import { expect } from 'vitest';
import { MELDPUNT_WHO, type MeldpuntFixture, type MeldpuntWho } from '../../meldpunt.ts';
import type { Api } from '../../api.ts';
import type { Db } from '../../../src/server/db/client.ts';
import { insertMelding } from '../../../src/server/meldpunt/repository.ts';
import { newTraceId } from '../../../src/server/meldpunt/processing-log.ts';
import type { MeldpuntRules } from './rule.ts';

/*
 * The rules of the meldpunt's forwards routes (issue 13, part 4): a melding's forwards are its handlers' (the
 * behandelaar of all categories; ondermijning is not the woonoverlast behandelaar's); the inbox is the partner's own;
 * notifications are everyone's own; categories and behandelaars are the beheerder's.
 */

type Expected = Record<MeldpuntWho, number>;
const row = (statuses: readonly number[]): Expected => Object.fromEntries(MELDPUNT_WHO.map((w, i) => [w, statuses[i]])) as Expected;
// In the order of MELDPUNT_WHO: anoniem, beheerder, adviseur, behandelaar, behandelaar woonoverlast, partner politie, partner zvh, andere gemeente.
const HANDLERS = (ok: number) => row([401, 404, 404, ok, 404, 404, 404, 404]);
const BEHEERDER = (ok: number) => row([401, ok, 403, 403, 403, 403, 403, 403]);

/** Asks as every actor (in MELDPUNT_WHO's order, or `order`) and expects the statuses. */
async function expectStatuses(f: MeldpuntFixture, expected: Expected, ask: (api: Api, who: MeldpuntWho) => Promise<{ status: number }>,
  order: readonly MeldpuntWho[] = MELDPUNT_WHO) {
  const got: Partial<Expected> = {};
  for (const who of order) got[who] = (await ask(f.as[who], who)).status;
  expect(got).toEqual(expected);
}

async function meldingInBehandeling(f: MeldpuntFixture, db: Db, api: Api): Promise<string> {
  const { id } = await db.transaction((tx) => insertMelding(tx, api.app.cipher, {
    municipalityId: f.municipality.id, categoryId: f.category('ondermijning').id, source: 'public', answers: { wat: 'Matrix' },
  }, newTraceId()));
  await db.query(`update meldingen set status = 'in_behandeling' where id = $1`, [id]);
  return id;
}

async function forwardToPolice(f: MeldpuntFixture, db: Db, api: Api): Promise<string> {
  const id = await meldingInBehandeling(f, db, api);
  const res = await f.as.behandelaar.post(`/meldpunt/meldingen/${id}/forwards`, { partnerId: f.police.id, summary: 'Matrix', basis: 'Matrix', version: 1 });
  expect(res.status).toBe(201);
  return res.body.forward.id as string;
}

// The behandelaar last: it changes the melding.
const LAST_HANDLER: MeldpuntWho[] = [...MELDPUNT_WHO.filter((w) => w !== 'behandelaar'), 'behandelaar'];

export const forwardRules: MeldpuntRules = {
  'GET /api/v1/meldpunt/meldingen/:id/forwards': async (f, { db, api }) => {
    const id = await meldingInBehandeling(f, db, api);
    await expectStatuses(f, HANDLERS(200), (a) => a.get(`/meldpunt/meldingen/${id}/forwards`));
  },
  'GET /api/v1/meldpunt/meldingen/:id/forward-draft': async (f, { db, api }) => {
    const id = await meldingInBehandeling(f, db, api);
    await expectStatuses(f, HANDLERS(200), (a) => a.get(`/meldpunt/meldingen/${id}/forward-draft`));
  },
  'POST /api/v1/meldpunt/meldingen/:id/forwards': async (f, { db, api }) => {
    const id = await meldingInBehandeling(f, db, api);
    await expectStatuses(f, HANDLERS(201),
      (a) => a.post(`/meldpunt/meldingen/${id}/forwards`, { partnerId: f.police.id, summary: 'Matrix', basis: 'Matrix', version: 1 }), LAST_HANDLER);
  },
  'GET /api/v1/meldpunt/forwards': async (f, { db, api }) => {
    const forwardId = await forwardToPolice(f, db, api);
    const seen: Partial<Record<MeldpuntWho, boolean>> = {};
    await expectStatuses(f, row([401, 200, 200, 200, 200, 200, 200, 200]), async (a, who) => {
      const res = await a.get('/meldpunt/forwards');
      seen[who] = res.status === 200 && (res.body as { id: string }[]).some((x) => x.id === forwardId);
      return res;
    });
    expect(Object.entries(seen).filter(([, v]) => v).map(([w]) => w)).toEqual(['partner politie']);
  },
  'GET /api/v1/meldpunt/forwards/:id': async (f, { db, api }) => {
    const forwardId = await forwardToPolice(f, db, api);
    await expectStatuses(f, row([401, 404, 404, 404, 404, 200, 404, 404]), (a) => a.get(`/meldpunt/forwards/${forwardId}`));
  },
  'GET /api/v1/notifications': async (f) => {
    await expectStatuses(f, row([401, 200, 200, 200, 200, 200, 200, 200]), (a) => a.get('/notifications'));
  },
  'POST /api/v1/notifications/:id/read': async (f, { db, api }) => {
    const forwardId = await forwardToPolice(f, db, api);
    const [n] = await db.query<{ id: string }>('select id from notifications where link = $1 and user_id = $2',
      [`/meldpunt/doorgestuurd/${forwardId}`, f.userIds['partner politie']]);
    await expectStatuses(f, row([401, 404, 404, 404, 404, 204, 404, 404]), (a) => a.post(`/notifications/${n.id}/read`, {}));
  },
  'GET /api/v1/meldpunt/categories': async (f) => {
    await expectStatuses(f, BEHEERDER(200), (a) => a.get(`/meldpunt/categories?municipality=${f.municipality.id}`));
  },
  'POST /api/v1/meldpunt/categories': async (f) => {
    await expectStatuses(f, BEHEERDER(201), (a, who) =>
      a.post('/meldpunt/categories', { municipalityId: f.municipality.id, key: `matrix-${MELDPUNT_WHO.indexOf(who)}`, name: 'Matrix' }));
  },
  'PATCH /api/v1/meldpunt/categories/:id': async (f) => {
    const c = f.category('discriminatie');
    const [{ version }] = await f.as.beheerder.get(`/meldpunt/categories?municipality=${f.municipality.id}`)
      .then((r) => (r.body as { id: string; version: number }[]).filter((x) => x.id === c.id));
    await expectStatuses(f, BEHEERDER(200), (a) => a.patch(`/meldpunt/categories/${c.id}`, { position: 4, version }));
  },
  'GET /api/v1/meldpunt/duties': async (f) => {
    await expectStatuses(f, BEHEERDER(200), (a) => a.get(`/meldpunt/duties?municipality=${f.municipality.id}`));
  },
  'PUT /api/v1/meldpunt/duties': async (f) => {
    const body = { behandelaars: [{ userId: f.userIds.behandelaar, categoryKeys: null }, { userId: f.userIds['behandelaar woonoverlast'], categoryKeys: ['woonoverlast'] }] };
    await expectStatuses(f, BEHEERDER(200), (a) => a.request('PUT', `/meldpunt/duties?municipality=${f.municipality.id}`, body));
  },
  'POST /api/v1/meldpunt/retention-runs': async (f) => {
    await expectStatuses(f, BEHEERDER(201), (a) => a.post(`/meldpunt/retention-runs?municipality=${f.municipality.id}`, {}));
  },
};
