import { describe, expect, it } from 'vitest';
import { parseFrequency, plannedPerYear } from '../../src/domain/frequency.ts';

const every = (count: number, amount: number, unit: string, extra = {}) => ({ kind: 'recurring', count, per: { amount, unit }, ...extra });

describe('parseFrequency: every frequency form in the seeds', () => {
  it.each([
    ['1 maal per 6 weken', every(1, 6, 'week')],
    ['Districtelijke werkgroep 1 maal per 6 weken', every(1, 6, 'week')],
    ['4 integrale controles per jaar', every(4, 1, 'year')],
    ['2023 -2024 @ 4 integrale controles per jaar', every(4, 1, 'year')],
    ['Tweemaal per jaar', every(2, 1, 'year')],
    ['Eens per 4 weken', every(1, 4, 'week')],
    ['eens per zes weken', every(1, 6, 'week')],
    ['Iedere 2 maanden', every(1, 2, 'month')],
    ['iedere drie weken', every(1, 3, 'week')],
    ['Werkgroep vergadert eenmaal per drie weken', every(1, 3, 'week')],
    ['Minimaal 2 maal per jaar', every(2, 1, 'year', { isMinimum: true })],
    ['BPV’s minimaal eenmaal per jaar een bijeenkomst', every(1, 1, 'year', { isMinimum: true })],
    ['Twee/driemaal per jaar horecaplatform', every(2, 1, 'year', { countMax: 3 })],
    ['2x per jaar', every(2, 1, 'year')],
    ['1x per 2 weken', every(1, 2, 'week')],
    ['5-wekelijks casusoverleg', every(1, 5, 'week')],
    ['driewekelijks', every(1, 3, 'week')],
    ['viermaal per jaar', every(4, 1, 'year')],
    ['eens per twee jaar', every(1, 2, 'year')],
    ['drie integrale controles per jaar', every(3, 1, 'year')],
    ['3 verschillende activiteiten per jaar', every(3, 1, 'year')],
    ['jaarlijks', every(1, 1, 'year')],
    ['elk jaar', every(1, 1, 'year')],
    ['op afroep', { kind: 'on_request' }],
    ['ZVHGV op afroep.', { kind: 'on_request' }],
    ['Eenmalig', { kind: 'once' }],
    ['Eenmalig. Daarna evaluatie', { kind: 'once' }],
    ['Eénmalig onderzoek', { kind: 'once' }],
    ['Iedere 6 weken PGA-overleg; ZVHGV op afroep', every(1, 6, 'week')],
    ['Doorlopend', { kind: 'continuous' }],
  ])('%s', (text, expected) => {
    expect(parseFrequency(text)).toEqual(expected);
  });

  it('flags text that is not a frequency, and does not mistake years for counts', () => {
    expect(parseFrequency('Onderdeel van jaaragenda')).toEqual({ kind: 'unparsed' });
    expect(parseFrequency('Activiteiten in 2023 en 2024')).toEqual({ kind: 'unparsed' });
    expect(parseFrequency('jaarlijks op meerdere momenten')).toEqual({ kind: 'unparsed' });
    expect(parseFrequency('')).toEqual({ kind: 'unparsed' });
  });
});

describe('plannedPerYear', () => {
  it.each([
    ['1 maal per 6 weken', 8],
    ['Eens per 4 weken', 13],
    ['Iedere 2 maanden', 6],
    ['4 integrale controles per jaar', 4],
    ['Twee/driemaal per jaar', 2],
    ['eens per twee jaar', 0],
    ['Eenmalig', 1],
    ['op afroep', null],
  ])('%s → %s', (text, n) => {
    expect(plannedPerYear(parseFrequency(text))).toBe(n);
  });
});

describe('parseFrequency refuses frequencies that cannot be planned', () => {
  it.each(['0x per jaar', 'eens per 0 weken', '0-wekelijks', 'iedere 0 maanden', '0 maal per jaar'])('%s', (text) => {
    expect(parseFrequency(text)).toEqual({ kind: 'unparsed' });
  });
});
