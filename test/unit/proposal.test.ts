import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeBudgetTotals, formatEuro } from '../../src/domain/budget.ts';
import type { TPlanExport } from '../../src/domain/plan-views.ts';
import { hasPlaceholder, PLACEHOLDER_OPEN } from '../../src/domain/proposal.ts';
import type { TRoundSnapshot } from '../../src/domain/rounds.ts';
import { ZDecisionCreate } from '../../src/domain/schemas.ts';
import type { Db } from '../../src/server/db/client.ts';
import { readDemoDocuments } from '../../src/server/demo.ts';
import { SYSTEM_CONTEXT } from '../../src/server/core/access.ts';
import { importPlanDocuments } from '../../src/server/plans/import-documents.ts';
import { exportPlan } from '../../src/server/plans/plan-queries.ts';
import { prefillProposal } from '../../src/server/documents/proposals/prefill.ts';
import { createTestDb } from '../db.ts';

/*
 * The collegevoorstel prefilled from the Huizen programme (seed 000), in the structure of Huizen's own collegevoorstel
 * (seed 002). The prefill is a pure function; the fixture is the real export of the demo programme, built once in an
 * in-memory database.
 */

let db: Db;
let drop: () => Promise<void>;
let plan: TPlanExport;
beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await importPlanDocuments(db, readDemoDocuments());
  const [row] = await db.query<{ id: string }>("select p.id from plans p join organisations o on o.id = p.owner_id where o.cbs_code = 'GM0406' and p.kind = 'uvp'");
  plan = await exportPlan(db, row.id, SYSTEM_CONTEXT);
});
afterAll(() => drop());

const bodyOf = (d: ReturnType<typeof prefillProposal>, key: string) => d.sections!.find((s) => s.key === key)!.body;

