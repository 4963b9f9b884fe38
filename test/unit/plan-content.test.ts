import { describe, expect, it } from 'vitest';
import { formatEuro } from '../../src/domain/budget.ts';
import { canonicalJson, comparePlanContents, planContent } from '../../src/domain/plan-content.ts';

const stored = { version: 3, createdAt: '2023-01-01T00:00:00Z', updatedAt: '2023-02-01T00:00:00Z' };
/** A plan export as `exportPlan` gives it, with monitoring and bookkeeping that are no content. */
function exportOf(over: Record<string, unknown> = {}) {
  return {
    id: 'p', ownerId: 'o', kind: 'uvp', title: 'UVP', status: 'published', adoptedBy: 'college', adoptedOn: '2023-03-07', decisionReference: 'Z1',
    sections: [{ key: 'intro', title: 'Inleiding', body: 'Tekst' }], ...stored,
    people: [{ id: 'ja', name: 'Jansen', ...stored }, { id: 'pi', name: 'Pietersen', ...stored }],
    organisations: [{ id: 'pol', name: 'Politie', ...stored }],
    indicators: [],
    themes: [{
      id: 't1', title: 'Ondermijning', challenge: 'Oud', portfolioHolderIds: ['ja'], ...stored,
      goals: [{ id: 'g1', title: 'Weerbaar', ...stored }],
      activities: [
        { id: 'a1', title: 'Controles', status: 'in_progress', stakeholderIds: [] as string[], timeframe: { kind: 'x' }, ...stored },
        { id: 'a2', title: 'Voorlichting', status: 'not_started', stakeholderIds: [] as string[], timeframe: { kind: 'x' }, ...stored },
      ],
      indicators: [{ id: 'i1', name: 'Inbraken', targetValue: 10, measurements: [{ value: 3 }], status: { code: 'on_track' }, ...stored }],
    }],
    budgetLines: [{ id: 'b1', title: 'Communicatie', amounts: [{ year: null as number | null, amountCents: 500_000 }], subLines: [], ...stored }],
    budget: { totals: [] },
    regularTasks: [],
    decisions: [],
    ...over,
  };
}

describe('plan content', () => {
  it('leaves out monitoring, bookkeeping and the workflow facts', () => {
    const a = planContent(exportOf());
    const b = planContent(exportOf({ status: 'draft', adoptedOn: null, version: 9, updatedAt: 'later' }));
    const monitored = exportOf();
    monitored.themes[0].activities[0].status = 'done';
    monitored.themes[0].indicators[0].measurements.push({ value: 4 });
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(canonicalJson(planContent(monitored))).toBe(canonicalJson(a));
    expect(canonicalJson(a)).not.toMatch(/in_progress|measurements|updatedAt|Z1/);
    expect(canonicalJson(a)).toContain('Controles');
  });

  it('writes JSON with sorted keys, so equal content is equal text', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });
});

describe('comparing two plan contents', () => {
  const before = planContent(exportOf());
  it('finds nothing between equal contents', () => {
    expect(comparePlanContents(before, before)).toMatchObject({ plan: [], themes: [], budgetLines: [], counts: { added: 0, changed: 0, removed: 0 } });
  });

  it('reports per theme the changed fields (names for ids), and the activities added, changed and removed', () => {
    const next = exportOf();
    const theme = next.themes[0];
    theme.challenge = 'Nieuw';
    theme.portfolioHolderIds = ['ja', 'pi'];
    theme.activities = [
      { ...theme.activities[0], title: 'Controles ’s nachts', stakeholderIds: ['pol'] },
      { id: 'a3', title: 'Training', status: 'not_started', stakeholderIds: [], timeframe: { kind: 'x' }, ...stored },
    ];
    const diff = comparePlanContents(before, planContent(next));
    expect(diff.themes).toEqual([{
      id: 't1', title: 'Ondermijning', change: 'changed',
      fields: [
        { field: 'challenge', from: 'Oud', to: 'Nieuw' },
        { field: 'portfolioHolderIds', from: ['Jansen'], to: ['Jansen', 'Pietersen'] },
      ],
      goals: [],
      activities: [
        { id: 'a1', title: 'Controles ’s nachts', change: 'changed', fields: [{ field: 'title', from: 'Controles', to: 'Controles ’s nachts' }, { field: 'stakeholderIds', from: null, to: ['Politie'] }] },
        { id: 'a3', title: 'Training', change: 'added', fields: [] },
        { id: 'a2', title: 'Voorlichting', change: 'removed', fields: [] },
      ],
      indicators: [],
    }]);
    expect(diff.counts).toEqual({ added: 1, changed: 2, removed: 1 });
  });

  it('marks a theme whose own fields stayed the same with change null, and a removed theme with its content', () => {
    const goalOnly = exportOf();
    goalOnly.themes[0].goals = [];
    expect(comparePlanContents(before, planContent(goalOnly)).themes[0]).toMatchObject({ change: null, fields: [], goals: [{ id: 'g1', change: 'removed' }] });
    const removed = comparePlanContents(before, planContent(exportOf({ themes: [] }))).themes[0];
    expect(removed).toMatchObject({ id: 't1', change: 'removed' });
    expect(removed.activities.map((a) => a.change)).toEqual(['removed', 'removed']);
  });

  it('compares budget lines as amounts in euros, sections by key, and the plan’s own fields', () => {
    const next = exportOf({ title: 'UVP 2025', sections: [{ key: 'intro', title: 'Inleiding', body: 'Andere tekst' }, { key: 'trends', title: 'Trends', body: '' }] });
    next.budgetLines = [{ ...next.budgetLines[0], amounts: [{ year: 2024, amountCents: 100_000 }] }];
    const diff = comparePlanContents(before, planContent(next));
    expect(diff.plan).toEqual([{ field: 'title', from: 'UVP', to: 'UVP 2025' }]);
    expect(diff.sections).toEqual([
      { id: 'intro', title: 'Inleiding', change: 'changed', fields: [{ field: 'body', from: 'Tekst', to: 'Andere tekst' }] },
      { id: 'trends', title: 'Trends', change: 'added', fields: [] },
    ]);
    expect(diff.budgetLines).toEqual([
      { id: 'b1', title: 'Communicatie', change: 'changed', fields: [{ field: 'amounts', from: [`per jaar: ${formatEuro(500_000)}`], to: [`2024: ${formatEuro(100_000)}`] }] },
    ]);
  });
});
