import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFrequency, type FrequencyProgressInput } from '../../src/domain/frequency-progress.ts';
import { parseFrequency } from '../../src/domain/frequency.ts';
import { parseTimeframe } from '../../src/domain/timeframe.ts';

const PLAN = { start: { year: 2023, quarter: 1 }, end: { year: 2024, quarter: 4 } };
const run = (frequency: string, over: Partial<FrequencyProgressInput> & { timeframeText?: string } = {}) =>
  compareFrequency({
    frequency: parseFrequency(frequency),
    timeframe: parseTimeframe(over.timeframeText ?? '2023-2024'),
    planPeriod: PLAN,
    occurrences: [],
    referenceDate: '2024-07-15',
    ...over,
  });
/** "year:planned/plannedToDate/expected …", or "-" when the frequency cannot be counted. */
const summary = (p: ReturnType<typeof compareFrequency>) =>
  p.isCountable ? p.years.map((y) => `${y.year}:${y.planned}/${y.plannedToDate}/${y.expected}`).join(' ') : '-';

/** Every frequency text in the demo data (data/seeds). */
function seedFrequencies(): string[] {
  const dir = join(import.meta.dirname, '../../data/seeds');
  const texts = new Set<string>();
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') {
      for (const [k, v] of Object.entries(o)) (k === 'frequencyText' && typeof v === 'string' && v ? texts.add(v) : walk(v));
    }
  };
  for (const f of readdirSync(dir)) walk(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  return [...texts];
}

/*
 * Activity 2023–2024, reference date 15 July 2024 (so the lag is judged against what was planned up to 15 June).
 * Per year: planned in the year / planned up to the reference date / expected (planned up to a month earlier).
 * Worked out by hand from the rate per year R: the whole occurrences of R spread evenly over the months, e.g.
 * "1x per 2 weken": R = 26; by 15 July 2024, 18.48 months in: ⌊26 × 18.48 / 12⌋ = 40, of which 26 in 2023 → 14;
 * by 15 June: ⌊26 × 17.5 / 12⌋ = 37 → 11.
 */
