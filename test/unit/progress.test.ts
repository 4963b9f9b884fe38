import { describe, expect, it } from 'vitest';
import { statusChangeMessage } from '../../src/text/nl/monitoring.ts';
import { checkStatusChange, needsNote, nextStatuses, STATUS_TRANSITIONS, ZProgressInput } from '../../src/domain/progress.ts';
import { isAwaitedInRound, quarterEndDate } from '../../src/domain/rounds.ts';
import { ACTIVITY_STATUSES } from '../../src/domain/schemas.ts';
import { parseTimeframe } from '../../src/domain/timeframe.ts';

describe('status transitions', () => {
  it.each([
    ['not_started', ['in_progress', 'delayed', 'done', 'cancelled']],
    ['in_progress', ['delayed', 'done', 'cancelled']],
    ['delayed', ['in_progress', 'done', 'cancelled']],
    ['done', ['in_progress']],
    ['cancelled', ['not_started']],
  ] as const)('from %s', (from, allowed) => {
    expect(nextStatuses(from)).toEqual(allowed);
    for (const to of ACTIVITY_STATUSES) {
      const problem = checkStatusChange(from, to, true);
      expect(problem === null, `${from} → ${to}`).toBe(to === from || (allowed as readonly string[]).includes(to));
    }
  });

  it('refuses going back to "niet gestart" once work started, and names the way forward', () => {
    const problem = checkStatusChange('in_progress', 'not_started', true);
    expect(problem).toEqual({ path: 'status', from: 'in_progress', to: 'not_started', options: ['delayed', 'done', 'cancelled'] });
    expect(statusChangeMessage(problem!)).toBe(
      'De status kan niet van "loopt" naar "niet gestart". Vanuit "loopt" kan het naar "vertraagd" of "gereed" of "vervallen".',
    );
  });

  it('asks a note for a delay, a cancellation, reopening and reinstating', () => {
    const noted = ACTIVITY_STATUSES.flatMap((from) => STATUS_TRANSITIONS[from].filter((t) => needsNote(from, t.to)).map((t) => `${from}→${t.to}`));
    expect(noted).toEqual([
      'not_started→delayed', 'not_started→cancelled', 'in_progress→delayed', 'in_progress→cancelled', 'done→in_progress',
      'delayed→cancelled', 'cancelled→not_started',
    ]);
    expect(checkStatusChange('in_progress', 'delayed', false)?.path).toBe('note');
    expect(checkStatusChange('in_progress', 'delayed', true)).toBeNull();
    expect(checkStatusChange('in_progress', 'done', false)).toBeNull();
  });

  it('gives every transition its reason', () => {
    for (const from of ACTIVITY_STATUSES) for (const t of STATUS_TRANSITIONS[from]) expect(t.reason.length).toBeGreaterThan(5);
  });
});

describe('a progress update', () => {
  it('needs something to say, and a version with a status change', () => {
    const errors = (input: unknown) => {
      const r = ZProgressInput.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(errors({})).toEqual(['note']);
    expect(errors({ note: '   ' })).toEqual(['note']);
    expect(errors({ status: 'done' })).toEqual(['version']);
    expect(errors({ status: 'done', version: 3 })).toEqual([]);
    expect(errors({ percentComplete: 101 })).toEqual(['percentComplete']);
    expect(errors({ percentComplete: 12.5 })).toEqual(['percentComplete']);
    expect(errors({ milestone: 'Plan van aanpak vastgesteld' })).toEqual([]);
  });
});

describe('which activities a round asks for an update', () => {
  const q = { year: 2024, quarter: 3 };
  const activity = (timeframeText: string, status: 'not_started' | 'in_progress' | 'done' | 'cancelled' | 'delayed' = 'in_progress') =>
    ({ status, timeframe: parseTimeframe(timeframeText, 2023) });
  it.each([
    ['Q1-Q2 2024', 'in_progress', true],
    ['Q3 2024', 'not_started', true],
    ['Q4 2024', 'not_started', false],
    ['Q2 2023', 'not_started', true],
    ['Q2 2023', 'done', false],
    ['2023-2024', 'cancelled', false],
    ['Vanaf Q4 2024', 'not_started', false],
    ['Doorlopend', 'delayed', true],
    ['Jaarlijks Q1: evaluatie; Q2: plan; Q3+Q4: uitvoering', 'in_progress', true],
    ['Zodra mogelijk', 'not_started', true],
  ] as const)('%s, %s → %s', (text, status, expected) => {
    expect(isAwaitedInRound(activity(text, status), q)).toBe(expected);
  });

  it('knows the last day of a quarter', () => {
    expect(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2023-Q1'].map(quarterEndDate)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31', '2023-03-31']);
  });
});
