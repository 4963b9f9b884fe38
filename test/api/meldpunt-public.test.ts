import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useApi } from '../api.ts';
import { meldpuntFixture, type MeldpuntFixture } from '../meldpunt.ts';
import { inputValue, multipart, photoWithGps, secretsOf, submitForm, urlencoded } from '../meldpunt-form.ts';
import { fillToken, LIMITS, resetAbuseCounters } from '../../src/server/meldpunt/public/abuse.ts';
import { neutralisePdf, sniff } from '../../src/server/meldpunt/public/attachments.ts';
import { normaliseSecret } from '../../src/server/meldpunt/public/meldcode.ts';

/*
 * The public meldformulier and its API (issue 13, part 1): guidance and steps, field messages that keep what was
 * typed, attachments checked by content and stripped of metadata, idempotent submission, nothing half stored, the
 * meldcode with its status, questions, answers and additions, and the abuse protection.
 */

const ctx = useApi();
let f: MeldpuntFixture;
let path: string;
const count = async (table: string, where = 'true', params: unknown[] = []) =>
  (await ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`, params))[0].n;
const meldingenOf = () => count('meldingen', 'municipality_id = $1', [f.municipality.id]);

beforeAll(async () => {
  f = await meldpuntFixture(ctx.api, ctx.db);
  path = `/openbaar/${f.address}/melden`;
});
beforeEach(() => resetAbuseCounters());

describe('the meldformulier pages', () => {
  it('shows the guidance, step 1 of 3 and the categories; a referral is a link', async () => {
    const res = await ctx.api.app.inject({ url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("form-action 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatch(/<title>[^<]*stap 1 van 3/);
    expect(res.body).toMatch(/<h1[^>]*>Stap 1 van 3/);
    for (const text of ['112', '0900-8844', '0800-7000', 'https://www.meldmisdaadanoniem.nl', 'Typ geen gegevens over uzelf in de omschrijving', 'meldcode']) {
      expect(res.body).toContain(text);
    }
    expect(res.body).toContain('value="ondermijning"');
    expect(res.body).not.toContain('value="openbare-ruimte"');
    expect(res.body).toContain('href="https://meldingen.example.nl/"');
    expect(res.body).not.toMatch(/<script|style="/);
  });

  it('answers 404 for an unknown address and for a municipality without a meldpunt', async () => {
    expect((await ctx.api.app.inject({ url: '/openbaar/bestaat-niet/melden' })).statusCode).toBe(404);
    await ctx.db.query('update meldpunt_categories set is_active = false where municipality_id = $1', [f.other.id]);
    expect((await ctx.api.app.inject({ url: `/openbaar/${f.other.id}/melden` })).statusCode).toBe(404);
    await ctx.db.query('update meldpunt_categories set is_active = true where municipality_id = $1', [f.other.id]);
    expect((await ctx.api.app.inject({ url: `/openbaar/${f.other.id}/melden` })).statusCode).toBe(200);
  });

  it('answers a body it cannot read with a page, never a 500', async () => {
    const res = await ctx.api.app.inject({ method: 'POST', url: `${path}/melding`, payload: '<x/>', headers: { 'content-type': 'application/xml' } });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Begin opnieuw bij de eerste stap');
  });

  it('serves the form classes in the public style sheet', async () => {
    const page = await ctx.api.app.inject({ url: `${path}/melding?categorie=woonoverlast` });
    const sheet = /href="(\/openbaar\/[\w-]+\/melden\/stijl\/melden-[0-9a-f]+\.css)"/.exec(page.body)![1];
    const css = (await ctx.api.app.inject({ url: sheet })).body;
    for (const cls of ['utrecht-form-field', 'utrecht-textbox', 'utrecht-textarea', 'utrecht-button', 'regie-melden-hp']) expect(css).toContain(`.${cls}`);
  });

  it('step 2 asks the category’s questions; without a category step 1 comes back with an error summary', async () => {
    const bad = await ctx.api.app.inject({ url: `${path}/melding` });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toMatch(/<title>Fout: /);
    expect(bad.body).toMatch(/id="fouten" tabindex="-1" autofocus/);
    expect(bad.body).toContain('href="#categorie"');
    const ok = await ctx.api.app.inject({ url: `${path}/melding?categorie=ondermijning` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toMatch(/<h1[^>]*>Stap 2 van 3/);
    for (const q of ['q_wat', 'q_waar', 'q_voertuigen', 'q_bedrijven']) expect(ok.body).toContain(`id="${q}"`);
    expect(inputValue(ok.body, 'tijd')).toMatch(/^\d+\./);
    expect(inputValue(ok.body, 'sleutel')).toMatch(/^[\w-]{16,}$/);
  });

  it('keeps what was typed after an error, with a message per field, and carries the answers to step 3', async () => {
    const page = await ctx.api.app.inject({ url: `${path}/melding?categorie=woonoverlast` });
    const hidden = { stap: '2', categorie: 'woonoverlast', sleutel: inputValue(page.body, 'sleutel')!, tijd: inputValue(page.body, 'tijd')! };
    const bad = await ctx.api.app.inject({ method: 'POST', url: `${path}/melding`, ...urlencoded({ ...hidden, q_waar: 'Het flatgebouw <aan> de Lindelaan', q_hoe_vaak: 'Vaker' }) });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#q_wat"');
    expect(bad.body).toContain('Vul dit veld in');
    expect(bad.body).toContain('value="Het flatgebouw &lt;aan&gt; de Lindelaan"');
    expect(bad.body).toMatch(/value="Vaker" checked/);
    const next = await ctx.api.app.inject({ method: 'POST', url: `${path}/melding`, ...urlencoded({ ...hidden, q_wat: 'Harde muziek', q_waar: 'Lindelaan 1' }) });
    expect(next.statusCode).toBe(200);
    expect(next.body).toMatch(/<h1[^>]*>Stap 3 van 3/);
    expect(next.body).toContain('enctype="multipart/form-data"');
    expect(inputValue(next.body, 'q_wat')).toBe('Harde muziek');
    expect(inputValue(next.body, 'sleutel')).toBe(hidden.sleutel);
  });
});

describe('submitting', () => {
  it('stores an anonymous melding with a photo re-encoded without EXIF or GPS, and gives a meldnummer and a meldcode', async () => {
    const photo = await photoWithGps();
    expect((await sharp(photo).metadata()).exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD is there
    const before = await meldingenOf();
    const res = await submitForm(ctx.api.app, f.address, { files: [{ name: 'foto.jpg', type: 'image/jpeg', bytes: photo }], fields: { meldcode: 'ja' } });
    expect(res.status).toBe(200);
    expect(res.html).toMatch(/M-\d{4}-\d{4}/);
    const { code, phrase } = secretsOf(res.html);
    expect(normaliseSecret(code)).toHaveLength(28);
    expect(normaliseSecret(phrase)).toHaveLength(28);
    expect(await meldingenOf()).toBe(before + 1);
    const [m] = await ctx.db.query<{ id: string; reporter_enc: string | null; source: string }>(
      'select id, reporter_enc, source from meldingen where municipality_id = $1 order by received_at desc limit 1', [f.municipality.id]);
    expect(m.reporter_enc).toBeNull();
    expect(m.source).toBe('public');
    const [file] = await ctx.db.query<{ content: Uint8Array; media_type: string }>('select content, media_type from melding_files where melding_id = $1', [m.id]);
    const stored = Buffer.from(file.content);
    expect(file.media_type).toBe('image/jpeg');
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.includes('Exif')).toBe(false);
    expect(stored.includes('EXIFMARKER')).toBe(false);
    // The code only as its HMAC, the phrase only as an argon2id hash.
    const [c] = await ctx.db.query<{ code_hmac: string; phrase_hash: string }>('select code_hmac, phrase_hash from melding_codes where melding_id = $1', [m.id]);
    expect(c.phrase_hash).toMatch(/^\$argon2id\$/);
    expect(c.code_hmac).not.toContain(normaliseSecret(code));
  });

  it('refuses a disguised file with the reason, asks to add the files again, and stores nothing', async () => {
    const before = await meldingenOf();
    const res = await submitForm(ctx.api.app, f.address, { files: [{ name: 'foto.jpg', type: 'image/jpeg', bytes: Buffer.from('MZ dit is geen foto') }], fields: { name: 'Piet', meldcode: 'ja' } });
    expect(res.status).toBe(422);
    expect(res.html).toContain('foto.jpg is geen JPEG-, PNG- of pdf-bestand');
    expect(res.html).toContain('Voeg de bestanden opnieuw toe');
    expect(inputValue(res.html, 'name')).toBe('Piet');
    expect(res.html).toMatch(/id="meldcode" name="meldcode" value="ja" checked/);
    expect(await meldingenOf()).toBe(before);
  });

  it('refuses more than 5 files and a file over 10 MB', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'blue' } }).png().toBuffer();
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, type: 'image/png', bytes: png }));
    const many = await submitForm(ctx.api.app, f.address, { files: six });
    expect(many.status).toBe(422);
    expect(many.html).toContain('hoogstens 5 bestanden');
    const big = await submitForm(ctx.api.app, f.address, { files: [{ name: 'groot.png', type: 'image/png', bytes: Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]) }] });
    expect(big.status).toBe(422);
    expect(big.html).toContain('groot.png is groter dan 10 MB');
  });

  it('checks the contact details, stores them encrypted, with consent apart', async () => {
    const bad = await submitForm(ctx.api.app, f.address, { fields: { email: 'geen-adres', phone: 'bel mij' } });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('href="#email"');
    expect(bad.html).toContain('href="#phone"');
    const key = randomUUID().replace(/-/g, '');
    const ok = await submitForm(ctx.api.app, f.address, { key, fields: { name: 'Jan Melder', email: 'jan@voorbeeld.nl', phone: '06 1234 5678', delen: 'ja' } });
    expect(ok.status).toBe(200);
    const [m] = await ctx.db.query<{ reporter_enc: string; share_consent: boolean }>(
      'select reporter_enc, share_consent from meldingen where idempotency_hash = $1', [ctx.api.app.cipher.hmac('idempotency', key)]);
    expect(m.share_consent).toBe(true);
    expect(m.reporter_enc).not.toContain('Jan');
    expect(ctx.api.app.cipher.decryptJson(m.reporter_enc)).toEqual({ name: 'Jan Melder', email: 'jan@voorbeeld.nl', phone: '06 1234 5678' });
  });

  it('submits once on a double click, and shows the same meldcode again', async () => {
    const before = await meldingenOf();
    const key = randomUUID().replace(/-/g, '');
    const [a, b] = await Promise.all([1, 2].map(() => submitForm(ctx.api.app, f.address, { key, fields: { meldcode: 'ja' } })));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await meldingenOf()).toBe(before + 1);
    expect(secretsOf(a.html)).toEqual(secretsOf(b.html));
    expect(/M-\d{4}-\d{4}/.exec(a.html)![0]).toBe(/M-\d{4}-\d{4}/.exec(b.html)![0]);
  });

  it('stores nothing half when the transaction fails', async () => {
    await ctx.db.query(`create function test_fail_file() returns trigger language plpgsql as $$ begin raise exception 'schijf vol'; end $$`);
    await ctx.db.query('create trigger test_fail_file before insert on melding_files for each row execute function test_fail_file()');
    try {
      const before = [await meldingenOf(), await count('melding_codes'), await count('melding_events'), await count('processing_log')];
      const res = await submitForm(ctx.api.app, f.address, { files: [{ name: 'f.jpg', type: 'image/jpeg', bytes: await photoWithGps() }], fields: { meldcode: 'ja' } });
      expect(res.status).toBe(500);
      expect(res.html).not.toContain('schijf vol');
      expect(res.html).toContain('Er is niets opgeslagen');
      expect([await meldingenOf(), await count('melding_codes'), await count('melding_events'), await count('processing_log')]).toEqual(before);
    } finally {
      await ctx.db.query('drop trigger test_fail_file on melding_files');
      await ctx.db.query('drop function test_fail_file()');
    }
  });

  it('refuses a form sent too fast and a forged time, and ignores a filled honeypot', async () => {
    const before = await meldingenOf();
    const fast = await submitForm(ctx.api.app, f.address, { fields: { tijd: fillToken() } });
    expect(fast.status).toBe(422);
    expect(fast.html).toContain('heel snel verstuurd');
    const forged = await submitForm(ctx.api.app, f.address, { fields: { tijd: `${Date.now() - 60_000}.nep` } });
    expect(forged.status).toBe(422);
    const bot = await submitForm(ctx.api.app, f.address, { fields: { website: 'http://spam.example' } });
    expect(bot.status).toBe(200);
    expect(bot.html).not.toMatch(/M-\d{4}-\d{4}/);
    expect(await meldingenOf()).toBe(before);
  });

  it('limits submissions per address per hour, and per municipality per hour', async () => {
    const keep = { ...LIMITS };
    try {
      LIMITS.submissionsPerHour = 2;
      const from = (ip: string) => ({ inject: { remoteAddress: ip } });
      expect((await submitForm(ctx.api.app, f.address, from('198.51.100.1'))).status).toBe(200);
      expect((await submitForm(ctx.api.app, f.address, from('198.51.100.1'))).status).toBe(200);
      const third = await submitForm(ctx.api.app, f.address, from('198.51.100.1'));
      expect(third.status).toBe(429);
      expect(third.html).toContain('te vaak geprobeerd');
      expect((await submitForm(ctx.api.app, f.address, from('198.51.100.2'))).status).toBe(200);
      LIMITS.perMunicipalityPerHour = 3;
      expect((await submitForm(ctx.api.app, f.address, from('198.51.100.3'))).status).toBe(503);
    } finally {
      Object.assign(LIMITS, keep);
    }
  });
});

describe('the meldcode', () => {
  let secret: { code: string; phrase: string };
  let meldingId: string;
  beforeAll(async () => {
    resetAbuseCounters();
    const res = await submitForm(ctx.api.app, f.address, { category: 'jeugdoverlast', fields: { meldcode: 'ja' } });
    secret = secretsOf(res.html);
    [{ id: meldingId }] = await ctx.db.query<{ id: string }>(
      'select m.id from meldingen m join melding_codes c on c.melding_id = m.id where c.code_hmac = $1', [ctx.api.app.cipher.hmac('meldcode', normaliseSecret(secret.code))]);
  });
  const post = (fields: Record<string, string>, ip = '192.0.2.10') =>
    ctx.api.app.inject({ method: 'POST', url: `${path}/status`, remoteAddress: ip, ...urlencoded(fields) });

  it('shows the coarse status with the right code and phrase, in any case and spacing, and logs the read', async () => {
    const logged = await count('processing_log', 'subject_ref = $1', [meldingId]);
    const res = await post({ actie: 'bekijken', code: secret.code.toLowerCase().replace(/-/g, ' '), zin: secret.phrase });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/data-testid="publieke-status">Ontvangen</);
    expect(res.body).toContain('Jeugdoverlast');
    expect(await count('processing_log', 'subject_ref = $1', [meldingId])).toBe(logged + 1);
  });

  it('gives a wrong code and a wrong phrase the same answer', async () => {
    const wrongPhrase = await post({ actie: 'bekijken', code: secret.code, zin: 'AAAA-BBBB' });
    const wrongCode = await post({ actie: 'bekijken', code: 'AAAA-BBBB', zin: secret.phrase });
    expect(wrongPhrase.statusCode).toBe(422);
    expect(wrongCode.statusCode).toBe(422);
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '');
    expect(strip(wrongPhrase.body)).toBe(strip(wrongCode.body));
    const api = (body: unknown) => ctx.api.app.inject({ method: 'POST', url: `/api/v1/meldpunt/public/${f.address}/meldcode-status`, payload: body as object });
    const [a, b] = await Promise.all([api({ code: secret.code, phrase: 'x' }), api({ code: 'x', phrase: secret.phrase })]);
    expect([a.statusCode, b.statusCode]).toEqual([404, 404]);
    expect(a.body).toBe(b.body);
  });

  it('lets the reporter answer the handler’s question and add information', async () => {
    await ctx.db.query(`insert into melding_messages (id, melding_id, kind, body, author_id) values ($1, $2, 'question', 'Hoe laat was het ongeveer?', $3)`,
      [randomUUID(), meldingId, f.userIds.behandelaar]);
    const view = await post({ actie: 'bekijken', code: secret.code, zin: secret.phrase });
    expect(view.body).toContain('Hoe laat was het ongeveer?');
    expect(view.body).toContain('name="antwoord"');
    const empty = await post({ actie: 'antwoord', code: secret.code, zin: secret.phrase, antwoord: ' ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#antwoord"');
    const answered = await post({ actie: 'antwoord', code: secret.code, zin: secret.phrase, antwoord: 'Rond elf uur.' });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('Uw antwoord is verstuurd');
    expect(answered.body).not.toContain('name="antwoord"');
    const added = await post({ actie: 'aanvulling', code: secret.code, zin: secret.phrase, aanvulling: 'Het gebeurt vaker op vrijdag.' });
    expect(added.statusCode).toBe(200);
    const messages = await ctx.db.query<{ kind: string; body: string; author_id: string | null }>(
      'select kind, body, author_id from melding_messages where melding_id = $1 and kind <> \'question\' order by created_at', [meldingId]);
    expect(messages).toEqual([{ kind: 'answer', body: 'Rond elf uur.', author_id: null }, { kind: 'addition', body: 'Het gebeurt vaker op vrijdag.', author_id: null }]);
    expect(await count('melding_events', `melding_id = $1 and kind in ('reporter_answered', 'reporter_added')`, [meldingId])).toBe(2);
  });

  it('tells the behandelaars in the app of a new melding and of the reporter’s replies, with a link and no content', async () => {
    const notes = await ctx.db.query<{ user_id: string; kind: string; link: string }>(
      'select user_id, kind, link from notifications where link = $1 order by created_at', [`/meldpunt/meldingen/${meldingId}`]);
    // Jeugdoverlast: the behandelaar of all categories, not the one of woonoverlast only; then the answer and the addition.
    expect(notes.filter((n) => n.kind === 'nieuwe_melding').map((n) => n.user_id)).toEqual([f.userIds.behandelaar]);
    expect(notes.filter((n) => n.kind === 'reactie_melder').map((n) => n.user_id)).toEqual([f.userIds.behandelaar, f.userIds.behandelaar]);
    expect(JSON.stringify(await ctx.db.query('select * from notifications'))).not.toMatch(/elf uur|vrijdag/);
  });

  it('adds nothing to a closed melding', async () => {
    await ctx.db.query(`update meldingen set status = 'afgesloten' where id = $1`, [meldingId]);
    const res = await post({ actie: 'aanvulling', code: secret.code, zin: secret.phrase, aanvulling: 'Nog iets.' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toMatch(/data-testid="publieke-status">Afgerond</);
    expect(res.body).not.toContain('name="aanvulling"');
    await ctx.db.query(`update meldingen set status = 'nieuw' where id = $1`, [meldingId]);
  });

  it('throttles lookups per address', async () => {
    const keep = LIMITS.lookupsPerHour;
    try {
      LIMITS.lookupsPerHour = 2;
      for (let i = 0; i < 2; i++) expect((await post({ code: 'x', zin: 'y' }, '192.0.2.99')).statusCode).toBe(422);
      const res = await post({ code: secret.code, zin: secret.phrase }, '192.0.2.99');
      expect(res.statusCode).toBe(429);
      expect((await post({ code: secret.code, zin: secret.phrase }, '192.0.2.98')).statusCode).toBe(200);
    } finally {
      LIMITS.lookupsPerHour = keep;
    }
  });
});

describe('the API', () => {
  const base = () => `/api/v1/meldpunt/public/${f.address}`;
  it('lists the categories with their questions; 404 for an unknown municipality', async () => {
    const res = await f.as.anoniem.get(`/meldpunt/public/${f.address}/categories`);
    expect(res.status).toBe(200);
    expect(res.body.categories.map((c: { key: string }) => c.key)).toContain('ondermijning');
    expect(res.body.categories.find((c: { key: string }) => c.key === 'openbare-ruimte').referralUrl).toBeTruthy();
    expect((await f.as.anoniem.get('/meldpunt/public/nergens/categories')).status).toBe(404);
  });

  it('takes a melding with a base64 photo, stripped, idempotent, and answers with field messages', async () => {
    const bad = await f.as.anoniem.post(`/meldpunt/public/${f.address}/meldingen`, { categoryKey: 'woonoverlast', answers: { waar: 'x' }, reporter: { email: 'nee' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual(expect.arrayContaining([{ path: 'answers.wat', message: 'Vul dit veld in' }, expect.objectContaining({ path: 'reporter.email' })]));
    const referral = await f.as.anoniem.post(`/meldpunt/public/${f.address}/meldingen`, { categoryKey: 'openbare-ruimte', answers: {} });
    expect(referral.status).toBe(422);
    const body = {
      categoryKey: 'woonoverlast', answers: { wat: 'Geluidsoverlast', waar: 'Lindelaan' }, meldcode: true, idempotencyKey: randomUUID(),
      attachments: [{ name: 'foto.jpg', contentBase64: (await photoWithGps()).toString('base64') }],
    };
    const before = await meldingenOf();
    const first = await f.as.anoniem.post(`/meldpunt/public/${f.address}/meldingen`, body);
    expect(first.status).toBe(201);
    expect(first.body.number).toMatch(/^M-\d{4}-\d{4}$/);
    const again = await f.as.anoniem.post(`/meldpunt/public/${f.address}/meldingen`, body);
    expect(again.body).toEqual(first.body);
    expect(await meldingenOf()).toBe(before + 1);
    const [file] = await ctx.db.query<{ content: Uint8Array }>(
      `select fl.content from melding_files fl join meldingen m on m.id = fl.melding_id where m.idempotency_hash = $1`, [ctx.api.app.cipher.hmac('idempotency', body.idempotencyKey)]);
    expect((await sharp(Buffer.from(file.content)).metadata()).exif).toBeUndefined();
    const disguised = await f.as.anoniem.post(`/meldpunt/public/${f.address}/meldingen`, { ...body, idempotencyKey: undefined, attachments: [{ name: 'a.pdf', contentBase64: Buffer.from('geen pdf').toString('base64') }] });
    expect(disguised.status).toBe(422);
    expect(disguised.body.errors[0]).toEqual({ path: 'attachments', message: expect.stringContaining('a.pdf is geen JPEG-, PNG- of pdf-bestand') });

    const { code, phrase } = first.body.meldcode;
    const status = await ctx.api.app.inject({ method: 'POST', url: `${base()}/meldcode-status`, payload: { code, phrase } });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ number: first.body.number, status: 'ontvangen', openQuestionId: null, canAdd: true });
    const noQuestion = await ctx.api.app.inject({ method: 'POST', url: `${base()}/answers`, payload: { code, phrase, body: 'Antwoord' } });
    expect(noQuestion.statusCode).toBe(409);
    const added = await ctx.api.app.inject({ method: 'POST', url: `${base()}/additions`, payload: { code, phrase, body: 'Nog meer' } });
    expect(added.statusCode).toBe(201);
    expect(added.json().messages).toEqual([expect.objectContaining({ kind: 'addition', body: 'Nog meer' })]);
  });
});

describe('attachments by content', () => {
  it('tells the type from the magic bytes, not the name', () => {
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniff(Buffer.from('GIF89a'))).toBeNull();
  });

  it('blanks a PDF’s document information and XMP, and refuses what it cannot reach', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Author (Jan Melder) /Producer <4A616E> >> endobj\n2 0 obj << /Type /Metadata /Subtype /XML >> stream\n<?xpacket begin="x"?><x:xmpmeta>Jan Melder</x:xmpmeta><?xpacket end="w"?>\nendstream endobj\n%%EOF');
    const out = neutralisePdf(pdf)!;
    expect(out.length).toBe(pdf.length);
    expect(out.includes('Jan Melder')).toBe(false);
    expect(out.includes('4A616E')).toBe(false);
    expect(neutralisePdf(Buffer.from('%PDF-1.5\n1 0 obj << /Type /ObjStm >> endobj'))).toBeNull();
    expect(neutralisePdf(Buffer.from('%PDF-1.5\n1 0 obj << /Type /Metadata /Filter /FlateDecode >> stream\nxx\nendstream'))).toBeNull();
    expect(neutralisePdf(Buffer.from('%PDF-1.5\n1 0 obj << /Filter /DCTDecode >> stream\n\xff\xd8\xff\xe1Exif\0\0 endstream'))).toBeNull();
  });
});

void multipart;
