import { beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { loadDemoIfEmpty } from '../../src/server/demo.ts';
import { currentProgrammePeriod } from '../../src/server/demo-history.ts';
import { importPlanDocuments } from '../../src/server/plans/import-documents.ts';
import { ZPlanDocument } from '../../src/domain/plan-document.ts';
import { createTestDb } from '../db.ts';
import { useApi } from '../api.ts';

/*
 * The demo tells the story of a municipality that uses Regie today (D10): Huizen's programme 2023-2024 with its
 * (fictional) history, and its successor for the two years around the demo clock's today, with an open round.
 */
const ctx = useApi();
const TODAY = '2026-12-03';
const plans = new Map<string, any>();

beforeAll(async () => {
  expect(await loadDemoIfEmpty(ctx.db, 'demo-wachtwoord-voor-de-test', { today: TODAY })).not.toBeNull();
  const [huizen] = await ctx.db.query<{ id: string }>("select id from organisations where cbs_code = 'GM0406'");
  await grantRole(ctx.db, ctx.api.session!.userId, huizen.id, 'adviseur', SYSTEM);
  for (const p of (await ctx.api.get(`/plans?ownerId=${huizen.id}&kind=uvp`)).body) plans.set(p.title, p);
}, 300_000);

const current = () => plans.get('Uitvoeringsprogramma veiligheid Huizen 2025-2026');
const old = () => [...plans.values()].find((p) => p.periodStart === '2023-Q2');

describe('the living demo', () => {
  it('holds Huizen’s 2025-2026 programme, made from the old one, with an open round in the current quarter', async () => {
    expect(current()).toMatchObject({ periodStart: '2025-Q1', periodEnd: '2026-Q4', status: 'draft', parentPlanId: old().parentPlanId });
    const rounds = (await ctx.api.get(`/plans/${current().id}/rounds`)).body;
    expect(rounds.map((r: any) => [r.quarter, r.status, r.dueOn])).toEqual([['2026-Q4', 'open', '2027-01-15']]);
    expect(rounds[0].updated).toBeGreaterThan(0);
    expect(rounds[0].updated).toBeLessThan(rounds[0].awaited);
  });

  it('does not have every activity lag today, but some', async () => {
    const all = (await ctx.api.get(`/plans/${current().id}/activities`)).body;
    const lagging = (await ctx.api.get(`/plans/${current().id}/activities?lagging=true`)).body;
    const countable = all.filter((a: any) => a.monitoring?.isCountable);
    expect(countable.length).toBeGreaterThan(10);
    expect(lagging.length).toBeGreaterThan(0);
    expect(lagging.length).toBeLessThan(countable.length / 2);
  });

  it('gives the old programme its history: statuses, notes, occurrences, measurements, spending, closed rounds with their report', async () => {
    const exported = (await ctx.api.get(`/plans/${old().id}/export`)).body;
    const statuses = exported.themes.flatMap((t: any) => t.activities.map((a: any) => a.status));
    expect(statuses.filter((s: string) => s === 'done').length).toBeGreaterThan(10);
    expect(statuses).toContain('cancelled');
    const indicator = exported.themes.flatMap((t: any) => t.indicators).find((i: any) => i.name === 'Veiligheidsgevoel van inwoners');
    expect(indicator.measurements.map((m: any) => m.periodLabel)).toEqual(expect.arrayContaining(['2023', '2024']));
    const rounds = (await ctx.api.get(`/plans/${old().id}/rounds`)).body;
    expect(rounds.map((r: any) => [r.quarter, r.status])).toEqual([['2024-Q4', 'closed'], ['2024-Q2', 'closed']]);
    const report = await ctx.api.get(`/rounds/${rounds[0].id}/report.html`);
    expect(report.status).toBe(200);
    expect(report.body).toContain('Jonge aanwas');
    const budget = (await ctx.api.get(`/plans/${old().id}/budget`)).body;
    expect(JSON.stringify(budget)).toMatch(/spent/i);
    const [{ n }] = await ctx.db.query<{ n: number }>('select count(*)::int as n from activity_occurrences o join activities a on a.id = o.activity_id join themes t on t.id = a.theme_id where t.plan_id = $1', [old().id]);
    expect(n).toBeGreaterThan(50);
    // The open activities went on in the new programme; the finished ones did not.
    const next = (await ctx.api.get(`/plans/${current().id}/export`)).body;
    const count = (e: any) => e.themes.reduce((k: number, t: any) => k + t.activities.length, 0);
    expect(count(next)).toBe(statuses.filter((s: string) => !['done', 'cancelled'].includes(s)).length);
    expect(count(next)).toBeLessThan(count(exported));
  });

  it('has no two organisations of the same name in one place', async () => {
    const dupes = await ctx.db.query(`select parent_id, lower(regexp_replace(trim(name), '\\s+', ' ', 'g')) as name, count(*)::int as n
      from organisations group by 1, 2 having count(*) > 1`);
    expect(dupes).toEqual([]);
  });
});

describe('the demo clock', () => {
  it('places the current programme and its round around another today', async () => {
    const t = await createTestDb();
    try {
      await loadDemoIfEmpty(t.db, undefined, { today: '2025-05-20' });
      const rows = await t.db.query<{ title: string; period_start: string; quarter: string; due_on: string }>(
        `select p.title, p.period_start, r.quarter, r.due_on::text from update_rounds r join plans p on p.id = r.plan_id where r.status = 'open'`,
      );
      expect(rows).toEqual([{ title: 'Uitvoeringsprogramma veiligheid Huizen 2025-2026', period_start: '2025-Q1', quarter: '2025-Q2', due_on: '2025-07-15' }]);
    } finally {
      await t.drop();
    }
    expect(currentProgrammePeriod('2027-03-01')).toEqual({ start: 2026, end: 2027 });
  }, 300_000);
});

describe('organisations written twice in the sources', () => {
  it('are one organisation: names compared without case and extra spaces, within the same parent', async () => {
    const doc = ZPlanDocument.parse({
      source: { title: 'Test' },
      organisations: [
        { key: 'gem', kind: 'municipality', name: 'Gemeente Dubbel', cbsCode: 'GM8801' },
        { key: 'gem-sd', kind: 'team', name: 'Sociaal domein', parentKey: 'gem' },
        { key: 'gem-sd-2', kind: 'team', name: ' Sociaal  Domein', parentKey: 'gem' },
        { key: 'ander', kind: 'municipality', name: 'Gemeente Anders', cbsCode: 'GM8802' },
        { key: 'ander-sd', kind: 'team', name: 'Sociaal Domein', parentKey: 'ander' },
      ],
    });
    await importPlanDocuments(ctx.db, [doc]);
    const rows = await ctx.db.query<{ name: string; parent: string }>(
      `select o.name, p.name as parent from organisations o join organisations p on p.id = o.parent_id where p.cbs_code in ('GM8801', 'GM8802') order by p.name`,
    );
    expect(rows).toEqual([{ name: 'Sociaal Domein', parent: 'Gemeente Anders' }, { name: 'Sociaal domein', parent: 'Gemeente Dubbel' }]);
  });
});
