import { beforeAll, describe, expect, it } from 'vitest';
import { parseFrequency } from '../../src/domain/frequency.ts';
import { parseTimeframe } from '../../src/domain/timeframe.ts';
import { readDemoDocuments } from '../../src/server/demo.ts';
import { grantRole } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { importPlanDocuments } from '../../src/server/plans/import-documents.ts';
import { make, useApi, type Api } from '../api.ts';

const ctx = useApi();

/** A programme Q2 2023 – Q4 2024 with two themes, a partner and a responsible official. */
async function programme(api: Api) {
  const plan = await make.plan(api, { periodStart: '2023-Q2', periodEnd: '2024-Q4' });
  const police = await api.create('/organisations', { kind: 'partner', partnerKind: 'police', name: `Politie ${plan.id.slice(0, 4)}` });
  const official = await make.person(api, { organisationId: plan.ownerId, name: 'Fatima el Amrani' });
  const jeugd = await make.theme(api, { planId: plan.id, title: 'Jeugd & Veiligheid', number: '5' });
  const zorg = await make.theme(api, { planId: plan.id, title: 'Zorg & Veiligheid', number: '6' });
  const activity = (themeId: string, title: string, timeframeText: string, over: Record<string, unknown> = {}) =>
    make.activity(api, { themeId, title, timeframeText, frequencyText: '', ...over });
  const a = {
    campagne: await activity(jeugd.id, 'Campagne vuurwerk', 'Q2 2023', { stakeholderIds: [police.id] }),
    pilot: await activity(jeugd.id, 'Pilot buurtbemiddeling', 'Q1-Q2 2024', { responsibleIds: [official.id] }),
    klaar: await activity(jeugd.id, 'Convenant scholen', 'Q3 2023', { status: 'done' }),
    overleg: await activity(zorg.id, 'PGA-overleg', 'Doorlopend', { frequencyText: 'Iedere 6 weken', stakeholderIds: [police.id], responsibleIds: [official.id] }),
    cyclus: await activity(zorg.id, 'Voorbereiding jaarwisseling', 'Jaarlijks Q1: evaluatie; Q2: plan van aanpak; Q3+Q4: uitvoering'),
    vaag: await activity(zorg.id, 'Netwerk onderhouden', 'na de zomer'),
  };
  return { plan, police, official, jeugd, zorg, a };
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('the roadmap', () => {
  it('places activities on the quarters, with what is due this quarter and what is overdue', async () => {
    const { api } = ctx;
    const p = await programme(api);
    const res = await api.get(`/plans/${p.plan.id}/roadmap?asOf=2024-05-15`);
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({ planId: p.plan.id, asOf: '2024-05-15', currentQuarter: '2024-Q2', isCurrentInPeriod: true });
    expect(r.quarters).toEqual(['2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    const row = (id: string) => r.rows.find((x: any) => x.activity.id === id);
    expect(row(p.a.pilot.id).cells).toEqual([{ quarter: '2024-Q1', mark: 'start' }, { quarter: '2024-Q2', mark: 'end' }]);
    expect(row(p.a.pilot.id).activity.theme).toMatchObject({ id: p.jeugd.id, title: 'Jeugd & Veiligheid' });
    expect(row(p.a.overleg.id).cells).toHaveLength(7);
    expect(ids(r.unplaced)).toEqual([p.a.vaag.id]);
    const due = r.rows.filter((x: any) => x.isDue).map((x: any) => x.activity.id);
    const overdue = r.rows.filter((x: any) => x.isOverdue).map((x: any) => x.activity.id);
    expect(due).toEqual([p.a.pilot.id, p.a.cyclus.id]);
    expect(row(p.a.cyclus.id).dueLabel).toBe('plan van aanpak');
    // Done before its end: not overdue.
    expect(overdue).toEqual([p.a.campagne.id]);
  });

  it('filters by theme, partner and person, as the activity table does', async () => {
    const { api } = ctx;
    const p = await programme(api);
    const rowsFor = async (query: string) => {
      const r = (await api.get(`/plans/${p.plan.id}/roadmap?asOf=2024-05-15&${query}`)).body;
      return [...r.rows.map((x: any) => x.activity.id), ...ids(r.unplaced)].sort();
    };
    expect(await rowsFor(`themeId=${p.zorg.id}`)).toEqual([p.a.overleg.id, p.a.cyclus.id, p.a.vaag.id].sort());
    expect(await rowsFor(`stakeholderId=${p.police.id}`)).toEqual([p.a.campagne.id, p.a.overleg.id].sort());
    expect(await rowsFor(`responsibleId=${p.official.id}`)).toEqual([p.a.pilot.id, p.a.overleg.id].sort());
    expect((await api.get(`/plans/${p.plan.id}/roadmap?asOf=15-05-2024`)).status).toBe(400);
  });

  it('without a date: today, in the Netherlands', async () => {
    const { api } = ctx;
    const p = await programme(api);
    const r = (await api.get(`/plans/${p.plan.id}/roadmap`)).body;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    expect(r.asOf).toBe(today);
    expect(r.currentQuarter).toBe(`${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`);
  });
});

/** An iCalendar file's events: unfolded lines, per VEVENT its properties by name (parameters kept apart). */
function parseIcs(text: string) {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const events: Record<string, { params: string; value: string }>[] = [];
  let current: Record<string, { params: string; value: string }> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const m = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line)!;
      current[m[1]] = { params: m[2], value: m[3] };
    }
  }
  return { lines, events };
}