const SEED_FORMS: Record<string, string> = {
  'eens per zes weken': '2023:8/8/8 2024:9/5/4',
  'Districtelijke werkgroep 1 maal per 6 weken': '2023:8/8/8 2024:9/5/4',
  'jaarlijks': '2023:1/1/1 2024:1/0/0',
  'jaarlijks terugkerende': '2023:1/1/1 2024:1/0/0',
  'eens per jaar': '2023:1/1/1 2024:1/0/0',
  'elk jaar': '2023:1/1/1 2024:1/0/0',
  'Wisselend. BPV’s minimaal eenmaal per jaar een bijeenkomst met elkaar en gemeente.': '2023:1/1/1 2024:1/0/0',
  'viermaal per jaar': '2023:4/4/4 2024:4/2/1',
  '4 integrale controles per jaar': '2023:4/4/4 2024:4/2/1',
  '4 maal per jaar': '2023:4/4/4 2024:4/2/1',
  'drie integrale controles per jaar': '2023:3/3/3 2024:3/1/1',
  '3 verschillende activiteiten per jaar': '2023:3/3/3 2024:3/1/1',
  'Elk project 3 maal per jaar een bijeenkomst': '2023:3/3/3 2024:3/1/1',
  '3 maal per jaar': '2023:3/3/3 2024:3/1/1',
  'Tweemaal per jaar groot overleg met alle schoolbesturen/scholen': '2023:2/2/2 2024:2/1/0',
  'Minimaal 2 maal per jaar': '2023:2/2/2 2024:2/1/0',
  '2 maal per jaar': '2023:2/2/2 2024:2/1/0',
  // A range counts its lower bound.
  'Twee/driemaal per jaar horecaplatform': '2023:2/2/2 2024:2/1/0',
  // Once in two years: due by the end of the second year.
  'eens per twee jaar': '2023:0/0/0 2024:1/0/0',
  '1 keer per 2 jaar': '2023:0/0/0 2024:1/0/0',
  'elke 2 jaar': '2023:0/0/0 2024:1/0/0',
  '1x per 2 weken': '2023:26/26/26 2024:26/14/11',
  'wekelijks': '2023:52/52/52 2024:52/28/23',
  // The parser reads the weekly meeting in this list of meetings (see frequency.ts).
  'Iedere 6 weken PGA-overleg; Wekelijks kort bijpraat moment; Triage-overleg op afroep; Tweemaal per jaar apart overleg met politie; Casusoverleg TopX ZVHGV op afroep.': '2023:52/52/52 2024:52/28/23',
  '1 keer per 5 weken casusoverleg woonoverlast': '2023:10/10/10 2024:10/6/5',
  'Iedere 2 maanden': '2023:6/6/6 2024:6/3/2',
  'Werkgroep vergadert eenmaal per drie weken': '2023:17/17/17 2024:17/9/8',
  'driewekelijks': '2023:17/17/17 2024:17/9/8',
  'Eens per 4 weken': '2023:13/13/13 2024:13/7/5',
  '1 maal per 4 weken': '2023:13/13/13 2024:13/7/5',
  // Once: due at the end of the activity's period.
  'Eenmalig. Daarna activiteiten gericht op bewustwording volgens planning.': '2023:0/0/0 2024:1/0/0',
  'Eénmalig onderzoek': '2023:0/0/0 2024:1/0/0',
  'eenmalig': '2023:0/0/0 2024:1/0/0',
  // Continuous and unrecognised: not countable.
  'Doorlopend': '-',
  'Doorlopend; Q4 2023/Q1 2024 mogelijk COA-boot;': '-',
  'Jaaragenda met activiteiten wordt eind Q2 opgeleverd': '-',
  'Onderdeel van jaaragenda': '-',
  'Minimaal op 2 plaatsen in Huizen een project (laten) uitvoeren': '-',
  'Q3 Doormiddel van meerdere bijeenkomsten is de beschrijving, implementatie en vaststelling nieuwe crisisorganisatie gereed': '-',
  'Q4 Evalueren organisatieplan en bijstellen': '-',
  'Afhankelijk van ontwikkelingen': '-',
  'Vaststelling door raad': '-',
  'Adhv jaaragenda, thema’s per kwartaal?': '-',
  'na een inbraak': '-',
  'voortdurend': '-',
  'regelmatig': '-',
  'jaarlijks op meerdere momenten': '-',
  'structureel': '-',
  'periodiek': '-',
};

describe('planned against realised for every frequency form in the seeds', () => {
  it('covers every frequency text of the demo data', () => {
    expect(seedFrequencies().filter((t) => !(t in SEED_FORMS))).toEqual([]);
  });

  it.each(Object.entries(SEED_FORMS))('%s → %s', (text, expected) => {
    expect(summary(run(text))).toBe(expected);
  });

  it('counts nothing as lagging where nothing can be counted, but still counts what was realised', () => {
    for (const text of ['op afroep', 'Doorlopend', 'regelmatig']) {
      const p = run(text, { occurrences: ['2023-05-01', '2024-02-01', '2024-03-01'] });
      expect(p.isCountable, text).toBe(false);
      expect(p.isLagging).toBe(false);
      expect(p.years.map((y) => [y.year, y.realised])).toEqual([[2023, 1], [2024, 2]]);
    }
  });
});

