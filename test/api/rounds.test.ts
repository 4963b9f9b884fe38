import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { createMailer } from '../../src/server/core/mail.ts';
import { buildApp } from '../../src/server/app.ts';
import type { TRole } from '../../src/domain/permissions.ts';
import { Api, make, signIn, TEST_PASSWORD, useApi } from '../api.ts';

const ctx = useApi();

/** A signed-in user with one role in one organisation, on `api`'s app. */
async function userWith(organisationId: string, role: TRole, name = `Demo ${role}`, api = ctx.api): Promise<Api> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@ronde.test`;
  await createUser(ctx.db, { email, name, password: TEST_PASSWORD, memberships: [{ organisationId, role }] }, SYSTEM);
  return api.as(await signIn(api.app, email, TEST_PASSWORD));
}

/** A municipality's programme (Q1 2023 – Q4 2024) with a theme whose first official is `official`. */
async function programme(over: Record<string, unknown> = {}) {
  const town = await make.municipality(ctx.api);
  const plan = await make.plan(ctx.api, { ownerId: town.id, periodStart: '2023-Q1', periodEnd: '2024-Q4', ...over });
  const official = await make.person(ctx.api, { organisationId: town.id, name: 'Trudi Caarls' });
  const theme = await make.theme(ctx.api, { planId: plan.id, officialIds: [official.id] });
  return { town, plan, theme, official };
}

describe('opening a round', () => {
  it('opens one per quarter of the programme, one at a time, and asks the activities whose work has begun', async () => {
    const { plan, theme } = await programme();
    const running = await make.activity(ctx.api, { themeId: theme.id, timeframeText: 'Q1-Q2 2024' });
    const later = await make.activity(ctx.api, { themeId: theme.id, timeframeText: 'Q4 2024' });
    const finished = await make.activity(ctx.api, { themeId: theme.id, timeframeText: 'Q2 2023' });
    await ctx.api.post(`/activities/${finished.id}/progress`, { status: 'done', version: finished.version });

    const refused = async (body: unknown, message: string) => {
      const res = await ctx.api.post(`/plans/${plan.id}/rounds`, body);
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toEqual({ path: 'quarter', message });
    };
    await refused({ quarter: '2025-Q1' }, 'Kies een kwartaal binnen de periode van het programma');
    expect((await ctx.api.post(`/plans/${plan.id}/rounds`, { quarter: '2024 Q3' })).status).toBe(422);

    const opened = await ctx.api.post(`/plans/${plan.id}/rounds`, { quarter: '2024-Q3', dueOn: '2024-10-15' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ quarter: '2024-Q3', status: 'open', dueOn: '2024-10-15', openedBy: 'Testgebruiker', awaited: 1, updated: 0 });
    await refused({ quarter: '2024-Q3' }, 'Voor dit kwartaal is al een ronde');
    await refused({ quarter: '2024-Q4' }, 'Sluit eerst de lopende ronde (2024-Q3)');

    const detail = (await ctx.api.get(`/rounds/${opened.body.id}`)).body;
    const awaited = Object.fromEntries(detail.snapshot.activities.map((a: any) => [a.activityId, a.isAwaited]));
    expect(awaited).toEqual({ [running.id]: true, [later.id]: false, [finished.id]: false });
    expect((await ctx.api.get(`/plans/${plan.id}/rounds`)).body.map((r: any) => r.quarter)).toEqual(['2024-Q3']);
  });

  it('belongs to an uitvoeringsprogramma', async () => {
    const { plan } = await programme({ kind: 'ivp' });
    const res = await ctx.api.post(`/plans/${plan.id}/rounds`, { quarter: '2023-Q3' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].message).toBe('Updaterondes horen bij een uitvoeringsprogramma');
  });
});

describe('mijn updates', () => {
  it('lists what awaits the user: as responsible person, as the theme’s first official, and as partner involved', async () => {
    const { town, plan, theme, official } = await programme();
    const colleague = await make.person(ctx.api, { organisationId: town.id, name: 'Rob Huiting' });
    const police = await ctx.api.create('/organisations', { kind: 'partner', partnerKind: 'police', name: `Politie ${Date.now()}` });
    const own = await make.activity(ctx.api, { themeId: theme.id, title: 'Eigen activiteit', responsibleIds: [official.id] });
    const viaTheme = await make.activity(ctx.api, { themeId: theme.id, title: 'Via het thema' });
    const others = await make.activity(ctx.api, { themeId: theme.id, title: 'Van een collega', responsibleIds: [colleague.id], stakeholderIds: [police.id] });

    // The adviser links the official to her account; an account of another organisation cannot be linked.
    const trudi = await userWith(town.id, 'adviseur', 'Trudi Caarls');
    const stranger = await userWith((await make.municipality(ctx.api)).id, 'adviseur');
    const linkRefused = await ctx.api.patch(`/people/${official.id}`, { userId: stranger.session!.userId, version: official.version });
    expect(linkRefused.status).toBe(422);
    expect(linkRefused.body.errors[0]).toEqual({ path: 'userId', message: 'Kies een gebruiker van de eigen organisatie' });
    expect((await ctx.api.patch(`/people/${official.id}`, { userId: trudi.session!.userId, version: official.version })).status).toBe(200);
    const partner = await userWith(police.id, 'partner');

    expect((await trudi.get('/me/updates')).body).toEqual({ pending: 0, rounds: [] });
    const round = (await ctx.api.post(`/plans/${plan.id}/rounds`, { quarter: '2024-Q2' })).body;

    const mine = (await trudi.get('/me/activities')).body;
    const byTitle = Object.fromEntries(mine.map((a: any) => [a.title, a]));
    expect(Object.keys(byTitle).sort()).toEqual(['Eigen activiteit', 'Via het thema']);
    expect(byTitle['Eigen activiteit']).toMatchObject({ isResponsible: true, awaitingRound: { id: round.id, quarter: '2024-Q2', dueOn: null } });
    expect(byTitle['Eigen activiteit'].monitoring).toMatchObject({ isLagging: expect.any(Boolean) });
    expect((await trudi.get('/me/updates')).body).toMatchObject({ pending: 2, rounds: [{ roundId: round.id, planId: plan.id, pending: 2, lastReminder: null }] });
    expect((await partner.get('/me/updates')).body).toMatchObject({ pending: 1, rounds: [{ roundId: round.id, pending: 1 }] });
    expect((await partner.get('/me/activities')).body.map((a: any) => [a.title, a.isResponsible, !!a.awaitingRound])).toEqual([['Van een collega', false, true]]);

    // An update (a progress entry while the round is open) takes it off the list, and the adviser sees who gave it.
    const entry = (await trudi.post(`/activities/${own.id}/progress`, { note: 'Loopt volgens plan', percentComplete: 40 })).body.entry;
    expect(entry.roundId).toBe(round.id);
    expect((await trudi.get('/me/updates')).body.pending).toBe(1);
    expect((await trudi.get('/me/activities')).body.find((a: any) => a.id === own.id).awaitingRound).toBeNull();
    const detail = (await ctx.api.get(`/rounds/${round.id}`)).body;
    const row = (id: string) => detail.snapshot.activities.find((a: any) => a.activityId === id);
    expect(row(own.id)).toMatchObject({ update: { authorName: 'Trudi Caarls', note: 'Loopt volgens plan', percentComplete: 40 }, responsibles: [{ name: 'Trudi Caarls', hasAccount: true }] });
    expect(row(viaTheme.id)).toMatchObject({ update: null, responsibles: [{ name: 'Trudi Caarls' }] });
    expect(row(others.id)).toMatchObject({ update: null, responsibles: [{ name: 'Rob Huiting', hasAccount: false }] });
    expect(detail).toMatchObject({ awaited: 3, updated: 1, snapshot: { totals: { awaited: 3, updated: 1 } } });
  });
});

/** Decodes a quoted-printable mail body. */
const decodeQp = (raw: string) => Buffer.from(
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1',
).toString('utf8');

describe('reminders', () => {
  const received: { to: string; body: string }[] = [];
  let smtp: SMTPServer;
  let mailing: Api;
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body: decodeQp(body) });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const app = await buildApp(ctx.db, { mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Regie <regie@gemeente.test>' }), publicUrl: 'https://regie.gemeente.test' });
    mailing = new Api(app, ctx.api.session);
  });
  afterAll(async () => {
    await mailing?.app.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('reminds in the app, and by e-mail when SMTP is configured, whoever has not updated', async () => {
    const { town, plan, theme, official } = await programme();
    const trudi = await userWith(town.id, 'adviseur', 'Trudi Caarls', mailing);
    await ctx.api.patch(`/people/${official.id}`, { userId: trudi.session!.userId, version: official.version });
    const noAccount = await make.person(ctx.api, { organisationId: town.id, name: 'Karin Meijer' });
    await make.activity(ctx.api, { themeId: theme.id, title: 'Cameratoezicht evalueren', responsibleIds: [official.id] });
    await make.activity(ctx.api, { themeId: theme.id, title: 'Buurtpreventie', responsibleIds: [noAccount.id] });
    const round = (await ctx.api.post(`/plans/${plan.id}/rounds`, { quarter: '2024-Q1', dueOn: '2024-04-10' })).body;

    const sent = await mailing.post(`/rounds/${round.id}/reminders`, {});
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ recipients: 1, emailed: 1, isMailConfigured: true, withoutAccount: ['Karin Meijer'] });
    const mail = received.find((m) => m.body.includes('Cameratoezicht evalueren'))!;
    expect(mail.to).toMatch(/^adviseur-.*@ronde\.test$/);
    expect(mail.body).toContain('Beste Trudi Caarls,');
    expect(mail.body).toContain('wacht 1 activiteit op uw update (graag uiterlijk 10-04-2024)');
    expect(mail.body).toContain('https://regie.gemeente.test/mijn-activiteiten');
    expect(mail.body).not.toContain('Buurtpreventie');

    const mine = (await trudi.get('/me/updates')).body;
    expect(mine.rounds[0].lastReminder).toMatchObject({ by: 'Testgebruiker' });
    const detail = (await ctx.api.get(`/rounds/${round.id}`)).body;
    expect(detail.reminders).toEqual([expect.objectContaining({ by: 'Testgebruiker', recipients: 1, emailed: 1 })]);

    // Without SMTP: in the app only.
    const inApp = (await ctx.api.post(`/rounds/${round.id}/reminders`, {})).body;
    expect(inApp).toMatchObject({ recipients: 1, emailed: 0, isMailConfigured: false });
    expect((await ctx.api.get(`/rounds/${round.id}`)).body.reminders).toHaveLength(2);
  });
});

describe('closing a round', () => {
  it('freezes what was reported: later progress, occurrences and edits do not change its figures', async () => {
    const { plan, theme } = await programme();
    const controls = await make.activity(ctx.api, { themeId: theme.id, title: 'Integrale controles', timeframeText: '2023-2024', frequencyText: '4 integrale controles per jaar' });
    const other = await make.activity(ctx.api, { themeId: theme.id, title: 'Voorlichting', timeframeText: 'Q1-Q4 2024' });
    for (const occurredOn of ['2024-02-01', '2024-05-20']) await ctx.api.post(`/activities/${controls.id}/occurrences`, { occurredOn });
    const round = (await ctx.api.post(`/plans/${plan.id}/rounds`, { quarter: '2024-Q2' })).body;
    await ctx.api.post(`/activities/${controls.id}/progress`, { status: 'in_progress', version: controls.version, note: 'Twee controles gehouden', percentComplete: 50 });

    const stale = await ctx.api.post(`/rounds/${round.id}/close`, { version: round.version + 1 });
    expect(stale.status).toBe(409);
    const closed = await ctx.api.post(`/rounds/${round.id}/close`, { version: round.version });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'Testgebruiker', awaited: 2, updated: 1 });
    const frozen = closed.body.snapshot;
    expect(frozen).toMatchObject({ quarter: '2024-Q2', referenceDate: '2024-06-30', totals: { activities: 2, awaited: 2, updated: 1, byStatus: { in_progress: 1, not_started: 1 } } });
    const row = frozen.activities.find((a: any) => a.activityId === controls.id);
    expect(row).toMatchObject({ status: 'in_progress', percentComplete: 50, update: { note: 'Twee controles gehouden', statusTo: 'in_progress' } });
    expect(row.frequency.years.find((y: any) => y.year === 2024)).toMatchObject({ planned: 4, plannedToDate: 2, realised: 2, isLagging: false });

    // Everything that could change its figures, after closing:
    const current = (await ctx.api.get(`/activities/${controls.id}`)).body;
    const after = await ctx.api.post(`/activities/${controls.id}/progress`, { status: 'done', version: current.version, percentComplete: 100, note: 'Afgerond' });
    expect(after.body.entry.roundId).toBeNull();
    await ctx.api.post(`/activities/${controls.id}/occurrences`, { occurredOn: '2024-06-15' });
    const first = (await ctx.api.get(`/activities/${controls.id}/progress`)).body.occurrences.at(-1);
    await ctx.api.delete(`/activities/${controls.id}/occurrences/${first.id}`);
    await ctx.api.patch(`/activities/${controls.id}`, { title: 'Andere titel', version: after.body.activity.version });
    await ctx.api.post(`/activities/${other.id}/progress`, { status: 'cancelled', version: other.version, note: 'Geen budget' });
    await make.activity(ctx.api, { themeId: theme.id, title: 'Nieuw' });

    const again = (await ctx.api.get(`/rounds/${round.id}`)).body;
    expect(again.snapshot).toEqual(frozen);
    expect(again).toMatchObject({ awaited: 2, updated: 1 });
    expect((await ctx.api.post(`/rounds/${round.id}/close`, { version: closed.body.version })).status).toBe(422);
    expect((await ctx.api.post(`/rounds/${round.id}/reminders`, {})).status).toBe(422);
    await expect(ctx.db.query("update update_rounds set quarter = '2024-Q3' where id = $1", [round.id])).rejects.toThrow(/gesloten updateronde/);

    // A new round may open now.
    expect((await ctx.api.post(`/plans/${plan.id}/rounds`, { quarter: '2024-Q3' })).status).toBe(201);
  });

  it('the staff follow rounds, only the adviser runs them; a plan with rounds and history can still be deleted', async () => {
    const { town, plan, theme } = await programme();
    const activity = await make.activity(ctx.api, { themeId: theme.id });
    const round = (await ctx.api.post(`/plans/${plan.id}/rounds`, { quarter: '2024-Q1' })).body;
    await ctx.api.post(`/activities/${activity.id}/progress`, { note: 'Gestart' });
    const bestuurder = await userWith(town.id, 'bestuurder');
    expect((await bestuurder.get(`/rounds/${round.id}`)).status).toBe(200);
    expect((await bestuurder.post(`/rounds/${round.id}/close`, { version: 1 })).status).toBe(403);
    expect((await ctx.api.as(null).get(`/rounds/${round.id}`)).status).toBe(404);
    await ctx.api.post(`/rounds/${round.id}/close`, { version: 1 });
    expect((await ctx.api.delete(`/plans/${plan.id}`)).status).toBe(204);
    expect((await ctx.api.get(`/rounds/${round.id}`)).status).toBe(404);
  });
});
