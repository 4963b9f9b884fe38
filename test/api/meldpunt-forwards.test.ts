import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { useApi } from '../api.ts';
import { dumpDatabase, foundIn } from '../dump.ts';
import { meldpuntFixture, type MeldpuntFixture } from '../meldpunt.ts';
import { startSmtp, type TestSmtp } from '../smtp.ts';
import { insertMelding } from '../../src/server/meldpunt/repository.ts';
import { newTraceId } from '../../src/server/meldpunt/processing-log.ts';
import { notifyForwardReceived, notifyNewMelding, notifyReporterReply } from '../../src/server/meldpunt/notifications.ts';
import { reporterFor } from '../../src/server/meldpunt/reporter.ts';
import { runRetention } from '../../src/server/meldpunt/retention.ts';
import { createMailer } from '../../src/server/core/mail.ts';
import { MASK } from '../../src/domain/meldpunt.ts';

/*
 * Forwarding with redaction, the partner's inbox, masking of contact details, notifications without content, the
 * beheerder's categories and behandelaars, and the retention that destroys (issue 13, part 4).
 */

const ctx = useApi();
let f: MeldpuntFixture;
let smtp: TestSmtp;
beforeAll(async () => {
  f = await meldpuntFixture(ctx.api, ctx.db);
  smtp = await startSmtp();
});
afterAll(async () => smtp?.close());

const REPORTER = { name: 'Henk Melder-Uniek', email: 'henk.uniek@melder.test', phone: '06 12345678' };

/** A melding of the fixture's municipality, in behandeling unless told. */
async function melding(over: { key?: string; consent?: boolean; anonymous?: boolean; status?: string; wat?: string } = {}) {
  const created = await ctx.db.transaction((tx) => insertMelding(tx, ctx.api.app.cipher, {
    municipalityId: f.municipality.id, categoryId: f.category(over.key ?? 'ondermijning').id, source: 'public',
    answers: { wat: over.wat ?? 'Hennepgeur bij loods', waar: 'Industrieweg (fictief)' },
    reporter: over.anonymous ? undefined : REPORTER, shareConsent: over.consent ?? false,
  }, newTraceId()));
  await ctx.db.query('update meldingen set status = $2 where id = $1', [created.id, over.status ?? 'in_behandeling']);
  return created;
}

const forward = (id: string, body: Record<string, unknown>) =>
  f.as.behandelaar.post(`/meldpunt/meldingen/${id}/forwards`, { partnerId: f.police.id, summary: 'Samenvatting', basis: 'Convenant', version: 1, ...body });

