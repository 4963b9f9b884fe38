import { beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../api.ts';
import { meldpuntFixture, type MeldpuntFixture } from '../meldpunt.ts';
import { makeMelding } from '../meldpunt-melding.ts';
import { ensureDefaultCategories } from '../../src/server/meldpunt/repository.ts';

/*
 * The meldpunt's back office (issue 13, part 3–4): need-to-know in the queue and on a melding, status transitions,
 * CCV triage with who and when, "geen actie" kept one year, merging, questions, internal signals, M. tips, optimistic
 * concurrency, the processing log per read and an audit trail without content.
 */

const ctx = useApi();
let f: MeldpuntFixture;
beforeAll(async () => {
  f = await meldpuntFixture(ctx.api, ctx.db);
});

const queueIds = async (who: keyof MeldpuntFixture['as'], q = '') =>
  ((await f.as[who].get(`/meldpunt/meldingen?status=alle&limit=200${q}`)).body.items ?? []).map((i: { id: string }) => i.id);

describe('need-to-know', () => {
  it('shows each behandelaar only the meldingen of their municipality and categories; nobody else sees any', async () => {
    const ond = await makeMelding(ctx, f, 'ondermijning');
    const woon = await makeMelding(ctx, f, 'woonoverlast');
    expect(await queueIds('behandelaar')).toEqual(expect.arrayContaining([ond.id, woon.id]));
    const woonIds = await queueIds('behandelaar woonoverlast');
    expect(woonIds).toContain(woon.id);
    expect(woonIds).not.toContain(ond.id);
    for (const who of ['adviseur', 'beheerder', 'behandelaar andere gemeente', 'partner politie'] as const) {
      expect(await queueIds(who)).toEqual([]);
      expect((await f.as[who].get(`/meldpunt/meldingen/${ond.id}`)).status).toBe(404);
    }
    expect((await f.as['behandelaar woonoverlast'].get(`/meldpunt/meldingen/${ond.id}`)).status).toBe(404);
    expect((await f.as['behandelaar woonoverlast'].get(`/meldpunt/meldingen/${woon.id}`)).status).toBe(200);
    expect((await f.as.anoniem.get('/meldpunt/meldingen')).status).toBe(401);
    expect((await f.as.anoniem.get(`/meldpunt/meldingen/${ond.id}`)).status).toBe(401);
  });

  it('filters and orders the queue and flags a melding past its response time', async () => {
    const old = await makeMelding(ctx, f, 'zorg', { receivedAt: new Date(Date.now() - 20 * 86_400_000).toISOString() });
    const res = await f.as.behandelaar.get('/meldpunt/meldingen?category=zorg&order=oudste');
    expect(res.status).toBe(200);
    const item = res.body.items.find((i: { id: string }) => i.id === old.id);
    expect(item.lateDays).toBeGreaterThan(0);
    expect(item.ageDays).toBeGreaterThanOrEqual(14);
    expect(res.body.items.every((i: { category: { key: string } }) => i.category.key === 'zorg')).toBe(true);
    const page = await f.as.behandelaar.get('/meldpunt/meldingen?status=alle&limit=1&order=nieuwste');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.hasMore).toBe(true);
  });

  it('shows the contact details in clear to the handlers only and writes a processing-log row per read', async () => {
    const m = await makeMelding(ctx, f, 'woonoverlast', { reporter: { name: 'Jan Testmelder', email: 'jan@example.org' } });
    const clear = await f.as.behandelaar.get(`/meldpunt/meldingen/${m.id}`);
    expect(clear.body.reporter).toEqual({ name: 'Jan Testmelder', email: 'jan@example.org' });
    expect(clear.body.reporterMasked).toBe(false);
    await f.as['behandelaar woonoverlast'].get(`/meldpunt/meldingen/${m.id}`);
    const rows = await ctx.db.query<{ activity: string }>(`select activity from processing_log where subject_ref = $1 and activity = 'melding lezen'`, [m.id]);
    expect(rows).toHaveLength(2);
  });
});