describe('a collegevoorstel to adopt the Huizen programme', () => {
  it('is a valid, undecided college decision with the decision points worded as seed 002', () => {
    const d = prefillProposal({ plan, purpose: 'adopt_plan' });
    expect(ZDecisionCreate.safeParse(d).success).toBe(true);
    expect(d).toMatchObject({ planId: plan.id, body: 'college', isDecided: false, title: `Vaststellen ${plan.title}` });
    expect(d.decisionPoints).toEqual([
      `Instemmen met het ${plan.title}.`,
      `Het ${plan.title} met een raadsinformatiebrief van de portefeuillehouder ter kennisname brengen van de gemeenteraad.`,
    ]);
  });

  it('has the sections of seed 002, in its order', () => {
    const d = prefillProposal({ plan, purpose: 'adopt_plan' });
    expect(d.sections!.map((s) => s.title)).toEqual([
      'Aanleiding', 'Doel/beoogd effect', 'Argumenten', 'Kanttekeningen en risico’s', 'Financiële informatie', 'Participatie',
      'Communicatie', 'Vervolg/evaluatie',
    ]);
  });

  it('names every theme in the arguments, priorities with their scope and the other subjects after them', () => {
    const args = bodyOf(prefillProposal({ plan, purpose: 'adopt_plan' }), 'argumenten');
    expect(plan.themes.length).toBe(9);
    for (const theme of plan.themes) expect(args, theme.title).toContain(theme.title);
    expect(args).toContain('de 8 prioritaire thema’s:');
    expect(args).toContain('- gezamenlijk (districtelijk) thema: Districtelijk Thema Aanpak Ondermijnende Criminaliteit');
    expect(args).toContain('apart benoemde onderwerpen die onderdeel uitmaken van de veiligheidsaanpak: Overige thema’s en onderwerpen.');
    const activities = plan.themes.reduce((n, t) => n + t.activities.length, 0);
    expect(args).toContain(`Het programma telt ${activities} activiteiten in 9 thema’s.`);
  });

  it('gives the budget per year exactly as the budget module computes it', () => {
    const finance = bodyOf(prefillProposal({ plan, purpose: 'adopt_plan' }), 'financien');
    const lines = plan.budgetLines.flatMap((l) => [l, ...l.subLines]);
    const { totalsByYear, remainderByYear } = computeBudgetTotals(lines, plan.availableBudgetCents ?? null);
    expect(totalsByYear.size).toBeGreaterThan(0);
    for (const [year, cents] of totalsByYear) {
      const label = year === 'per_jaar' ? 'Per jaar' : String(year);
      const remainder = remainderByYear.get(year);
      const line = finance.split('\n').find((l) => l.startsWith(`- ${label}: `));
      expect(line, label).toBeDefined();
      expect(line).toContain(`gepland ${formatEuro(cents)}`);
      if (remainder !== undefined) expect(line).toContain(`restant ${formatEuro(remainder)}`);
    }
    // Dutch amounts: "€ 35.650,00".
    expect(finance).toMatch(/€\s[\d.]+,\d\d/u);
  });

  it('names the partners involved, then the municipality’s own teams – not the municipality itself', () => {
    const [partners, teams] = bodyOf(prefillProposal({ plan, purpose: 'adopt_plan' }), 'participatie').split('\n');
    const listOf = (line: string, intro: string) => { expect(line.startsWith(intro), line).toBe(true); return line.slice(intro.length, -1).split('; '); };
    const stakeholders = new Set(plan.themes.flatMap((t) => t.activities.flatMap((a) => a.stakeholderIds)));
    const involved = plan.organisations.filter((o) => stakeholders.has(o.id) && o.id !== plan.ownerId);
    const own = involved.filter((o) => o.kind === 'team' && o.ownerId === plan.ownerId).map((o) => o.name);
    expect(own).toContain('OOV');
    expect(listOf(teams, 'Binnen de gemeente werken samen: ').sort(), teams).toEqual(own.sort());
    const named = listOf(partners, 'Bij de uitvoering zijn betrokken: ');
    expect(named).toContain('Politie');
    expect(named.sort()).toEqual(involved.filter((o) => !own.includes(o.name)).map((o) => o.name).sort());
    expect(named).not.toContain(plan.owner!.name);
  });

  it('leaves a placeholder where the data say nothing, and none where they do', () => {
    const d = prefillProposal({ plan, purpose: 'adopt_plan' });
    // No IVP linked to this programme: the occasion is the adviser's to write.
    expect(bodyOf(d, 'aanleiding')).toMatch(/^\[Vul in: /);
    for (const key of ['argumenten', 'risicos', 'financien', 'participatie']) expect(hasPlaceholder(bodyOf(d, key)), key).toBe(true);
    for (const key of ['communicatie', 'vervolg-evaluatie']) expect(hasPlaceholder(bodyOf(d, key)), key).toBe(false);
    expect(d.decisionPoints!.some(hasPlaceholder)).toBe(false);
    expect(bodyOf(d, 'vervolg-evaluatie')).toContain('Evaluatie volgt aan het einde van de periode, eind 2024.');
    expect(d.followUps!.find((f) => f.kind === 'evaluate')).toMatchObject({ dueText: 'eind 2024', dueDate: '2024-12-31' });
  });

  it('writes the occasion from the IVP the programme elaborates', () => {
    const d = prefillProposal({ plan, purpose: 'adopt_plan', parent: { title: 'Integraal Veiligheidsplan 2023-2026', adoptedBy: 'council', adoptedOn: '2023-02-09' } });
    expect(bodyOf(d, 'aanleiding')).toContain(
      'Dit uitvoeringsprogramma is de uitwerking van het Integraal Veiligheidsplan 2023-2026, zoals vastgesteld door de gemeenteraad op 9 februari 2023.',
    );
    expect(bodyOf(d, 'aanleiding')).not.toContain(PLACEHOLDER_OPEN);
  });
});

describe('a collegevoorstel to send a progress report to the council', () => {
  const snapshot = (byStatus: Partial<TRoundSnapshot['totals']['byStatus']>, lagging: number): TRoundSnapshot => ({
    schemaVersion: 1, roundId: '00000000-0000-4000-8000-000000000001', planId: plan.id, planTitle: plan.title, ownerName: 'Huizen',
    quarter: '2024-Q3', referenceDate: '2024-09-30', takenAt: '2024-10-02T09:00:00Z',
    totals: { activities: 40, awaited: 30, updated: 24, lagging, byStatus: { not_started: 0, in_progress: 0, done: 0, delayed: 0, cancelled: 0, ...byStatus } },
    activities: [],
  });

  it('reports the closed round’s figures and plans the next round', () => {
    const d = prefillProposal({ plan, purpose: 'report_to_council', round: { quarter: '2024-Q3', closedAt: '2024-10-02T09:00:00Z', snapshot: snapshot({ in_progress: 20, done: 15, delayed: 5 }, 3) } });
    expect(d.title).toBe(`Voortgangsrapportage Q3 2024 ${plan.title}`);
    expect(d.decisionPoints![0]).toBe(`Kennisnemen van de voortgangsrapportage Q3 2024 van het ${plan.title}.`);
    const args = bodyOf(d, 'argumenten');
    expect(args).toContain('Van de 30 activiteiten waarvan een update werd gevraagd, gaven er 24 een update.');
    expect(args).toContain('- Loopt: 20');
    expect(args).toContain('3 activiteiten lopen achter op de geplande frequentie.');
    expect(bodyOf(d, 'risicos')).toContain('5 activiteiten zijn vertraagd.');
    expect(bodyOf(d, 'aanleiding')).toContain('afgesloten op 2 oktober 2024');
    expect(bodyOf(d, 'vervolg-evaluatie')).toContain('De volgende updateronde gaat over Q4 2024.');
    expect(d.followUps!.map((f) => f.kind)).toEqual(['inform_council', 'evaluate']);
  });
});
