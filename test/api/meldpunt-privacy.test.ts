import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase, dumpForms } from '../dump.ts';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import type { Db } from '../../src/server/db/client.ts';
import { readConfig } from '../../src/server/config.ts';
import { Api, signIn, TEST_PASSWORD } from '../api.ts';
import { createTestDb } from '../db.ts';
import { meldpuntFixture, type MeldpuntFixture } from '../meldpunt.ts';
import { photoWithGps, secretsOf, submitForm, urlencoded } from '../meldpunt-form.ts';
import { resetAbuseCounters } from '../../src/server/meldpunt/public/abuse.ts';

/*
 * The privacy proof of the meldpunt (issue 13, docs/privacy.md): with request logging on and the proxy trusted as
 * REGIE_TRUST_PROXY=1 sets it, meldingen are submitted – the form and the API, with and without attachments and
 * contact details, meldcode lookups, answers and additions, a refused and a failed submission – from a distinctive
 * address (X-Forwarded-For and the socket's own), user agent and referrer. Then the whole database (every table, every
 * column as text, bytea included) and everything the log wrote are searched: none of those values is anywhere, and
 * the reporter's name, e-mail address and phone number are nowhere in clear.
 */

const FORWARDED = '203.0.113.77';
const SOCKET = '10.66.77.88';
const AGENT = `UA-MARKER-${randomUUID().slice(0, 8)}`;
const REFERRER = `https://referrer.example/REF-MARKER-${randomUUID().slice(0, 8)}`;
const REPORTER = { name: 'Zoë Markervrouw-Dijkgraaf', email: 'melder.marker@voorbeeld.nl', phone: '06 9876 5432' };
const REQUEST_FACTS = [FORWARDED, SOCKET, AGENT, 'REF-MARKER', 'referrer.example'];

let app: FastifyInstance;
let db: Db;
let drop: () => Promise<void>;
let f: MeldpuntFixture;
const log: string[] = [];

const from: Partial<InjectOptions> = { remoteAddress: SOCKET, headers: { 'x-forwarded-for': FORWARDED, 'user-agent': AGENT, referer: REFERRER } };
const inject = (o: InjectOptions) => app.inject({ ...o, remoteAddress: SOCKET, headers: { ...from.headers, ...(o.headers as object) } });

beforeAll(async () => {
  const t = await createTestDb();
  db = t.db;
  drop = t.drop;
  const logStream = new Writable({ write(chunk, _enc, done) { log.push(String(chunk)); done(); } });
  // As start.ts builds it with REGIE_TRUST_PROXY=1: one proxy in front, whose X-Forwarded-For is believed.
  app = await buildApp(db, { logger: true, logStream, trustProxy: readConfig({ REGIE_TRUST_PROXY: '1' }).trustProxy });
  const email = `privacy-${randomUUID().slice(0, 8)}@regie.test`;
  await createUser(db, { email, name: 'Beheer', password: TEST_PASSWORD, isPlatformAdmin: true }, SYSTEM);
  f = await meldpuntFixture(new Api(app, await signIn(app, email, TEST_PASSWORD), db), db);
  resetAbuseCounters();
});
afterAll(async () => {
  await app?.close();
  await drop?.();
});