describe('status and triage', () => {
  it('follows the transitions as data; closing and reopening need a text', async () => {
    const m = await makeMelding(ctx, f, 'woonoverlast');
    const b = f.as.behandelaar;
    expect((await b.post(`/meldpunt/meldingen/${m.id}/status`, { to: 'doorgestuurd', version: 1 })).status).toBe(422);
    expect((await b.post(`/meldpunt/meldingen/${m.id}/status`, { to: 'afgesloten', version: 1 })).body.errors[0].path).toBe('text');
    const closed = await b.post(`/meldpunt/meldingen/${m.id}/status`, { to: 'afgesloten', text: 'Opgelost met de buren', version: 1 });
    expect(closed.status).toBe(200);
    expect((await b.get(`/meldpunt/meldingen/${m.id}`)).body.closingReason).toBe('Opgelost met de buren');
    expect((await b.post(`/meldpunt/meldingen/${m.id}/status`, { to: 'in_behandeling', version: 2 })).status).toBe(422);
    const reopened = await b.post(`/meldpunt/meldingen/${m.id}/status`, { to: 'in_behandeling', text: 'Weer overlast', version: 2 });
    expect(reopened.body).toMatchObject({ status: 'in_behandeling', version: 3 });
    const d = (await b.get(`/meldpunt/meldingen/${m.id}`)).body;
    expect(d.closingReason).toBeNull();
    expect(d.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['nieuw', 'afgesloten', 'in_behandeling']);
  });

  it('records the CCV wegingen in order with who and when; "geen actie" closes and keeps the signal one year', async () => {
    const m = await makeMelding(ctx, f, 'ondermijning');
    const b = f.as.behandelaar;
    expect((await b.post(`/meldpunt/meldingen/${m.id}/triage`, { answer: { weging: 2, gemeentelijkeTaak: true, grondgebied: true, toelichting: '' }, version: 1 })).status).toBe(422);
    const w1 = await b.post(`/meldpunt/meldingen/${m.id}/triage`, { answer: { weging: 1, isOndermijning: true, lokaleVerankering: true, signalen: 'Veel contant geld' }, version: 1 });
    expect(w1.body).toMatchObject({ status: 'in_behandeling', version: 2 });
    await b.post(`/meldpunt/meldingen/${m.id}/triage`, { answer: { weging: 2, gemeentelijkeTaak: true, grondgebied: true, toelichting: 'Vergunning' }, version: 2 });
    const w3 = await b.post(`/meldpunt/meldingen/${m.id}/triage`, { answer: { weging: 3, ernst: 'laag', uitkomst: 'geen_actie', toelichting: 'Geen aanwijzingen' }, version: 3 });
    expect(w3.body.status).toBe('afgesloten');
    const d = (await b.get(`/meldpunt/meldingen/${m.id}`)).body;
    expect(d.triage['1']).toMatchObject({ isOndermijning: true, decidedBy: f.userIds.behandelaar, decidedByName: 'Behandelaar' });
    expect(Date.parse(d.triage['3'].decidedAt)).toBeGreaterThan(Date.now() - 60_000);
    const expected = new Date();
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    expect(d.retainUntil.slice(0, 4)).toBe(String(expected.getUTCFullYear()));
    expect(d.closingReason).toMatch(/Geen actie/);
    expect(d.events.filter((e: { kind: string }) => e.kind === 'triage').map((e: { weging: number }) => e.weging)).toEqual([1, 2, 3]);
    expect((await b.post(`/meldpunt/meldingen/${m.id}/triage`, { answer: { weging: 4, aanpak: 'riec', toelichting: '' }, version: 4 })).status).toBe(409);
  });

  it('answers 409 to all but one of 20 concurrent edits with the same version', async () => {
    const m = await makeMelding(ctx, f, 'woonoverlast');
    const b = f.as.behandelaar;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2
      ? b.post(`/meldpunt/meldingen/${m.id}/status`, { to: 'in_behandeling', version: 1 })
      : b.patch(`/meldpunt/meldingen/${m.id}`, { handlerId: f.userIds.behandelaar, version: 1 }))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect((await b.get(`/meldpunt/meldingen/${m.id}`)).body.version).toBe(2);
  });
});

