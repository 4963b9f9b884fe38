import { describe, expect, it } from 'vitest';
import { canonicalJson, comparePlanContents, planContent, withoutPersonalData } from '../../src/domain/plan-content.ts';
import { planDocumentTree, targetText, type Block, type PlanDocumentInput, type TableBlock } from '../../src/server/documents/tree.ts';

/*
 * Pieces of the plan document (ADR 0013): how an indicator's target is printed, the budget per section with its
 * subtotals, and a local part's joint themes – in the tree, in the frozen content and in what the public may read.
 */

const indicator = (over: Record<string, unknown> = {}) => ({
  name: 'Pogingen woninginbraken', source: 'BVH/politie', unit: 'aantal', direction: 'lower_is_better' as const,
  baselineValue: 20, baselineYear: 2017, targetKind: 'relative' as const, targetValue: 60, targetChangePercent: -25,
  targetYear: 2021, targetText: '60 (-25%)', ...over,
});

describe('an indicator’s target in the document', () => {
  it('is printed as written with its year, and a contradiction is said in words', () => {
    const text = targetText(indicator());
    expect(text.split('\n')[0]).toBe('60 (-25%) (2021)');
    expect(text).toContain('Let op: dit doel spreekt de nulmeting tegen.');
    expect(text).toContain('Het percentage leidt tot 15, niet tot de genoemde doelwaarde.');
    expect(text).toContain('De doelwaarde ligt aan de verkeerde kant van de nulmeting');
  });

  it('without a text, from the recorded target in Dutch numbers; a fitting target is not flagged', () => {
    expect(targetText(indicator({ targetText: null, targetKind: 'minimum', targetValue: 85.5, unit: '%', direction: 'higher_is_better' })))
      .toBe('minimaal 85,5% (2021)');
    expect(targetText(indicator({ targetText: null, targetKind: 'maximum', targetValue: 7000, unit: 'meldingen', targetYear: null })))
      .toBe('maximaal 7.000 meldingen');
    expect(targetText(indicator({ targetText: null, targetValue: 15 }))).toBe('-25% t.o.v. de nulmeting (15) (2021)');
    expect(targetText(indicator({ targetText: 'In 2021 hooguit 15', targetValue: 15 }))).toBe('In 2021 hooguit 15');
  });
});

const line = (id: string, title: string, section: string | null, amounts: [number | null, number][], subLines: unknown[] = []) =>
  ({ id, title, section, isPm: false, amounts: amounts.map(([year, amountCents]) => ({ year, amountCents })), subLines });

function plan(over: Partial<PlanDocumentInput> = {}): PlanDocumentInput {
  return {
    id: 'p', title: 'IVP', kind: 'ivp', periodStart: '2019-Q1', periodEnd: '2022-Q4', owner: null, sections: [], indicators: [],
    themes: [], budgetLines: [], budget: { totals: [], remainders: [], pmCount: 0, mismatches: [] }, regularTasks: [], decisions: [],
    organisations: [], people: [], availableBudgetCents: null, ...over,
  } as unknown as PlanDocumentInput;
}

const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('the budget chapter', () => {
  it('prints a table per section with its subtotal; a specification in another section counts only there; then the total', () => {
    const budgetLines = [
      line('a', 'Lokaal veiligheidsbeleid', 'Producten', [[2019, 100_00], [2020, 80_00]], [line('a1', 'Ondermijning', 'Projecten 2019', [[2019, 60_00]]), line('a2', 'Monitor', 'Projecten 2019', [[2019, 40_00]])]),
      line('b', 'Radicalisering', 'Producten', [[2019, 50_00], [2020, 50_00]]),
    ];
    const tree = planDocumentTree(plan({
      budgetLines: budgetLines as never, availableBudgetCents: 200_00,
      budget: { totals: [{ year: 2019, amountCents: 150_00 }, { year: 2020, amountCents: 130_00 }], remainders: [{ year: 2019, amountCents: 50_00 }, { year: 2020, amountCents: 70_00 }], pmCount: 0, mismatches: [] },
    }));
    const [products, projects, totals] = tables(tree.blocks);
    expect(products.caption).toBe('Begroting – Producten');
    expect(products.columns.map((c) => c.label)).toEqual(['Post', '2019', '2020']);
    expect(products.rows.map((r) => r.cells)).toEqual([
      ['Lokaal veiligheidsbeleid', '€\u00a0100,00', '€\u00a080,00'], ['Radicalisering', '€\u00a050,00', '€\u00a050,00'],
      ['Subtotaal Producten', '€\u00a0150,00', '€\u00a0130,00'],
    ]);
    expect(projects.columns.map((c) => c.label)).toEqual(['Post', '2019']);
    expect(projects.rows.at(-1)!.cells).toEqual(['Subtotaal Projecten 2019', '€\u00a0100,00']);
    expect(totals.rows.map((r) => r.cells[0])).toEqual(['Totaal', 'Beschikbaar', 'Restant']);
    expect(totals.rows[2].cells).toEqual(['Restant', '€\u00a050,00', '€\u00a070,00']);
  });

  it('with one section: one table, its sub-lines indented under their line, and the totals in it', () => {
    const budgetLines = [line('a', 'Projecten', 'Lokaal', [[null, 35_650_00]], [line('a1', 'Jeugd', null, [[null, 10_000_00]])])];
    const tree = planDocumentTree(plan({ budgetLines: budgetLines as never, budget: { totals: [{ year: null, amountCents: 35_650_00 }], remainders: [], pmCount: 0, mismatches: [] } }));
    const [only, ...rest] = tables(tree.blocks);
    expect(rest).toEqual([]);
    expect(only.rows.map((r) => [r.cells[0], !!r.isSub, !!r.isTotal])).toEqual([['Projecten', false, false], ['Jeugd', true, false], ['Totaal', false, true]]);
  });
});

