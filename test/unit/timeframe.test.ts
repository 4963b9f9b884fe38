import { describe, expect, it } from 'vitest';
import { isActiveInQuarter, parseTimeframe } from '../../src/domain/timeframe.ts';

const range = (sy: number, sq: number, ey: number, eq: number) => ({
  kind: 'range', start: { year: sy, quarter: sq }, end: { year: ey, quarter: eq },
});

describe('parseTimeframe: every tijdpad form in the seeds', () => {
  it.each([
    ['Q2 2023', range(2023, 2, 2023, 2)],
    ['Q1-Q2 2023', range(2023, 1, 2023, 2)],
    ['Q1 - Q2 2024', range(2024, 1, 2024, 2)],
    ['Q3 Q4 2023', range(2023, 3, 2023, 4)],
    ['2023-2024', range(2023, 1, 2024, 4)],
    ['2023 -2024', range(2023, 1, 2024, 4)],
    ['2023 2024', range(2023, 1, 2024, 4)],
    ['Q4 2023/Q1 2024', range(2023, 4, 2024, 1)],
    ['Q42023 /Q12024', range(2023, 4, 2024, 1)],
    ['2024', range(2024, 1, 2024, 4)],
    ['Vanaf Q3 2023', { kind: 'continuous', start: { year: 2023, quarter: 3 } }],
    ['Vanaf Q4\n2023', { kind: 'continuous', start: { year: 2023, quarter: 4 } }],
    ['2024 e.v.', { kind: 'continuous', start: { year: 2024, quarter: 1 } }],
    ['Doorlopend', { kind: 'continuous' }],
    ['doorlopend', { kind: 'continuous' }],
    ['2023/doorlopend', { kind: 'continuous', start: { year: 2023, quarter: 1 } }],
    ['Doorlopen', { kind: 'continuous' }],
    ['Doorlopend; Q3 en Q4 implementatie "nieuwe" werkwijze', { kind: 'continuous' }],
    ['Q2 en Q3 2023', range(2023, 2, 2023, 3)],
    ['Q4 2023-2024', range(2023, 4, 2024, 4)],
  ])('%s', (text, expected) => {
    expect(parseTimeframe(text)).toEqual(expected);
  });

  it('fills in the plan year for a quarter without a year ("Vanaf Q3")', () => {
    expect(parseTimeframe('Vanaf Q3', 2023)).toEqual({ kind: 'continuous', start: { year: 2023, quarter: 3 } });
    expect(parseTimeframe('Vanaf Q3')).toEqual({ kind: 'unparsed' });
    expect(parseTimeframe('Q3 en Q4', 2023)).toEqual(range(2023, 3, 2023, 4));
  });

  it('reads an annual cycle with its quarter steps', () => {
    expect(parseTimeframe('Jaarlijks Q1: evaluatie; Q2: Plan van aanpak; Q3+ Q4: concrete voorbereiding en uitvoering')).toEqual({
      kind: 'annual',
      steps: [
        { quarters: [1], label: 'evaluatie' },
        { quarters: [2], label: 'Plan van aanpak' },
        { quarters: [3, 4], label: 'concrete voorbereiding en uitvoering' },
      ],
    });
  });

  it('flags text that is not a tijdpad instead of guessing', () => {
    expect(parseTimeframe('Afhankelijk van ontwikkelingen')).toEqual({ kind: 'unparsed' });
    expect(parseTimeframe('')).toEqual({ kind: 'unparsed' });
    expect(parseTimeframe('Q5 2023')).toEqual({ kind: 'unparsed' });
  });
});

describe('isActiveInQuarter', () => {
  const q = (year: number, quarter: number) => ({ year, quarter });
  it('covers the quarters of a range, inclusive', () => {
    const tf = parseTimeframe('Q4 2023/Q1 2024');
    expect(isActiveInQuarter(tf, q(2023, 3))).toBe(false);
    expect(isActiveInQuarter(tf, q(2023, 4))).toBe(true);
    expect(isActiveInQuarter(tf, q(2024, 1))).toBe(true);
    expect(isActiveInQuarter(tf, q(2024, 2))).toBe(false);
  });
  it('covers every quarter from the start of continuous work', () => {
    expect(isActiveInQuarter(parseTimeframe('Vanaf Q3 2023'), q(2023, 2))).toBe(false);
    expect(isActiveInQuarter(parseTimeframe('Vanaf Q3 2023'), q(2026, 1))).toBe(true);
    expect(isActiveInQuarter(parseTimeframe('Doorlopend'), q(2019, 1))).toBe(true);
  });
  it('covers the steps of an annual cycle in every year', () => {
    const tf = parseTimeframe('Jaarlijks Q1: evaluatie; Q3+Q4: uitvoering');
    expect(isActiveInQuarter(tf, q(2025, 1))).toBe(true);
    expect(isActiveInQuarter(tf, q(2025, 2))).toBe(false);
  });
});
