import { describe, expect, it } from 'vitest';
import {
  compareActivities, compareBudget, parseEuros, type SheetRow, type StoredActivity, type StoredBudgetLine,
} from '../../src/domain/programme-xlsx.ts';

const T1 = '00000000-0000-4000-8000-0000000000a1';
const T2 = '00000000-0000-4000-8000-0000000000a2';
const A1 = '00000000-0000-4000-8000-000000000001';
const A2 = '00000000-0000-4000-8000-000000000002';
const POLICE = '00000000-0000-4000-8000-0000000000f1';
const BOA = '00000000-0000-4000-8000-0000000000f2';
const themes = [
  { id: T1, label: '1. Ondermijning', title: 'Ondermijning' },
  { id: T2, label: '2. Jeugd & veiligheid', title: 'Jeugd & veiligheid' },
];
const organisations = [{ id: POLICE, name: 'Politie', shortName: null }, { id: BOA, name: 'BOA-team', shortName: 'Boa’s' }];

const activity = (id: string, over: Partial<StoredActivity> = {}): StoredActivity => ({
  id, version: 3, themeId: T1, title: `Activiteit ${id.slice(-1)}`, explanation: null, timeframeText: 'Q2 2023',
  frequencyText: '1 maal per 6 weken', stakeholdersText: 'OOV/Politie', stakeholderIds: [POLICE], responsibleIds: [], goalIds: [],
  status: 'not_started', position: 0, responsibles: '', statusLabel: 'Niet gestart', ...over,
});

/** The row the export writes for an activity. */
const rowOf = (a: StoredActivity, row: number, over: Record<string, string | number | null> = {}): SheetRow => ({
  row,
  cells: {
    id: a.id, theme: themes.find((t) => t.id === a.themeId)!.label, title: a.title, timeframeText: a.timeframeText,
    frequencyText: a.frequencyText, stakeholdersText: a.stakeholdersText,
    stakeholderIds: a.stakeholderIds.map((id) => organisations.find((o) => o.id === id)!.name).join('; '),
    explanation: a.explanation ?? '', responsibles: a.responsibles, status: a.statusLabel, ...over,
  },
});

const stored = [activity(A1), activity(A2, { themeId: T2, position: 4, explanation: 'Met de scholen' })];
const compare = (rows: SheetRow[], activities = stored) =>
  compareActivities({ rows, activities, themes, organisations, foreignIds: new Set(), planStartYear: 2023 });