describe('handling', () => {
  it('assigns, links to a theme and activity of the municipality, and refuses what is not its', async () => {
    const m = await makeMelding(ctx, f, 'woonoverlast');
    const b = f.as.behandelaar;
    const plan = await ctx.api.create('/plans', { kind: 'ivp', title: 'IVP', periodStart: '2025-Q1', periodEnd: '2026-Q4', ownerId: f.municipality.id });
    const theme = await ctx.api.create('/themes', { title: 'Woonoverlast', scope: 'local', planId: plan.id });
    const act = await ctx.api.create('/activities', { title: 'Buurtbemiddeling', timeframeText: '2025', frequencyText: '', themeId: theme.id });
    expect((await b.patch(`/meldpunt/meldingen/${m.id}`, { handlerId: f.userIds.adviseur, version: 1 })).body.errors[0].path).toBe('handlerId');
    const res = await b.patch(`/meldpunt/meldingen/${m.id}`, { handlerId: f.userIds['behandelaar woonoverlast'], themeId: theme.id, activityId: act.id, version: 1 });
    expect(res.status).toBe(200);
    const d = (await b.get(`/meldpunt/meldingen/${m.id}`)).body;
    expect(d.handler.id).toBe(f.userIds['behandelaar woonoverlast']);
    expect(d.theme.id).toBe(theme.id);
    expect(d.activity.id).toBe(act.id);
    expect(await queueIds('behandelaar woonoverlast', '&assigned=me')).toContain(m.id);
    const otherPlan = await ctx.api.create('/plans', { kind: 'ivp', title: 'IVP', periodStart: '2025-Q1', periodEnd: '2026-Q4', ownerId: f.other.id });
    const otherTheme = await ctx.api.create('/themes', { title: 'Elders', scope: 'local', planId: otherPlan.id });
    expect((await b.patch(`/meldpunt/meldingen/${m.id}`, { themeId: otherTheme.id, version: 2 })).status).toBe(422);
  });

  it('adds notes the official who reported the signal does not see', async () => {
    const b = f.as.behandelaar;
    const s = await f.as.adviseur.post('/meldpunt/signals', { municipalityId: f.municipality.id, categoryId: f.category('jeugdoverlast').id, answers: { wat: 'Groep bij de skatebaan', waar: 'Park' } });
    expect(s.status).toBe(201);
    expect(s.body.number).toMatch(/^M-\d{4}-\d{4}$/);
    expect((await b.post(`/meldpunt/meldingen/${s.body.id}/notes`, { body: 'Interne notitie' })).status).toBe(201);
    await b.post(`/meldpunt/meldingen/${s.body.id}/triage`, { answer: { weging: 1, isOndermijning: false, lokaleVerankering: false, signalen: '' }, version: 1 });
    const own = await f.as.adviseur.get(`/meldpunt/meldingen/${s.body.id}`);
    expect(own.status).toBe(200);
    expect(own.body.messages).toEqual([]);
    expect(own.body.triage).toEqual({});
    expect(own.body.events).toEqual([]);
    expect(own.body.canHandle).toBe(false);
    const d = (await b.get(`/meldpunt/meldingen/${s.body.id}`)).body;
    expect(d.source).toBe('internal');
    expect(d.internalReporter.id).toBe(f.userIds.adviseur);
    expect(d.messages.map((x: { kind: string }) => x.kind)).toEqual(['note']);
    expect((await f.as.adviseur.post(`/meldpunt/meldingen/${s.body.id}/notes`, { body: 'x' })).status).toBe(404);
  });

  it('asks the reporter a question: the melding waits for the reporter', async () => {
    const b = f.as.behandelaar;
    const anonymous = await makeMelding(ctx, f, 'woonoverlast');
    expect((await b.post(`/meldpunt/meldingen/${anonymous.id}/questions`, { body: 'Welk huisnummer?', version: 1 })).status).toBe(409);
    const m = await makeMelding(ctx, f, 'woonoverlast');
    await ctx.db.query(`insert into melding_codes (code_hmac, melding_id, phrase_hash) values ($1, $2, 'x')`, [`test-${m.id}`, m.id]);
    const res = await b.post(`/meldpunt/meldingen/${m.id}/questions`, { body: 'Welk huisnummer?', version: 1 });
    expect(res.body).toMatchObject({ status: 'wacht_op_melder', version: 2 });
    const d = (await b.get(`/meldpunt/meldingen/${m.id}`)).body;
    expect(d.messages).toMatchObject([{ kind: 'question', body: 'Welk huisnummer?' }]);
    expect(d.publicStatus).toBe('in_behandeling');
  });

  it('merges a duplicate into a main melding of the same municipality', async () => {
    const b = f.as.behandelaar;
    const main = await makeMelding(ctx, f, 'woonoverlast');
    const dup = await makeMelding(ctx, f, 'woonoverlast');
    const elsewhere = await makeMelding(ctx, f, 'woonoverlast', { municipalityId: f.other.id, categoryId: (await ensureDefaultCategories(ctx.db, f.other.id)).find((c) => c.key === 'woonoverlast')!.id });
    expect((await b.post(`/meldpunt/meldingen/${dup.id}/merge`, { mainId: elsewhere.id, version: 1 })).status).toBe(422);
    expect((await b.post(`/meldpunt/meldingen/${dup.id}/merge`, { mainId: dup.id, version: 1 })).status).toBe(422);
    const res = await b.post(`/meldpunt/meldingen/${dup.id}/merge`, { mainId: main.id, version: 1 });
    expect(res.body).toMatchObject({ status: 'samengevoegd', version: 2 });
    const d = (await b.get(`/meldpunt/meldingen/${dup.id}`)).body;
    expect(d.main).toEqual({ id: main.id, number: main.number });
    expect(d.nextStatuses).toEqual([]);
    expect((await b.post(`/meldpunt/meldingen/${main.id}/merge`, { mainId: dup.id, version: 1 })).status).toBe(422);
  });

  it('downloads a stored attachment with its type, as an attachment', async () => {
    const m = await makeMelding(ctx, f, 'woonoverlast');
    await ctx.db.query(`insert into melding_files (id, melding_id, media_type, size, sha256, content) values (gen_random_uuid(), $1, 'application/pdf', 8, 'x', $2)`,
      [m.id, Buffer.from('%PDF-1.4')]);
    const d = (await f.as.behandelaar.get(`/meldpunt/meldingen/${m.id}`)).body;
    const file = await f.as.behandelaar.bytes(`/meldpunt/meldingen/${m.id}/files/${d.files[0].id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename="M-\d{4}-\d{4}-1\.pdf"$/);
    expect(file.bytes.toString()).toBe('%PDF-1.4');
    expect((await f.as.adviseur.bytes(`/meldpunt/meldingen/${m.id}/files/${d.files[0].id}`)).status).toBe(404);
    expect((await f.as.behandelaar.bytes(`/meldpunt/meldingen/${m.id}/files/${m.id}`)).status).toBe(404);
  });
});

describe('internal signals and M. tips', () => {
  it('takes an internal signal from any official of the municipality, not from a partner', async () => {
    const body = { municipalityId: f.municipality.id, categoryId: f.category('zorg').id, answers: { wat: 'Verward gedrag', waar: 'Station' } };
    expect((await f.as.beheerder.post('/meldpunt/signals', body)).status).toBe(201);
    expect((await f.as['partner politie'].post('/meldpunt/signals', body)).status).toBe(403);
    expect((await f.as.anoniem.post('/meldpunt/signals', body)).status).toBe(401);
    const missing = await f.as.beheerder.post('/meldpunt/signals', { ...body, answers: { wat: 'x' } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].path).toBe('answers.waar');
    const referral = await f.as.beheerder.post('/meldpunt/signals', { ...body, categoryId: f.category('openbare-ruimte').id, answers: {} });
    expect(referral.status).toBe(422);
    const cats = (await f.as.beheerder.get('/meldpunt/signals/categories')).body;
    expect(cats[0].categories.map((c: { key: string }) => c.key)).not.toContain('openbare-ruimte');
  });

  it('registers a tip of Meld Misdaad Anoniem without any reporter fields, by a behandelaar only', async () => {
    const body = { municipalityId: f.municipality.id, categoryId: f.category('ondermijning').id, answers: { wat: 'Hennepkwekerij', waar: 'Schuur aan de dijk' } };
    expect((await f.as.adviseur.post('/meldpunt/tips', body)).status).toBe(403);
    expect((await f.as['behandelaar woonoverlast'].post('/meldpunt/tips', body)).status).toBe(403);
    expect((await f.as.behandelaar.post('/meldpunt/tips', { ...body, reporter: { name: 'X' } })).status).toBe(422);
    const tip = await f.as.behandelaar.post('/meldpunt/tips', body);
    expect(tip.status).toBe(201);
    const [row] = await ctx.db.query<{ source: string; reporter_enc: string | null; internal_reporter_id: string | null }>(
      'select source, reporter_enc, internal_reporter_id from meldingen where id = $1', [tip.body.id]);
    expect(row).toEqual({ source: 'mma', reporter_enc: null, internal_reporter_id: null });
  });
});

describe('audit trail', () => {
  it('holds ids and field names, never the content of a melding', async () => {
    const secret = `Geheime omschrijving ${Date.now()}`;
    const s = await f.as.adviseur.post('/meldpunt/signals', { municipalityId: f.municipality.id, categoryId: f.category('ondermijning').id, answers: { wat: secret, waar: 'Loods 7' } });
    const b = f.as.behandelaar;
    await b.post(`/meldpunt/meldingen/${s.body.id}/notes`, { body: `${secret} notitie` });
    await b.post(`/meldpunt/meldingen/${s.body.id}/status`, { to: 'afgesloten', text: `${secret} reden`, version: 1 });
    const rows = await ctx.db.query<{ after: unknown }>(`select after from audit_events where entity = 'meldingen' and entity_id = $1`, [s.body.id]);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(rows)).not.toContain('Geheime');
    expect(JSON.stringify(rows)).not.toContain('Loods');
    expect(rows.map((r) => r.after)).toContainEqual(expect.objectContaining({ fields: ['status', 'closing_reason'] }));
  });
});