describe('forwarding with redaction', () => {
  it('refuses contact details without the reporter\'s consent, and sends none unless ticked', async () => {
    const m = await melding({ consent: false });
    const refused = await forward(m.id, { includeContact: true });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.[0]?.path ?? JSON.stringify(refused.body)).toContain('includeContact');
    const ok = await forward(m.id, { includeContact: false });
    expect(ok.status).toBe(201);
    expect(ok.body.forward.includesContact).toBe(false);
    const [row] = await ctx.db.query<{ reporter_enc: string | null }>('select reporter_enc from melding_forwards where id = $1', [ok.body.forward.id]);
    expect(row.reporter_enc).toBeNull();
    const inbox = await f.as['partner politie'].get(`/meldpunt/forwards/${ok.body.forward.id}`);
    expect(inbox.body.contact).toBeNull();
  });

  it('sends contact details with consent only when ticked', async () => {
    const m = await melding({ consent: true });
    const without = await forward(m.id, { includeContact: false });
    expect(without.body.forward.includesContact).toBe(false);
    const withContact = await forward(m.id, { includeContact: true, version: without.body.version, partnerId: f.zvh.id });
    expect(withContact.status).toBe(201);
    expect(withContact.body.forward.includesContact).toBe(true);
    const read = await f.as['partner zvh'].get(`/meldpunt/forwards/${withContact.body.forward.id}`);
    expect(read.body.contact).toEqual(REPORTER);
    // Stored encrypted, never in the clear.
    const [row] = await ctx.db.query<{ reporter_enc: string }>('select reporter_enc from melding_forwards where id = $1', [withContact.body.forward.id]);
    expect(row.reporter_enc).not.toContain('Henk');
  });

  it('moves the melding to doorgestuurd with an event, a processing-log row and an audit row without content', async () => {
    const m = await melding();
    const res = await forward(m.id, { summary: 'Zeer-unieke-samenvatting' });
    expect(res.status).toBe(201);
    const [s] = await ctx.db.query<{ status: string; version: number }>('select status, version from meldingen where id = $1', [m.id]);
    expect(s).toEqual({ status: 'doorgestuurd', version: 2 });
    const events = await ctx.db.query<{ kind: string; detail: unknown }>(`select kind, detail from melding_events where melding_id = $1 and kind = 'forwarded'`, [m.id]);
    expect(events).toHaveLength(1);
    expect(events[0].detail).toMatchObject({ partnerId: f.police.id, basis: 'Convenant' });
    const logs = await ctx.db.query(`select 1 from processing_log where subject_ref = $1 and activity = 'melding doorsturen'`, [m.id]);
    expect(logs).toHaveLength(1);
    const audit = await ctx.db.query<{ after: unknown }>(`select after from audit_events where entity = 'melding-forwards' and entity_id = $1`, [res.body.forward.id]);
    expect(JSON.stringify(audit)).not.toContain('Zeer-unieke-samenvatting');
    expect(audit).toHaveLength(1);
  });

  it('answers a stale version with 409, a new melding with 422, another partner with 422', async () => {
    const m = await melding();
    expect((await forward(m.id, { version: 7 })).status).toBe(409);
    const nieuw = await melding({ status: 'nieuw' });
    expect((await forward(nieuw.id, {})).status).toBe(422);
    const elsewhere = await ctx.api.create('/organisations', { kind: 'partner', partnerKind: 'police', name: 'Politie elders', parentId: f.other.id });
    expect((await forward(m.id, { partnerId: elsewhere.id })).status).toBe(422);
    expect((await forward(m.id, { summary: '  ' })).status).toBe(422);
  });

  it('lets only the melding\'s handlers forward, read its forwards and the draft', async () => {
    const m = await melding({ key: 'ondermijning' });
    for (const who of ['adviseur', 'beheerder', 'behandelaar woonoverlast', 'partner politie', 'behandelaar andere gemeente'] as const) {
      expect((await f.as[who].post(`/meldpunt/meldingen/${m.id}/forwards`, { partnerId: f.police.id, summary: 'x', basis: 'y', version: 1 })).status).toBe(404);
      expect((await f.as[who].get(`/meldpunt/meldingen/${m.id}/forwards`)).status).toBe(404);
    }
    const draft = await f.as.behandelaar.get(`/meldpunt/meldingen/${m.id}/forward-draft`);
    expect(draft.status).toBe(200);
    expect(draft.body.draft).toContain('Hennepgeur bij loods');
    expect(draft.body.draft).not.toContain('Henk');
    expect(draft.body.draft).not.toContain('henk.uniek');
    expect(draft.body.partners.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([f.police.id, f.zvh.id]));
  });
});