describe('comparing the activity sheet', () => {
  it('finds nothing to do in an unchanged sheet, and lists the activities it lacks without deleting them', () => {
    const all = compare(stored.map((a, n) => rowOf(a, n + 2)));
    expect(all).toMatchObject({ updates: [], creates: [], issues: [], writes: [], missing: [], unchanged: 2 });
    const one = compare([rowOf(stored[0], 2)]);
    expect(one.missing).toEqual([{ id: A2, title: 'Activiteit 2' }]);
    expect(one.writes).toEqual([]);
  });

  it('turns one edited cell into exactly that change, with the version it was based on', () => {
    const result = compare([rowOf(stored[0], 2, { frequencyText: 'Eens per 4 weken' }), rowOf(stored[1], 3)]);
    expect(result.updates).toEqual([{
      sheet: 'Activiteiten', row: 2, id: A1, title: 'Activiteit 1',
      changes: [{ field: 'frequencyText', column: 'Frequentie', before: '1 maal per 6 weken', after: 'Eens per 4 weken' }],
    }]);
    expect(result.writes).toEqual([{ kind: 'update', entity: 'activities', id: A1, version: 3, patch: { frequencyText: 'Eens per 4 weken' } }]);
    expect(result.unchanged).toBe(1);
  });

  it('reads cells as the API stores text: trimmed, numbers as text, an empty explanation as none', () => {
    const result = compare([rowOf(stored[0], 2, { title: '  Activiteit 1 ', timeframeText: 'Q2 2023\r\n' }), rowOf(stored[1], 3, { timeframeText: 2024 })]);
    expect(result.writes).toEqual([{ kind: 'update', entity: 'activities', id: A2, version: 3, patch: { timeframeText: '2024' } }]);
  });

  it('moves an activity to another theme by label or title, links organisations by name or short name', () => {
    const result = compare([rowOf(stored[0], 2, { theme: 'jeugd &  veiligheid', stakeholderIds: 'Politie; boa’s' })]);
    expect(result.issues).toEqual([]);
    expect(result.writes[0]).toMatchObject({ patch: { themeId: T2, stakeholderIds: [POLICE, BOA] } });
    expect(result.updates[0].changes).toEqual([
      { field: 'themeId', column: 'Thema', before: '1. Ondermijning', after: '2. Jeugd & veiligheid' },
      { field: 'stakeholderIds', column: 'Gekoppelde organisaties', before: 'Politie', after: 'Politie; BOA-team' },
    ]);
  });

  it('makes a row without a key a new activity, placed after the theme’s last one', () => {
    const result = compare([{ row: 9, cells: { theme: '2. Jeugd & veiligheid', title: 'Voorlichting op scholen', timeframeText: 'Q1 2024', stakeholderIds: 'Politie' } }]);
    expect(result.creates).toEqual([{
      sheet: 'Activiteiten', row: 9, title: 'Voorlichting op scholen', theme: '2. Jeugd & veiligheid',
      changes: [
        { field: 'title', column: 'Activiteit', before: '', after: 'Voorlichting op scholen' },
        { field: 'timeframeText', column: 'Tijdpad', before: '', after: 'Q1 2024' },
        { field: 'stakeholderIds', column: 'Gekoppelde organisaties', before: '', after: 'Politie' },
      ],
    }]);
    expect(result.writes).toEqual([{
      kind: 'create', entity: 'activities',
      record: { themeId: T2, title: 'Voorlichting op scholen', timeframeText: 'Q1 2024', frequencyText: '', stakeholdersText: '', explanation: null, stakeholderIds: [POLICE], position: 5 },
    }]);
  });

  it('reports each row’s errors with its row and column, and writes nothing for those rows', () => {
    const foreign = '00000000-0000-4000-8000-0000000000ee';
    const result = compareActivities({
      rows: [
        rowOf(stored[0], 2, { theme: 'Fietsendiefstal' }),
        rowOf(stored[0], 3),
        { row: 4, cells: { id: foreign, theme: '1. Ondermijning', title: 'Elders' } },
        { row: 5, cells: { id: 'abc', theme: '1. Ondermijning', title: 'Geen sleutel' } },
        rowOf(stored[1], 6, { stakeholderIds: 'Politie; Brandweer', title: '' }),
        { row: 7, cells: { theme: '', title: 'Zonder thema' } },
      ],
      activities: stored, themes, organisations, foreignIds: new Set([foreign]),
    });
    expect(result.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, 'Thema', 'Onbekend thema "Fietsendiefstal": kies een thema van dit programma uit de lijst'],
      [3, 'Sleutel', 'Deze sleutel staat ook in rij 2: elke activiteit staat één keer in het bestand'],
      [4, 'Sleutel', expect.stringMatching(/ander plan/)],
      [5, 'Sleutel', 'Onbekende sleutel "abc": laat de sleutel leeg voor een nieuwe activiteit'],
      [6, 'Gekoppelde organisaties', 'Onbekende betrokkene "Brandweer": gebruik de naam van een organisatie zoals Regie hem kent'],
      [7, 'Thema', 'Kies een thema'],
    ]);
    expect(result.writes).toEqual([]);
    // A row whose title is emptied is refused by the API's own schema.
    expect(compare([rowOf(stored[1], 6, { title: '' })]).issues).toEqual([
      { sheet: 'Activiteiten', row: 6, column: 'Activiteit', message: 'Verplicht veld', severity: 'error' },
    ]);
  });

  it('refuses a move that would leave goals of the old theme behind, and an ambiguous theme name', () => {
    const withGoal = [activity(A1, { goalIds: ['00000000-0000-4000-8000-00000000000b'] })];
    expect(compare([rowOf(withGoal[0], 2, { theme: '2. Jeugd & veiligheid' })], withGoal).issues[0].message).toMatch(/doelen/);
    const twins = compareActivities({
      rows: [rowOf(stored[0], 2, { theme: 'Jeugd' })], activities: stored, organisations, foreignIds: new Set(),
      themes: [...themes, { id: '00000000-0000-4000-8000-0000000000a3', label: '3. Jeugd', title: 'Jeugd' }, { id: '00000000-0000-4000-8000-0000000000a4', label: '4. Jeugd', title: 'Jeugd' }],
    });
    expect(twins.issues[0].message).toBe('Meer dan één thema heet "Jeugd": kies het uit de lijst');
  });

  it('warns – without blocking – about a tijdpad it cannot read and edits of read-only columns, as the API treats them', () => {
    const result = compare([rowOf(stored[0], 2, { timeframeText: 'na de zomer', status: 'Gereed', responsibles: 'Jan' })]);
    expect(result.issues.map((i) => [i.column, i.severity])).toEqual([['Status', 'warning'], ['Verantwoordelijk', 'warning'], ['Tijdpad', 'warning']]);
    expect(result.writes).toEqual([{ kind: 'update', entity: 'activities', id: A1, version: 3, patch: { timeframeText: 'na de zomer' } }]);
  });
});