describe('the period and the spread', () => {
  it('starts counting at the start of the tijdpad', () => {
    // Four a year from Q2 2023: three in 2023 (Q2–Q4), four in 2024.
    expect(summary(run('4 maal per jaar', { timeframeText: 'Q2 2023 - Q4 2024', referenceDate: '2025-03-01' }))).toBe('2023:3/3/3 2024:4/4/4');
  });

  it('spreads a continuous activity over the programme, from its start', () => {
    expect(summary(run('4 maal per jaar', { timeframeText: 'Vanaf Q3 2023', referenceDate: '2025-03-01' }))).toBe('2023:2/2/2 2024:4/4/4');
    expect(summary(run('4 maal per jaar', { timeframeText: 'Doorlopend', referenceDate: '2025-03-01' }))).toBe('2023:4/4/4 2024:4/4/4');
    expect(summary(run('4 maal per jaar', { timeframeText: 'Onbekend tijdpad', referenceDate: '2025-03-01' }))).toBe('2023:4/4/4 2024:4/4/4');
  });

  it('expects a one-off activity at the end of its tijdpad', () => {
    const before = run('Eenmalig', { timeframeText: 'Q1-Q2 2024', referenceDate: '2024-06-20' });
    expect(summary(before)).toBe('2024:1/0/0');
    const after = run('Eenmalig', { timeframeText: 'Q1-Q2 2024', referenceDate: '2024-08-01' });
    expect(summary(after)).toBe('2024:1/1/1');
    expect(after.isLagging).toBe(true);
    expect(run('Eenmalig', { timeframeText: 'Q1-Q2 2024', referenceDate: '2024-08-01', occurrences: ['2024-05-14'] }).isLagging).toBe(false);
  });

  it('plans nothing in a year before the reference date reaches it', () => {
    expect(summary(run('4 maal per jaar', { referenceDate: '2023-05-01' }))).toBe('2023:4/1/1 2024:4/0/0');
  });
});

describe('the lag and its tolerance of one month', () => {
  it('does not flag what was due less than a month ago', () => {
    // Due by the end of March; on 15 April the month has not passed yet.
    const p = run('4 maal per jaar', { occurrences: ['2023-03-01', '2023-06-01', '2023-09-01', '2023-12-01'], referenceDate: '2024-04-15' });
    expect(p.years[1]).toMatchObject({ year: 2024, plannedToDate: 1, expected: 0, realised: 0, isLagging: false });
    expect(p.isLagging).toBe(false);
  });

  it('flags it once the month has passed, and no longer when the occurrence is recorded', () => {
    const occurrences = ['2023-03-01', '2023-06-01', '2023-09-01', '2023-12-01'];
    const late = run('4 maal per jaar', { occurrences, referenceDate: '2024-05-01' });
    expect(late.years[1]).toMatchObject({ expected: 1, realised: 0, isLagging: true });
    expect(late.isLagging).toBe(true);
    expect(run('4 maal per jaar', { occurrences: [...occurrences, '2024-03-20'], referenceDate: '2024-05-01' }).isLagging).toBe(false);
  });

  it('judges each year on its own, the whole year once it is over', () => {
    const p = run('Tweemaal per jaar', { occurrences: ['2023-04-01', '2024-03-01', '2024-05-01', '2024-09-01'], referenceDate: '2025-02-15' });
    expect(p.years.map((y) => [y.year, y.expected, y.realised, y.isLagging])).toEqual([[2023, 2, 1, true], [2024, 2, 3, false]]);
    expect(p.isLagging).toBe(true);
  });

  it('never flags an activity that is gereed or vervallen', () => {
    for (const status of ['done', 'cancelled'] as const) {
      expect(run('4 maal per jaar', { status, referenceDate: '2025-02-15' }).isLagging).toBe(false);
    }
    expect(run('4 maal per jaar', { status: 'delayed', referenceDate: '2025-02-15' }).isLagging).toBe(true);
  });

  it('ignores occurrences after the reference date and lists years outside the period where something happened', () => {
    const p = run('1 maal per jaar', { occurrences: ['2022-11-01', '2023-05-01', '2024-08-01'], referenceDate: '2024-07-15' });
    expect(p.years.map((y) => [y.year, y.realised])).toEqual([[2022, 1], [2023, 1], [2024, 0]]);
    expect(p.years[0].planned).toBe(0);
  });
});