describe('the partner\'s inbox', () => {
  it('shows a partner only its own forwards, never the melding', async () => {
    const m = await melding();
    const toPolice = await forward(m.id, {});
    const police = await f.as['partner politie'].get('/meldpunt/forwards');
    expect(police.body.map((x: { id: string }) => x.id)).toContain(toPolice.body.forward.id);
    const zvh = await f.as['partner zvh'].get('/meldpunt/forwards');
    expect(zvh.body.map((x: { id: string }) => x.id)).not.toContain(toPolice.body.forward.id);
    expect((await f.as['partner zvh'].get(`/meldpunt/forwards/${toPolice.body.forward.id}`)).status).toBe(404);
    expect((await f.as.behandelaar.get(`/meldpunt/forwards/${toPolice.body.forward.id}`)).status).toBe(404);
    // The melding itself stays out of the partner's reach.
    expect((await f.as['partner politie'].get(`/meldpunt/meldingen/${m.id}/forwards`)).status).toBe(404);
    const read = await f.as['partner politie'].get(`/meldpunt/forwards/${toPolice.body.forward.id}`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect(Object.keys(read.body)).not.toContain('answers');
    expect(JSON.stringify(read.body)).not.toContain('Hennepgeur');
  });
});

describe('masking of contact details', () => {
  it('shows them to the melding\'s handlers only', async () => {
    const m = await melding({ key: 'ondermijning' });
    const [row] = await ctx.db.query<{ reporter_enc: string }>('select reporter_enc from meldingen where id = $1', [m.id]);
    const subject = { municipalityId: f.municipality.id, categoryKey: 'ondermijning', handlerId: null, internalReporterId: null, reporterEnc: row.reporter_enc };
    const actorOf = async (who: keyof typeof f.as) => (await f.as[who].get('/auth/me')).body;
    for (const who of ['behandelaar', 'adviseur', 'behandelaar woonoverlast', 'beheerder'] as const) {
      const me = await actorOf(who);
      const actor = { userId: me.user.id, roles: me.user.memberships ?? [], duties: me.user.duties };
      const seen = reporterFor(actor, subject, ctx.api.app.cipher);
      if (who === 'behandelaar') expect(seen).toEqual(REPORTER);
      else expect(seen).toEqual({ name: MASK, email: MASK, phone: MASK });
    }
    expect(reporterFor({ userId: null, roles: [] }, { ...subject, reporterEnc: null }, ctx.api.app.cipher)).toBeNull();
  });
});

describe('notifications', () => {
  const mailer = () => createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Regie <noreply@regie.test>' });

  it('tells the behandelaars of a new melding, without content, in the app and by e-mail', async () => {
    const m = await melding({ key: 'woonoverlast', wat: 'Inhoud-die-niet-mag-lekken' });
    const send = await ctx.db.transaction((tx) => notifyNewMelding(tx, mailer(), m.id, 'https://regie.test'));
    await send();
    for (const who of ['behandelaar', 'behandelaar woonoverlast'] as const) {
      const list = await f.as[who].get('/notifications');
      expect(list.status).toBe(200);
      const mine = list.body.items.find((n: { link: string }) => n.link.includes(m.id));
      expect(mine).toMatchObject({ kind: 'nieuwe_melding', link: `/meldpunt/meldingen/${m.id}`, readAt: null });
      expect(list.body.unread).toBeGreaterThan(0);
    }
    const [email] = await ctx.db.query<{ email: string }>('select email from users where id = $1', [f.userIds.behandelaar]);
    const mails = await smtp.mailsFor(email.email, 1);
    expect(mails[0].text).toContain(`https://regie.test/meldpunt/meldingen/${m.id}`);
    expect(mails[0].text).toContain('Er is een nieuwe melding');
    for (const secret of ['Inhoud-die-niet-mag-lekken', 'Henk', 'Woonoverlast', m.number]) expect(mails[0].text).not.toContain(secret);
    // Not for the behandelaar of woonoverlast when it is ondermijning, nor for anyone else.
    const o = await melding({ key: 'ondermijning' });
    await ctx.db.transaction((tx) => notifyNewMelding(tx, null, o.id));
    expect((await f.as['behandelaar woonoverlast'].get('/notifications')).body.items.some((n: { link: string }) => n.link.includes(o.id))).toBe(false);
    expect((await f.as.adviseur.get('/notifications')).body.items).toEqual([]);
    expect((await f.as.anoniem.get('/notifications')).status).toBe(401);
  });

  it('tells the handler of a reply and the partner of a forward; marks read for the owner only', async () => {
    const m = await melding();
    await ctx.db.query('update meldingen set handler_id = $2 where id = $1', [m.id, f.userIds.behandelaar]);
    await ctx.db.transaction((tx) => notifyReporterReply(tx, null, m.id));
    const res = await forward(m.id, {});
    const police = await f.as['partner politie'].get('/notifications');
    const n = police.body.items.find((x: { link: string }) => x.link === `/meldpunt/doorgestuurd/${res.body.forward.id}`);
    expect(n.kind).toBe('doorgestuurd');
    expect((await f.as['partner zvh'].get('/notifications')).body.items.some((x: { link: string }) => x.link.includes(res.body.forward.id))).toBe(false);
    const reply = (await f.as.behandelaar.get('/notifications')).body.items.find((x: { kind: string; link: string }) => x.kind === 'reactie_melder' && x.link.includes(m.id));
    expect(reply).toBeTruthy();
    expect((await f.as['partner politie'].post(`/notifications/${reply.id}/read`, {})).status).toBe(404);
    expect((await f.as.behandelaar.post(`/notifications/${reply.id}/read`, {})).status).toBe(204);
    const after = (await f.as.behandelaar.get('/notifications')).body.items.find((x: { id: string }) => x.id === reply.id);
    expect(after.readAt).not.toBeNull();
    // notifyForwardReceived again writes one per member.
    const before = (await ctx.db.query('select 1 from notifications where link = $1', [`/meldpunt/doorgestuurd/${res.body.forward.id}`])).length;
    await ctx.db.transaction((tx) => notifyForwardReceived(tx, null, res.body.forward.id));
    expect((await ctx.db.query('select 1 from notifications where link = $1', [`/meldpunt/doorgestuurd/${res.body.forward.id}`])).length).toBe(before * 2);
  });
});

describe('the beheerder\'s categories and behandelaars', () => {
  it('lets only the municipality\'s beheerder list, create and edit categories, with 409 on a stale version', async () => {
    const list = await f.as.beheerder.get(`/meldpunt/categories?municipality=${f.municipality.id}`);
    expect(list.status).toBe(200);
    expect(list.body.map((c: { key: string }) => c.key)).toContain('ondermijning');
    for (const who of ['adviseur', 'behandelaar', 'partner politie'] as const) {
      expect((await f.as[who].get(`/meldpunt/categories?municipality=${f.municipality.id}`)).status).toBe(403);
    }
    expect((await f.as.anoniem.get(`/meldpunt/categories?municipality=${f.municipality.id}`)).status).toBe(401);
    const created = await f.as.beheerder.post('/meldpunt/categories', {
      municipalityId: f.municipality.id, key: 'vuurwerk', name: 'Vuurwerkoverlast', questions: [{ key: 'wat', label: 'Wat?', kind: 'textarea', required: true }],
    });
    expect(created.status).toBe(201);
    expect((await f.as.beheerder.post('/meldpunt/categories', { municipalityId: f.municipality.id, key: 'vuurwerk', name: 'Nog eens' })).status).toBe(409);
    expect((await f.as.adviseur.post('/meldpunt/categories', { municipalityId: f.municipality.id, key: 'andere', name: 'X' })).status).toBe(403);
    const edited = await f.as.beheerder.patch(`/meldpunt/categories/${created.body.id}`, { isActive: false, responseDays: 3, version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ isActive: false, responseDays: 3, version: 2, name: 'Vuurwerkoverlast' });
    expect((await f.as.beheerder.patch(`/meldpunt/categories/${created.body.id}`, { name: 'Oud', version: 1 })).status).toBe(409);
    expect((await f.as.beheerder.patch(`/meldpunt/categories/${created.body.id}`, { responseDays: 0, version: 2 })).status).toBe(422);
    const audit = await ctx.db.query<{ after: { fields: string[] } }>(`select after from audit_events where entity = 'meldpunt-categories' and entity_id = $1 and action = 'update'`, [created.body.id]);
    expect(audit[0].after.fields.sort()).toEqual(['isActive', 'responseDays']);
  });

  it('sets behandelaars for all or some categories; members only', async () => {
    const members = await f.as.beheerder.get(`/meldpunt/duties?municipality=${f.municipality.id}`);
    expect(members.status).toBe(200);
    const adviseur = members.body.find((m: { userId: string }) => m.userId === f.userIds.adviseur);
    expect(adviseur.isBehandelaar).toBe(false);
    const put = await f.as.beheerder.request('PUT', `/meldpunt/duties?municipality=${f.municipality.id}`, {
      behandelaars: [{ userId: f.userIds.behandelaar, categoryKeys: null }, { userId: f.userIds.adviseur, categoryKeys: ['zorg', 'jeugdoverlast'] },
        { userId: f.userIds['behandelaar woonoverlast'], categoryKeys: ['woonoverlast'] }],
    });
    expect(put.status).toBe(200);
    expect(put.body.find((m: { userId: string }) => m.userId === f.userIds.adviseur)).toMatchObject({ isBehandelaar: true, allCategories: false, categoryKeys: ['jeugdoverlast', 'zorg'] });
    // The adviser now handles a zorgmelding.
    const m = await melding({ key: 'zorg' });
    expect((await f.as.adviseur.get(`/meldpunt/meldingen/${m.id}/forwards`)).status).toBe(200);
    const outsider = await f.as.beheerder.request('PUT', `/meldpunt/duties?municipality=${f.municipality.id}`, {
      behandelaars: [{ userId: f.userIds['partner politie'], categoryKeys: null }],
    });
    expect(outsider.status).toBe(422);
    expect((await f.as.beheerder.request('PUT', `/meldpunt/duties?municipality=${f.municipality.id}`, {
      behandelaars: [{ userId: f.userIds.adviseur, categoryKeys: ['bestaat-niet'] }],
    })).status).toBe(422);
    expect((await f.as.adviseur.request('PUT', `/meldpunt/duties?municipality=${f.municipality.id}`, { behandelaars: [] })).status).toBe(403);
    expect((await f.as.beheerder.get(`/meldpunt/duties?municipality=${f.other.id}`)).status).toBe(403);
    expect((await f.as.beheerder.get(`/meldpunt/duties?municipality=${randomUUID()}`)).status).toBe(404);
    // Back as the fixture had it, for the tests after this one.
    await f.as.beheerder.request('PUT', `/meldpunt/duties?municipality=${f.municipality.id}`, {
      behandelaars: [{ userId: f.userIds.behandelaar, categoryKeys: null }, { userId: f.userIds['behandelaar woonoverlast'], categoryKeys: ['woonoverlast'] }],
    });
  });
});

describe('retention', () => {
  it('destroys a melding past its retention date with everything hanging from it, and records the destruction', async () => {
    const m = await melding({ wat: 'Vernietig-mij-tekst-4711', consent: true });
    const bytes = readFileSync(new URL('../../package.json', import.meta.url));
    const sha = createHash('sha256').update(bytes).digest('hex');
    await ctx.db.query(`insert into melding_files (id, melding_id, media_type, size, sha256, content) values ($1, $2, 'application/pdf', $3, $4, $5)`,
      [randomUUID(), m.id, bytes.length, sha, bytes]);
    await ctx.db.query(`insert into melding_messages (id, melding_id, kind, body) values ($1, $2, 'addition', 'Aanvulling-tekst-4711')`, [randomUUID(), m.id]);
    const fwd = await forward(m.id, { summary: 'Samenvatting-tekst-4711', includeContact: true });
    expect(fwd.status).toBe(201);
    const keep = await melding({ wat: 'Blijft-bewaard-4711' });
    await ctx.db.query(`update meldingen set retain_until = current_date - 1 where id = $1`, [m.id]);
    await ctx.db.query(`update meldingen set retain_until = current_date + 1 where id = $1`, [keep.id]);
    expect(foundIn(await dumpDatabase(ctx.db), ['Vernietig-mij-tekst-4711', sha])).toHaveLength(2);

    const result = await runRetention(ctx.db);
    expect(result.destroyed).toEqual([m.id]);
    const after = await dumpDatabase(ctx.db);
    expect(foundIn(after, ['Vernietig-mij-tekst-4711', 'Aanvulling-tekst-4711', 'Samenvatting-tekst-4711', sha, bytes.toString('hex').slice(0, 64)])).toEqual([]);
    expect(foundIn(after, ['Blijft-bewaard-4711'])).toHaveLength(1);
    const [d] = await ctx.db.query<{ subject_type: string; subject_ids: string[]; run_by: string; batch: string }>(
      `select subject_type, subject_ids, run_by, batch from destructions where $1 = any(subject_ids)`, [m.id]);
    expect(d).toMatchObject({ subject_type: 'melding', subject_ids: [m.id], run_by: 'systeem', batch: result.batch });
    expect(await ctx.db.query(`select 1 from processing_log where subject_ref = $1 and activity = 'melding vernietigen'`, [m.id])).toHaveLength(1);
    expect(await ctx.db.query(`select 1 from notifications where link like $1`, [`%${fwd.body.forward.id}%`])).toHaveLength(0);
    // A second run finds nothing.
    expect((await runRetention(ctx.db)).destroyed).toEqual([]);
  });

  it('runs now for one municipality, by its beheerder, recorded with who ran it', async () => {
    const m = await melding({ wat: 'Nu-vernietigen-4712' });
    await ctx.db.query(`update meldingen set retain_until = current_date - 1 where id = $1`, [m.id]);
    expect((await f.as.adviseur.post(`/meldpunt/retention-runs?municipality=${f.municipality.id}`, {})).status).toBe(403);
    const res = await f.as.beheerder.post(`/meldpunt/retention-runs?municipality=${f.municipality.id}`, {});
    expect(res.status).toBe(201);
    expect(res.body.destroyed).toBe(1);
    const [d] = await ctx.db.query<{ run_by: string }>(`select run_by from destructions where $1 = any(subject_ids)`, [m.id]);
    expect(d.run_by).toBe('Beheerder');
    expect(await ctx.db.query('select 1 from meldingen where id = $1', [m.id])).toHaveLength(0);
  });
});
