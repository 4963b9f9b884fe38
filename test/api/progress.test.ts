import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import type { TRole } from '../../src/domain/permissions.ts';
import { make, signIn, TEST_PASSWORD, useApi, type Api } from '../api.ts';

const ctx = useApi();

/** A signed-in user with one role in one organisation. */
async function userWith(organisationId: string, role: TRole): Promise<Api> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@voortgang.test`;
  await createUser(ctx.db, { email, name: `Demo ${role}`, password: TEST_PASSWORD, memberships: [{ organisationId, role }] }, SYSTEM);
  return ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
}

const auditCount = async (entity: string, entityId?: string) =>
  (await ctx.db.query<{ n: number }>(
    `select count(*)::int as n from audit_events where entity = $1 and ($2::uuid is null or entity_id = $2::uuid)`,
    [entity, entityId ?? null],
  ))[0].n;

describe('status changes follow the transitions on every write path, into one history', () => {
  it('records status changes and notes by their author, newest first', async () => {
    const activity = await make.activity(ctx.api);
    const base = `/activities/${activity.id}`;
    const started = await ctx.api.post(`${base}/progress`, { status: 'in_progress', version: activity.version, note: 'Eerste overleg gepland', percentComplete: 10 });
    expect(started.status).toBe(201);
    expect(started.body.entry).toMatchObject({ statusFrom: 'not_started', statusTo: 'in_progress', note: 'Eerste overleg gepland', percentComplete: 10, authorName: 'Testgebruiker', roundId: null });
    expect(started.body.activity).toMatchObject({ status: 'in_progress', version: activity.version + 1 });

    const note = await ctx.api.post(`${base}/progress`, { note: 'Overleg met de politie gehad', milestone: 'Plan van aanpak klaar' });
    expect(note.status).toBe(201);
    expect(note.body.entry).toMatchObject({ statusFrom: null, statusTo: null, milestone: 'Plan van aanpak klaar' });
    expect(note.body.activity.version).toBe(activity.version + 1);

    // The generic update is a write path too: its status change lands in the same history.
    const patched = await ctx.api.patch(base, { status: 'done', version: activity.version + 1 });
    expect(patched.status).toBe(200);

    const progress = (await ctx.api.get(`${base}/progress`)).body;
    expect(progress.entries.map((e: any) => [e.statusFrom, e.statusTo, e.note])).toEqual([
      ['in_progress', 'done', null],
      [null, null, 'Overleg met de politie gehad'],
      ['not_started', 'in_progress', 'Eerste overleg gepland'],
    ]);
    expect(progress.monitoring).toMatchObject({ percentComplete: 10, milestone: 'Plan van aanpak klaar' });
    expect(progress.context).toMatchObject({ themeId: activity.themeId });
    expect(await auditCount('activity-progress')).toBeGreaterThanOrEqual(2);
    expect(await auditCount('activity-progress', started.body.entry.id)).toBe(1);
  });

  it('refuses a transition that is not allowed, with a Dutch message, and changes nothing', async () => {
    const activity = await make.activity(ctx.api);
    const base = `/activities/${activity.id}`;
    const started = (await ctx.api.post(`${base}/progress`, { status: 'in_progress', version: activity.version })).body.activity;

    const back = await ctx.api.post(`${base}/progress`, { status: 'not_started', version: started.version, note: 'Toch niet' });
    expect(back.status).toBe(422);
    expect(back.body.errors).toEqual([{ path: 'status', message: expect.stringContaining('De status kan niet van "loopt" naar "niet gestart"') }]);
    const patchedBack = await ctx.api.patch(base, { status: 'not_started', version: started.version });
    expect(patchedBack.status).toBe(422);
    expect(patchedBack.body.errors[0].path).toBe('status');

    const now = (await ctx.api.get(`${base}/progress`)).body;
    expect(now.activity).toMatchObject({ status: 'in_progress', version: started.version });
    expect(now.entries).toHaveLength(1);
  });

  it('asks why an activity is delayed or cancelled, and the generic update points to the progress route', async () => {
    const activity = await make.activity(ctx.api);
    const base = `/activities/${activity.id}`;
    const silent = await ctx.api.post(`${base}/progress`, { status: 'delayed', version: activity.version });
    expect(silent.status).toBe(422);
    expect(silent.body.errors).toEqual([{ path: 'note', message: 'Licht toe waarom de status van "niet gestart" naar "vertraagd" gaat' }]);
    const patched = await ctx.api.patch(base, { status: 'cancelled', version: activity.version });
    expect(patched.status).toBe(422);
    expect(patched.body.title).toContain('geef de statuswijziging met een toelichting door als voortgang');
    const explained = await ctx.api.post(`${base}/progress`, { status: 'delayed', version: activity.version, note: 'Wacht op de aanbesteding' });
    expect(explained.status).toBe(201);
  });

  it('detects two status changes at once by version, and takes notes without one', async () => {
    const activity = await make.activity(ctx.api);
    const base = `/activities/${activity.id}`;
    expect((await ctx.api.post(`${base}/progress`, { status: 'in_progress', version: activity.version })).status).toBe(201);
    const stale = await ctx.api.post(`${base}/progress`, { status: 'done', version: activity.version });
    expect(stale.status).toBe(409);
    expect((await ctx.api.post(`${base}/progress`, { note: 'Nog een notitie' })).status).toBe(201);
    expect((await ctx.api.post(`${base}/progress`, { status: 'done' })).body.errors[0].path).toBe('version');
    expect((await ctx.api.post(`${base}/progress`, {})).status).toBe(422);
    expect((await ctx.api.post(`${base}/progress`, { status: 'in_progress', version: activity.version + 1 })).body.errors[0].path).toBe('status');
  });

  it('keeps the history append-only: no route edits it, and the database refuses', async () => {
    const activity = await make.activity(ctx.api);
    const { entry } = (await ctx.api.post(`/activities/${activity.id}/progress`, { note: 'Origineel' })).body;
    expect((await ctx.api.patch(`/activities/${activity.id}/progress/${entry.id}`, { note: 'Anders' })).status).toBe(404);
    await expect(ctx.db.query("update activity_progress set note = 'Anders' where id = $1", [entry.id])).rejects.toThrow(/alleen worden aangevuld/);
  });

  it('404s for an unknown activity and refuses oversized notes', async () => {
    expect((await ctx.api.get('/activities/00000000-0000-4000-8000-000000000000/progress')).status).toBe(404);
    expect((await ctx.api.post('/activities/geen-id/progress', { note: 'x' })).status).toBe(404);
    const activity = await make.activity(ctx.api);
    const long = await ctx.api.post(`/activities/${activity.id}/progress`, { note: 'x'.repeat(6000) });
    expect(long.status).toBe(422);
    expect(long.body.errors[0].path).toBe('note');
  });
});

describe('occurrences of an activity with a frequency', () => {
  it('records and removes occurrences, and counts them against the planned number per year', async () => {
    const activity = await make.activity(ctx.api, { timeframeText: '2023-2024', frequencyText: '4 integrale controles per jaar' });
    const base = `/activities/${activity.id}`;
    for (const occurredOn of ['2023-02-10', '2023-05-10', '2023-09-01']) {
      expect((await ctx.api.post(`${base}/occurrences`, { occurredOn, note: 'Integrale controle bedrijventerrein' })).status).toBe(201);
    }
    const progress = (await ctx.api.get(`${base}/progress`)).body;
    // The reference date is today (after 2024): the whole of both years counts.
    expect(progress.frequency.years.map((y: any) => [y.year, y.planned, y.realised, y.isLagging])).toEqual([[2023, 4, 3, true], [2024, 4, 0, true]]);
    expect(progress.monitoring.isLagging).toBe(true);
    expect(progress.occurrences.map((o: any) => o.occurredOn)).toEqual(['2023-09-01', '2023-05-10', '2023-02-10']);

    const last = progress.occurrences[0];
    expect((await ctx.api.delete(`${base}/occurrences/${last.id}`)).status).toBe(204);
    expect((await ctx.api.delete(`${base}/occurrences/${last.id}`)).status).toBe(404);
    expect((await ctx.api.get(`${base}/progress`)).body.frequency.years[0].realised).toBe(2);
    expect(await auditCount('activity-occurrences', last.id)).toBe(2);
  });

  it('refuses a date in the future or not a date', async () => {
    const activity = await make.activity(ctx.api);
    const future = await ctx.api.post(`/activities/${activity.id}/occurrences`, { occurredOn: '2099-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([{ path: 'occurredOn', message: 'Een datum in de toekomst is nog niet gerealiseerd' }]);
    expect((await ctx.api.post(`/activities/${activity.id}/occurrences`, { occurredOn: '12-03-2024' })).body.errors[0].path).toBe('occurredOn');
  });
});

describe('who records progress', () => {
  it('a partner involved in an activity reports its progress and status, but changes none of its texts', async () => {
    const police = await ctx.api.create('/organisations', { kind: 'partner', partnerKind: 'police', name: `Politie ${Date.now()}` });
    const activity = await make.activity(ctx.api, { stakeholderIds: [police.id] });
    const other = await make.activity(ctx.api);
    const partner = await userWith(police.id, 'partner');
    const base = `/activities/${activity.id}`;
    expect((await partner.post(`${base}/progress`, { status: 'in_progress', version: activity.version, note: 'Surveillance gestart' })).status).toBe(201);
    expect((await partner.post(`${base}/occurrences`, { occurredOn: '2024-03-01' })).status).toBe(201);
    expect((await partner.get(`${base}/progress`)).body.entries[0].authorName).toBe('Demo partner');
    expect((await partner.patch(base, { title: 'Anders', version: activity.version + 1 })).status).toBe(403);
    expect((await partner.get(`/activities/${other.id}/progress`)).status).toBe(404);
    expect((await partner.post(`/activities/${other.id}/progress`, { note: 'x' })).status).toBe(404);
  });

  it('the bestuurder reads progress without writing; the council and the public do not read it', async () => {
    const town = await make.municipality(ctx.api);
    const plan = await make.plan(ctx.api, { ownerId: town.id });
    const activity = await make.activity(ctx.api, { themeId: (await make.theme(ctx.api, { planId: plan.id })).id });
    await make.publishedVersion(ctx.api, plan.id);
    const bestuurder = await userWith(town.id, 'bestuurder');
    const raadslid = await userWith(town.id, 'raadslid');
    expect((await bestuurder.get(`/activities/${activity.id}/progress`)).status).toBe(200);
    expect((await bestuurder.post(`/activities/${activity.id}/progress`, { note: 'x' })).status).toBe(403);
    expect((await raadslid.get(`/activities/${activity.id}`)).status).toBe(200);
    expect((await raadslid.get(`/activities/${activity.id}/progress`)).status).toBe(404);
    expect((await ctx.api.as(null).get(`/activities/${activity.id}/progress`)).status).toBe(404);
    // The programme table shows the activity to all of them, its monitoring only to who may read it.
    const rows = async (api: Api) => (await api.get(`/plans/${plan.id}/activities`)).body.find((a: any) => a.id === activity.id);
    // Twice a year in Q1–Q2 2024, nothing recorded: it lags.
    expect((await rows(bestuurder)).monitoring).toMatchObject({ isLagging: true, lastUpdateAt: null });
    expect((await rows(raadslid)).monitoring).toBeNull();
    expect((await rows(ctx.api.as(null))).monitoring).toBeNull();
  });
});