const stored = { version: 2, createdAt: 'x', updatedAt: 'y' };
const theme = (id: string, number: string, person: string) => ({
  id, number, title: `Thema ${id}`, scope: 'joint', portfolioHolderIds: [person], officialIds: [], ...stored,
  goals: [{ id: `${id}-g`, title: 'Doel', ...stored }],
  activities: [{ id: `${id}-a`, title: `Activiteit ${id}`, status: 'done', responsibleIds: [person], stakeholderIds: [], ...stored }],
  indicators: [],
});

describe('a local part with a joint programme', () => {
  const local = {
    ...plan({ title: 'UVP Utrechtse Heuvelrug', themes: [{ ...theme('lokaal', '2.1', 'wethouder'), scope: 'local' }] as never }),
    people: [{ id: 'burgemeester', name: 'Burgemeester', email: 'b@x.nl' }, { id: 'wethouder', name: 'Wethouder', email: 'w@x.nl' }, { id: 'adviseur', name: 'Adviseur', email: 'a@x.nl' }],
    jointPart: { id: 'j', title: 'UVP – gezamenlijk deel', owner: { id: 'bt', name: 'Basisteam Heuvelrug', kind: 'collaboration' }, themes: [theme('samen', '1.1', 'burgemeester')] },
  };

  it('prints the joint themes first, each with the note naming the basisteam, and lists them in the table of contents', () => {
    const tree = planDocumentTree(local as never);
    const headings = tree.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
    expect(headings).toEqual(['Thema 1.1: Thema samen', 'Thema 2.1: Thema lokaal']);
    const at = tree.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Thema 1.1: Thema samen');
    expect(tree.blocks[at + 1]).toEqual({ kind: 'paragraph', text: 'Gezamenlijk deel Basisteam Heuvelrug: dit thema staat in ‘UVP – gezamenlijk deel’ en geldt voor alle deelnemende gemeenten.' });
    expect(tree.blocks.find((b) => b.kind === 'toc')).toMatchObject({ entries: [{ text: 'Thema 1.1: Thema samen' }, { text: 'Thema 2.1: Thema lokaal' }] });
    // The landscape pages start at the first (joint) theme.
    expect(tree.blocks[tree.blocks.findIndex((b) => b.kind === 'landscape') + 1]).toMatchObject({ text: 'Thema 1.1: Thema samen' });
  });

  it('freezes the joint themes without monitoring; a change in them is a change of the local part', () => {
    const content = planContent(local);
    expect(canonicalJson(content)).not.toMatch(/"status"|updatedAt/);
    const changed = structuredClone(local);
    changed.jointPart.themes[0].activities[0].title = 'Nieuwe activiteit';
    const diff = comparePlanContents(content, planContent(changed));
    expect(diff.themes).toMatchObject([{ id: 'samen', activities: [{ change: 'changed', fields: [{ field: 'title', to: 'Nieuwe activiteit' }] }] }]);
    expect(diff.plan).toEqual([]);
    // A plan without a joint programme has no such key: its content (and hash) is what it was.
    expect(Object.keys(planContent({ ...local, jointPart: null }))).not.toContain('jointPart');
  });

  it('shows the public the joint themes’ portefeuillehouders but no assignments or e-mail addresses', () => {
    const open = withoutPersonalData(local as never) as typeof local;
    expect(open.people.map((p) => p.id).sort()).toEqual(['burgemeester', 'wethouder']);
    expect(JSON.stringify(open.people)).not.toContain('@');
    expect(open.jointPart.themes[0].activities[0].responsibleIds).toEqual([]);
    expect(open.themes[0].activities[0].responsibleIds).toEqual([]);
  });
});