describe('comparing the budget sheet', () => {
  const L1 = '00000000-0000-4000-8000-0000000000b1';
  const L2 = '00000000-0000-4000-8000-0000000000b2';
  const P = '00000000-0000-4000-8000-0000000000c1';
  const lines: StoredBudgetLine[] = [
    { id: L1, planId: P, version: 2, title: 'Projecten', isPm: false, funding: 'own', amounts: [{ year: null, amountCents: 3_565_000 }, { year: 2019, amountCents: 100 }] },
    { id: L2, planId: P, version: 1, title: 'Overlast openbare ruimte', isPm: true, funding: 'own', amounts: [] },
  ];
  const budget = (rows: SheetRow[]) => compareBudget({ rows, lines, years: [2023, 2024], hasPerYear: true });
  const unchanged = [
    { row: 2, cells: { id: L1, title: 'Projecten', perYear: 35_650, y2023: null, y2024: null } },
    { row: 3, cells: { id: L2, title: 'Overlast openbare ruimte', perYear: 'PM', y2023: null, y2024: null } },
    { row: 4, cells: { id: 'Totaal', title: 'Totaal', perYear: 35_650, y2023: 35_650, y2024: 35_650 } },
  ];

  it('finds nothing to do in an unchanged sheet and skips the totals row', () => {
    expect(budget(unchanged)).toMatchObject({ updates: [], issues: [], writes: [], unchanged: 2 });
  });

  it('changes amounts per year, keeps the years without a column, and turns PM into an amount', () => {
    const result = budget([
      { row: 2, cells: { id: L1, title: 'Projecten', perYear: '€ 36.000,00', y2023: 1200.5, y2024: null } },
      { row: 3, cells: { id: L2, title: 'Overlast openbare ruimte', perYear: null, y2023: null, y2024: '5000' } },
    ]);
    expect(result.issues).toEqual([]);
    expect(result.writes).toEqual([
      { kind: 'update', entity: 'budget-lines', id: L1, version: 2, patch: { isPm: false, amounts: [{ year: null, amountCents: 3_600_000 }, { year: 2019, amountCents: 100 }, { year: 2023, amountCents: 120_050 }] } },
      { kind: 'update', entity: 'budget-lines', id: L2, version: 1, patch: { isPm: false, amounts: [{ year: 2024, amountCents: 500_000 }] } },
    ]);
    expect(result.updates[1].changes).toEqual([{ field: 'amounts', column: 'Bedragen', before: 'PM', after: '2024: 5.000,00' }]);
  });

  it('reports a bad amount, PM beside an amount, a new line and an unknown key per row', () => {
    const result = budget([
      { row: 2, cells: { id: L1, title: 'Projecten', perYear: 'twaalf', y2023: null, y2024: null } },
      { row: 3, cells: { id: L2, title: 'Overlast openbare ruimte', perYear: 'PM', y2023: 100, y2024: null } },
      { row: 5, cells: { id: null, title: 'Nieuwe post', perYear: 100, y2023: null, y2024: null } },
      { row: 6, cells: { id: 'onbekend', title: 'X', perYear: 100, y2023: null, y2024: null } },
    ]);
    expect(result.issues.map((i) => [i.row, i.column])).toEqual([[2, 'Per jaar'], [3, 'Per jaar'], [5, 'Sleutel'], [6, 'Sleutel']]);
    expect(result.issues[1].message).toMatch(/^Een PM-post heeft nog geen bedrag/);
    expect(result.writes).toEqual([]);
  });
});

describe('amounts as people type them', () => {
  it.each([
    [12500, 1_250_000], [1234.567, 123_457], ['12.500', 1_250_000], ['12.500,50', 1_250_050], ['€ 1.234,5', 123_450],
    ['1234.56', 123_456], ['-250', -25_000], ['0', 0],
  ] as const)('%s → %s cents', (input, cents) => expect(parseEuros(input)).toBe(cents));
  it.each(['twaalf', '1,2,3', '12.50.0', '€'])('%s is not an amount', (input) => expect(parseEuros(input)).toBeUndefined());
});
