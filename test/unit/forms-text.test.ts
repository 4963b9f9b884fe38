import { describe, expect, it } from 'vitest';
import { suggestFrequency, suggestTimeframe } from '../../src/domain/parse-suggestions.ts';
import { parseFrequency } from '../../src/domain/frequency.ts';
import { parseTimeframe } from '../../src/domain/timeframe.ts';
import { fieldMessage } from '../../src/text/field-messages.ts';
import { formatDate, formatDateTime } from '../../src/text/format.ts';

describe('suggestions for a tijdpad or frequency Regie cannot read (review D12)', () => {
  it.each([
    ['Q5 2023', 'Q1–Q4 2023'],
    ['3e kwartaal 2024', 'Q3 2024'],
    ['kwartaal 2 2025', 'Q2 2025'],
    ['Q3-24', 'Q3 2024'],
    ['eind 2024', 'Q4 2024'],
    ['in de loop van 2023', 'Q1–Q4 2023'],
  ])('%s → bedoelt u %s?', (text, suggestion) => {
    expect(parseTimeframe(text).kind).toBe('unparsed');
    expect(suggestTimeframe(text)).toBe(suggestion);
    expect(parseTimeframe(suggestion).kind).not.toBe('unparsed');
  });

  it('suggests nothing for a readable tijdpad or one beyond a guess', () => {
    expect(suggestTimeframe('Q1-Q2 2024')).toBeNull();
    expect(suggestTimeframe('na de zomer')).toBeNull();
    expect(suggestTimeframe('')).toBeNull();
  });

  it.each([
    ['Onderdeel van jaaragenda', 'Jaarlijks'],
    ['3x/jaar', '3 maal per jaar'],
    ['2 keer in het jaar', '2 maal per jaar'],
    ['per maand', '1 maal per maand'],
    ['ad hoc', 'Op afroep'],
  ])('frequency %s → bedoelt u %s?', (text, suggestion) => {
    expect(parseFrequency(text).kind).toBe('unparsed');
    expect(suggestFrequency(text)).toBe(suggestion);
    expect(parseFrequency(suggestion).kind).not.toBe('unparsed');
  });

  it('suggests nothing for a readable frequency', () => {
    expect(suggestFrequency('Tweemaal per jaar')).toBeNull();
  });
});

describe('field messages (review D12)', () => {
  it('says what to fill in instead of "Verplicht veld", per collection and field', () => {
    expect(fieldMessage('activities', 'title', 'Verplicht veld')).toBe('Vul de naam van de activiteit in');
    expect(fieldMessage('themes', 'title', 'Verplicht veld')).toBe('Vul de naam van het thema in');
    expect(fieldMessage('indicators', 'name', 'Verplicht veld')).toBe('Vul de naam van de indicator in');
  });
  it('keeps other messages, and fields without their own text', () => {
    expect(fieldMessage('activities', 'title', 'Maximaal 1000 tekens')).toBe('Maximaal 1000 tekens');
    expect(fieldMessage('decisions', 'sections.0.title', 'Verplicht veld')).toBe('Verplicht veld');
  });
});

describe('one date format (review D13)', () => {
  it('writes a moment as the date with its month in words and the time without seconds', () => {
    const text = formatDateTime('2026-12-03T06:20:55Z');
    expect(text).toMatch(/^3 december 2026 om \d{2}:20$/);
    expect(text.startsWith(formatDate('2026-12-03'))).toBe(true);
  });
});