describe('nothing identifies the reporter', () => {
  it('stores and logs no address, user agent or referrer, and no contact detail in clear', async () => {
    const path = `/openbaar/${f.address}/melden`;
    // The pages of the form, as a browser walks them.
    for (const url of [path, `${path}/melding?categorie=ondermijning`, `${path}/status`]) expect((await inject({ url })).statusCode).toBe(200);
    expect((await inject({ method: 'POST', url: `${path}/melding`, ...urlencoded({ stap: '2', categorie: 'ondermijning', q_wat: 'x', q_waar: 'y' }) })).statusCode).toBe(200);
    // The form: anonymous with a photo and a meldcode; with contact details; a refused one (bad e-mail).
    const withPhoto = await submitForm(app, f.address, { files: [{ name: 'foto.jpg', type: 'image/jpeg', bytes: await photoWithGps() }], fields: { meldcode: 'ja' }, inject: from });
    expect(withPhoto.status).toBe(200);
    expect((await submitForm(app, f.address, { fields: { ...REPORTER, delen: 'ja' }, inject: from })).status).toBe(200);
    expect((await submitForm(app, f.address, { fields: { ...REPORTER, email: 'fout' }, inject: from })).status).toBe(422);
    // A submission that fails in its transaction.
    await db.query(`create function privacy_fail() returns trigger language plpgsql as $$ begin raise exception 'storing'; end $$`);
    await db.query('create trigger privacy_fail before insert on melding_files for each row execute function privacy_fail()');
    expect((await submitForm(app, f.address, { files: [{ name: 'f.jpg', type: 'image/jpeg', bytes: await photoWithGps() }], fields: { ...REPORTER }, inject: from })).status).toBe(500);
    await db.query('drop trigger privacy_fail on melding_files');
    // The meldcode: a lookup, a wrong one, a question answered, an addition.
    const secret = secretsOf(withPhoto.html);
    const status = (fields: Record<string, string>) => inject({ method: 'POST', url: `${path}/status`, ...urlencoded(fields) });
    expect((await status({ actie: 'bekijken', code: secret.code, zin: secret.phrase })).statusCode).toBe(200);
    expect((await status({ actie: 'bekijken', code: secret.code, zin: 'fout' })).statusCode).toBe(422);
    const [{ melding_id }] = await db.query<{ melding_id: string }>('select melding_id from melding_codes limit 1');
    await db.query(`insert into melding_messages (id, melding_id, kind, body) values ($1, $2, 'question', 'Wanneer?')`, [randomUUID(), melding_id]);
    expect((await status({ actie: 'antwoord', code: secret.code, zin: secret.phrase, antwoord: 'Gisteren.' })).statusCode).toBe(200);
    expect((await status({ actie: 'aanvulling', code: secret.code, zin: secret.phrase, aanvulling: 'Nog iets.' })).statusCode).toBe(200);
    // The API: with a photo and contact details, without, a refused one, and the meldcode routes.
    const api = (url: string, payload: object) => inject({ method: 'POST', url: `/api/v1/meldpunt/public/${f.address}${url}`, payload });
    const photo = (await photoWithGps()).toString('base64');
    const viaApi = await api('/meldingen', { categoryKey: 'woonoverlast', answers: { wat: 'Lawaai', waar: 'Hier' }, reporter: REPORTER, shareConsent: true, meldcode: true, attachments: [{ name: 'p.jpg', contentBase64: photo }] });
    expect(viaApi.statusCode).toBe(201);
    expect((await api('/meldingen', { categoryKey: 'jeugdoverlast', answers: { wat: 'Groep', waar: 'Park' } })).statusCode).toBe(201);
    expect((await api('/meldingen', { categoryKey: 'jeugdoverlast', answers: {}, reporter: { email: REPORTER.name } })).statusCode).toBe(422);
    const { code, phrase } = viaApi.json().meldcode;
    expect((await api('/meldcode-status', { code, phrase })).statusCode).toBe(200);
    expect((await api('/meldcode-status', { code, phrase: 'fout' })).statusCode).toBe(404);
    expect((await api('/additions', { code, phrase, body: 'Meer' })).statusCode).toBe(201);
    expect((await inject({ url: `/api/v1/meldpunt/public/${f.address}/categories` })).statusCode).toBe(200);

    const dump = await dumpDatabase(db);
    const logged = log.join('').toLowerCase();
    // The proof is not empty: the meldingen are there, and the log has the requests.
    expect(dump).toContain('lawaai');
    expect(logged).toContain('/melden/melding');
    expect(logged).toContain('/api/v1/meldpunt/public/');
    for (const fact of REQUEST_FACTS) {
      for (const form of dumpForms(fact)) {
        expect(dump.includes(form), `${fact} in the database`).toBe(false);
        expect(logged.includes(form), `${fact} in the log`).toBe(false);
      }
    }
    for (const detail of Object.values(REPORTER)) {
      for (const form of dumpForms(detail)) {
        expect(dump.includes(form), `${detail} in the database`).toBe(false);
        expect(logged.includes(form), `${detail} in the log`).toBe(false);
      }
    }
    // Encrypted, not lost.
    const [m] = await db.query<{ reporter_enc: string }>('select reporter_enc from meldingen where reporter_enc is not null limit 1');
    expect(app.cipher.decryptJson(m.reporter_enc)).toEqual(REPORTER);
  });
});
