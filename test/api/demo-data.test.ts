import { beforeAll, describe, expect, it } from 'vitest';
import { totalOfSelection, type BudgetLineLike } from '../../src/domain/budget.ts';
import { readDemoDocuments } from '../../src/server/demo.ts';
import { importPlanDocuments } from '../../src/server/plans/import-documents.ts';
import { useApi } from '../api.ts';
import { grantRole } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';

const ctx = useApi();
const docs = readDemoDocuments();
const planDocs = docs.flatMap((d) => d.plans);
const exports = new Map<string, any>();

beforeAll(async () => {
  await importPlanDocuments(ctx.db, docs);
  // The test user reads everything of the demo municipalities and collaborations (as their bestuurder).
  const owners = await ctx.db.query<{ id: string }>("select id from organisations where kind in ('municipality', 'collaboration')");
  for (const o of owners) await grantRole(ctx.db, ctx.api.session!.userId, o.id, 'bestuurder', SYSTEM);
  const plans = (await ctx.api.get('/plans')).body;
  for (const p of plans) exports.set(p.id, (await ctx.api.get(`/plans/${p.id}/export`)).body);
});

const exportOf = (titlePart: string, ownerName: string) => {
  const found = [...exports.values()].filter((e) => e.title.includes(titlePart) && e.owner.name === ownerName);
  expect(found).toHaveLength(1);
  return found[0];
};