describe('the calendar export (.ics)', () => {
  it('is a valid calendar: folded lines, all-day events, a recurring meeting with its RRULE, Dutch text escaped', async () => {
    const { api } = ctx;
    const p = await programme(api);
    await api.patch(`/activities/${p.a.campagne.id}`, {
      title: 'Campagne vuurwerk, carbid; "knalvrij" oud & nieuw – één\\twee', explanation: 'Eerste regel\nTweede regel', version: p.a.campagne.version,
    });
    const res = await api.get(`/plans/${p.plan.id}/roadmap.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="planning-programma-\d+\.ics"$/);
    const raw = String(res.body);
    expect(raw.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(raw.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    // Lines of at most 75 octets, folded with CRLF and a space.
    for (const line of raw.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    const { lines, events } = parseIcs(raw);
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain(`X-WR-CALNAME:Planning – ${p.plan.title}`);

    const byUid = new Map(events.map((e) => [e.UID.value, e]));
    // Dated activities and meetings; continuous work without rhythm and an unreadable tijdpad are not dated.
    expect([...byUid.keys()].sort()).toEqual([
      `${p.a.campagne.id}@regie`, `${p.a.pilot.id}@regie`, `${p.a.klaar.id}@regie`, `${p.a.overleg.id}@regie`,
      `${p.a.cyclus.id}-stap-1@regie`, `${p.a.cyclus.id}-stap-2@regie`, `${p.a.cyclus.id}-stap-3@regie`,
    ].sort());

    const campaign = byUid.get(`${p.a.campagne.id}@regie`)!;
    expect(campaign.SUMMARY.value).toBe('Campagne vuurwerk\\, carbid\\; "knalvrij" oud & nieuw – één\\\\twee');
    expect(campaign.DESCRIPTION.value).toContain('Toelichting: Eerste regel\\nTweede regel');
    expect(campaign.DTSTART).toEqual({ params: ';VALUE=DATE', value: '20230401' });
    expect(campaign.DTEND).toEqual({ params: ';VALUE=DATE', value: '20230701' });
    expect(campaign.RRULE).toBeUndefined();

    const meeting = byUid.get(`${p.a.overleg.id}@regie`)!;
    expect(meeting.DTSTART.value).toBe('20230401');
    expect(meeting.DTEND.value).toBe('20230402');
    expect(meeting.RRULE.value).toBe('FREQ=WEEKLY;INTERVAL=6;UNTIL=20241231');
    expect(meeting.SUMMARY.value).toBe('PGA-overleg');

    const step = byUid.get(`${p.a.cyclus.id}-stap-3@regie`)!;
    expect(step.SUMMARY.value).toBe('Voorbereiding jaarwisseling – uitvoering');
    expect([step.DTSTART.value, step.DTEND.value, step.RRULE.value]).toEqual(['20230701', '20240101', 'FREQ=YEARLY;UNTIL=20241231']);
  });

  it('keeps each event’s UID, so a new import updates it: SEQUENCE grows; a cancelled activity is a cancelled event', async () => {
    const { api } = ctx;
    const p = await programme(api);
    const before = parseIcs(String((await api.get(`/plans/${p.plan.id}/roadmap.ics`)).body)).events;
    const uid = `${p.a.pilot.id}@regie`;
    const old = before.find((e) => e.UID.value === uid)!;
    const renamed = await api.patch(`/activities/${p.a.pilot.id}`, { title: 'Pilot buurtbemiddeling Oost', version: p.a.pilot.version });
    expect(renamed.status).toBe(200);
    // Cancelling goes through the progress history, with the reason.
    const cancelled = await api.post(`/activities/${p.a.pilot.id}/progress`, { status: 'cancelled', note: 'Geen aanbieder gevonden', version: renamed.body.version });
    expect(cancelled.status).toBe(201);
    const after = parseIcs(String((await api.get(`/plans/${p.plan.id}/roadmap.ics`)).body)).events;
    expect(after.map((e) => e.UID.value).sort()).toEqual(before.map((e) => e.UID.value).sort());
    const changed = after.find((e) => e.UID.value === uid)!;
    // Two changes to the activity (the title, then the status): two steps up.
    expect(Number(changed.SEQUENCE.value)).toBe(Number(old.SEQUENCE.value) + 2);
    expect(changed.SUMMARY.value).toBe('Pilot buurtbemiddeling Oost');
    expect(changed.STATUS.value).toBe('CANCELLED');
    expect(old.STATUS.value).toBe('CONFIRMED');
  });

  it('takes the filters of the roadmap, and every download is in the audit trail', async () => {
    const { api, db } = ctx;
    const p = await programme(api);
    const res = await api.get(`/plans/${p.plan.id}/roadmap.ics?stakeholderId=${p.police.id}`);
    expect(parseIcs(String(res.body)).events.map((e) => e.UID.value).sort()).toEqual([`${p.a.campagne.id}@regie`, `${p.a.overleg.id}@regie`].sort());
    const audit = await db.query<{ action: string; actor_user_id: string; after: any }>(
      `select action, actor_user_id, after from audit_events where entity = 'plans' and entity_id = $1 and action = 'export'`, [p.plan.id],
    );
    expect(audit).toEqual([{ action: 'export', actor_user_id: api.session!.userId, after: { format: 'ics', filter: { stakeholderId: p.police.id } } }]);
  });
});

describe('the demo programme of Huizen', () => {
  let planId: string;
  let doc: ReturnType<typeof readDemoDocuments>[number]['plans'][number];
  beforeAll(async () => {
    const docs = readDemoDocuments();
    await importPlanDocuments(ctx.db, docs);
    const [huizen] = await ctx.db.query<{ id: string }>("select id from organisations where cbs_code = 'GM0406'");
    await grantRole(ctx.db, ctx.api.session!.userId, huizen.id, 'bestuurder', SYSTEM);
    const [plan] = await ctx.db.query<{ id: string }>("select id from plans where owner_id = $1 and kind = 'uvp'", [huizen.id]);
    planId = plan.id;
    doc = docs.flatMap((d) => d.plans).find((p) => p.key === 'huizen-uvp-2023-2024')!;
  });

  it('the calendar holds every dated activity and recurring meeting of the document, and nothing else', async () => {
    const res = await ctx.api.get(`/plans/${planId}/roadmap.ics`);
    const { events } = parseIcs(String(res.body));
    const year = Number(doc.periodStart.slice(0, 4));
    const dated = doc.themes.flatMap((t) => t.activities).filter((a) => {
      const tf = parseTimeframe(a.timeframeText, year);
      return tf.kind === 'range' || tf.kind === 'annual' || parseFrequency(a.frequencyText).kind === 'recurring';
    });
    // One event each; the annual cycle of the jaarwisseling (Q1 evaluatie, Q2 plan, Q3+Q4 uitvoering) has three.
    expect(events).toHaveLength(dated.length + 2);
    const summary = (title: string) => events.filter((e) => e.SUMMARY.value.startsWith(title));
    expect(summary('Casusoverleg radicalisering in het ZVHGV').map((e) => [e.DTSTART.value, e.RRULE?.value])).toEqual([
      ['20230401', 'FREQ=WEEKLY;INTERVAL=4;UNTIL=20241231'],
    ]);
    // "Q1-Q2 2023", "Districtelijke werkgroep 1 maal per 6 weken": within the programme, which starts in Q2.
    expect(summary('Ontwikkelen van de gezamenlijke aanpak').map((e) => [e.DTSTART.value, e.RRULE?.value])).toEqual([
      ['20230401', 'FREQ=WEEKLY;INTERVAL=6;UNTIL=20230630'],
    ]);
    expect(summary('Game Hackshield').map((e) => [e.DTSTART.value, e.DTEND.value, e.RRULE])).toEqual([['20231001', '20240101', undefined]]);
    expect(summary('Voorbereiding jaarwisseling').map((e) => [e.SUMMARY.value, e.DTSTART.value])).toEqual([
      ['Voorbereiding jaarwisseling – evaluatie', '20240101'],
      ['Voorbereiding jaarwisseling – Plan van aanpak', '20230401'],
      ['Voorbereiding jaarwisseling – concrete voorbereiding en uitvoering', '20230701'],
    ]);
    // Semicolons and commas of the document's frequency text are escaped in the description.
    expect(summary('(In)zicht verkrijgen')[0].DESCRIPTION.value).toContain('Frequentie: Iedere 6 weken PGA-overleg\\; Wekelijks kort bijpraat moment\\;');
  });

  it('the roadmap lists the activities whose tijdpad cannot be read apart', async () => {
    const r = (await ctx.api.get(`/plans/${planId}/roadmap?asOf=2023-11-01`)).body;
    const year = Number(doc.periodStart.slice(0, 4));
    const all = doc.themes.flatMap((t) => t.activities);
    const unreadable = all.filter((a) => parseTimeframe(a.timeframeText, year).kind === 'unparsed');
    expect(r.unplaced).toHaveLength(unreadable.length);
    expect(r.rows).toHaveLength(all.length - unreadable.length);
    expect(r.currentQuarter).toBe('2023-Q4');
    expect(r.rows.filter((x: any) => x.isDue).map((x: any) => x.activity.title)).toEqual(
      expect.arrayContaining(['Game Hackshield', 'Beleidskader publiek Cameratoezicht (art. 151c Gemeentewet)']),
    );
  });
});