const byTitle = (title: string) => {
  const found = [...exports.values()].filter((e) => e.title === title);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('demo data: the five source documents', () => {
  it('has every plan of the seeds, with its owner', () => {
    expect([...exports.values()].map((e) => `${e.kind} ${e.owner.name}`).sort()).toEqual([
      'ivp Huizen', 'ivp Laren', 'uvp Basisteam Heuvelrug', 'uvp Huizen', 'uvp Utrechtse Heuvelrug',
    ]);
  });

  it.each(planDocs.map((p) => [p.key, p] as const))('%s: nothing of the document is lost on import', (_, doc) => {
    const e = byTitle(doc.title);
    const themeIndicators = doc.themes.flatMap((t) => t.indicators);
    expect(e.themes.map((t: any) => t.title)).toEqual(doc.themes.map((t) => t.title));
    expect(e.themes.map((t: any) => t.goals.length)).toEqual(doc.themes.map((t) => t.goals.length));
    expect(e.themes.map((t: any) => t.activities.length)).toEqual(doc.themes.map((t) => t.activities.length));
    expect(e.themes.map((t: any) => t.indicators.length)).toEqual(doc.themes.map((t) => t.indicators.length));
    expect(e.indicators.length).toBe(doc.indicators.length);
    const measurements = (list: any[]) => list.reduce((n, i) => n + i.measurements.length, 0);
    expect(measurements([...e.indicators, ...e.themes.flatMap((t: any) => t.indicators)])).toBe(measurements([...doc.indicators, ...themeIndicators]));
    expect(e.budgetLines.map((l: any) => [l.title, l.subLines.length])).toEqual(doc.budgetLines.map((l) => [l.title, l.subLines.length]));
    expect(e.regularTasks.length).toBe(doc.regularTasks.length);
    expect(e.decisions.length).toBe(doc.decisions.length);
  });

  it.each(planDocs.flatMap((p) => p.printedTotals.map((t) => [p.key, t.label, p, t] as const)))(
    '%s: the computed total equals the printed "%s"',
    (_, __, doc, printed) => {
      const e = byTitle(doc.title);
      const lines: BudgetLineLike[] = e.budgetLines.flatMap((l: any) => [l, ...l.subLines]);
      const totals = totalOfSelection(lines, (l) => (printed.section == null || l.section === printed.section) && (printed.nature == null || l.nature === printed.nature));
      expect(totals.get(printed.year ?? 'per_jaar')).toBe(printed.amountCents);
    },
  );

  it('Utrechtse Heuvelrug: total € 201.500, available € 214.571, remainder € 13.071, all computed', async () => {
    const e = exportOf('Utrechtse Heuvelrug 2023-2024', 'Utrechtse Heuvelrug');
    const budget = (await ctx.api.get(`/plans/${e.id}/budget`)).body;
    expect(budget.totals).toEqual([{ year: null, amountCents: 20_150_000 }]);
    expect(budget.availableBudgetCents).toBe(21_457_100);
    expect(budget.remainders).toEqual([{ year: null, amountCents: 1_307_100 }]);
  });

  it('Utrechtse Heuvelrug: the joint part belongs to the basisteam of five and is visible from each member', async () => {
    const local = exportOf('Utrechtse Heuvelrug 2023-2024', 'Utrechtse Heuvelrug');
    const joint = [...exports.values()].find((e) => e.id === local.jointPlanId);
    expect(joint.owner.name).toBe('Basisteam Heuvelrug');
    expect(joint.themes.map((t: any) => t.title)).toEqual(['Ondermijning', 'Digitale veiligheid', 'Maatschappelijke onrust']);
    expect(joint.themes.every((t: any) => t.scope === 'joint')).toBe(true);
    const members = (await ctx.api.get(`/organisations/${joint.ownerId}`)).body.memberIds;
    expect(members).toHaveLength(5);
    for (const m of members) {
      expect((await ctx.api.get(`/plans?organisationId=${m}`)).body.map((p: any) => p.id)).toContain(joint.id);
    }
    expect(local.regularTasks.length).toBe(11);
  });

  it('Laren: the contradictory target "20 → 60 (-25%)" is kept as printed and flagged', () => {
    const e = exportOf('Integraal Veiligheidsplan', 'Laren');
    const attempts = e.indicators.find((i: any) => /pogingen woninginbraken/i.test(i.name));
    expect(attempts).toMatchObject({ baselineValue: 20, targetValue: 60, targetChangePercent: -25, targetKind: 'relative' });
    expect(attempts.targetProblems.map((p: any) => p.code)).toContain('relative_mismatch');
    const flagged = [...e.indicators, ...e.themes.flatMap((t: any) => t.indicators)].filter((i: any) => i.targetProblems.length);
    expect(flagged.map((i: any) => i.name)).toEqual(['Aantal pogingen woninginbraken']);
  });

  it('Laren: both police-figure tables are measurements (20 crime types, 2014–2018)', () => {
    const e = exportOf('Integraal Veiligheidsplan', 'Laren');
    const burglaries = e.indicators.find((i: any) => i.name === 'Woninginbraken');
    const counts = burglaries.measurements.filter((m: any) => m.kind === 'value' && !m.area && /Tabel/.test(m.source ?? ''));
    expect(counts.map((m: any) => [m.periodLabel, m.value])).toEqual(expect.arrayContaining([
      ['2014', 90], ['2015', 79], ['2016', 77], ['2017', 79],
      ['jan-jun 2015', 42], ['jan-jun 2016', 34], ['jan-jun 2017', 54], ['jan-jun 2018', 26],
    ]));
  });

  it('Huizen IVP: the plan’s budget per year is the printed total, with the 2019 projects as its specification', async () => {
    const e = exportOf('Integraal Veiligheidsplan', 'Huizen');
    const budget = (await ctx.api.get(`/plans/${e.id}/budget`)).body;
    expect(budget.totals).toEqual([
      { year: 2019, amountCents: 52_198_800 }, { year: 2020, amountCents: 44_984_300 },
      { year: 2021, amountCents: 24_598_100 }, { year: 2022, amountCents: 24_148_100 },
    ]);
    expect(budget.lines.flatMap((l: any) => l.subLines)).toHaveLength(12);
    expect(e.themes).toHaveLength(6);
    expect(e.themes.flatMap((t: any) => t.goals)).toHaveLength(26);
  });

  it('Huizen UVP: 9 themes with the activities of the document, and specifications that add up', async () => {
    const e = exportOf('Uitvoeringsprogramma', 'Huizen');
    expect(e.themes.map((t: any) => t.activities.length)).toEqual([13, 6, 5, 7, 3, 6, 7, 7, 5]);
    expect(e.themes.map((t: any) => t.scope)).toEqual(['joint', 'joint', 'local', 'local', 'local', 'local', 'local', 'local', 'other']);
    const line = (title: string) => e.budgetLines.find((l: any) => l.title.startsWith(title));
    expect(line('Projecten op het gebied').subLines.reduce((n: number, s: any) => n + s.amounts[0].amountCents, 0)).toBe(3_565_000);
    expect(line('Aanpak Ondermijning').subLines.reduce((n: number, s: any) => n + s.amounts[0].amountCents, 0)).toBe(10_000_000);
    expect(line('Aanpak Overlast openbare ruimte').isPm).toBe(true);
    expect(e.decisions[0].followUps.map((f: any) => f.kind)).toEqual(['inform_council', 'publish', 'start', 'evaluate']);
  });

  it('Huizen UVP: four subsidies with the end of their period and their conditions, ended by now; nothing spent yet', async () => {
    const e = exportOf('Uitvoeringsprogramma', 'Huizen');
    const budget = (await ctx.api.get(`/plans/${e.id}/budget`)).body;
    const subsidies = budget.subsidies.map((s: any) => {
      const line = budget.lines.find((l: any) => l.id === s.lineId);
      return [line.funderName ?? null, line.endDate, line.conditions ?? null, s.endState];
    });
    expect(subsidies).toEqual([
      ['Provincie Noord-Holland', '2023-12-31', null, 'ended'],
      [null, '2023-12-31', 'Tbv netwerkanalyse en netwerkregisseur', 'ended'],
      ['NCTV', '2024-12-31', null, 'ended'],
      ['NCTV', '2023-12-31', 'Op declaratiebasis', 'ended'],
    ]);
    // Planned over the period: the local budgets (€ 268.087 per jaar) and the NCTV money per jaar count in 2023 and
    // 2024, the other subsidies in 2023; the PM line has no budget.
    const planned = 2 * 26_808_700 + 2 * 3_275_000 + 4_000_000 + 7_375_000 + 2_150_000;
    expect(budget.use.total).toEqual({ plannedCents: planned, spentCents: 0, remainingCents: planned, isOverBudget: false });
  });

  it('Utrechtse Heuvelrug: every DOELSTELLING and action of the joint and the local part', () => {
    const local = exportOf('Utrechtse Heuvelrug 2023-2024', 'Utrechtse Heuvelrug');
    const joint = [...exports.values()].find((e) => e.id === local.jointPlanId);
    expect(joint.themes.map((t: any) => [t.goals.length, t.activities.length])).toEqual([[4, 25], [4, 11], [2, 6]]);
    expect(local.themes.map((t: any) => [t.goals.length, t.activities.length])).toEqual([[3, 13], [3, 4], [4, 12], [2, 6]]);
    expect(local.budgetLines).toHaveLength(16);
  });

  it('the import is one audit event by the system, listing the documents and what they held', async () => {
    const rows = await ctx.db.query<{ action: string; actor_label: string; after: any }>(
      "select action, actor_label, after from audit_events where entity is distinct from 'users'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'import', actor_label: 'systeem' });
    expect(rows[0].after.sources).toHaveLength(docs.length);
    expect(rows[0].after.counts.activities).toBe(planDocs.reduce((n, p) => n + p.themes.reduce((m, t) => m + t.activities.length, 0), 0));
  });

  it('no demo plan has a specification that does not add up to its line', () => {
    for (const e of exports.values()) expect(e.budget.mismatches, e.title).toEqual([]);
  });
});
