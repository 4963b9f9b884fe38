import { describe, expect, it } from 'vitest';
import {
  addMonths, isSmallMeldpuntCount, monthPeriod, monthsBetween, rollUpMeldpuntMonths, shownCount, workingDaysBetween, MELDPUNT_SOURCE,
} from '../../src/domain/meldpunt-overview.ts';
import { indicatorStatus } from '../../src/domain/indicator.ts';

describe('the meldpunt in figures, pure rules', () => {
  it('counts working days after the first day up to the last, whatever the span', () => {
    const d = (s: string) => new Date(`${s}T12:00:00Z`);
    // Thursday 3 December 2026.
    expect(workingDaysBetween(d('2026-12-03'), d('2026-12-03'))).toBe(0);
    expect(workingDaysBetween(d('2026-12-03'), d('2026-12-04'))).toBe(1);
    expect(workingDaysBetween(d('2026-12-03'), d('2026-12-07'))).toBe(2);
    expect(workingDaysBetween(d('2026-12-05'), d('2026-12-06'))).toBe(0);
    expect(workingDaysBetween(d('2026-12-03'), d('2026-12-17'))).toBe(10);
    expect(workingDaysBetween(d('2026-01-01'), d('2026-12-31'))).toBe(260);
    expect(workingDaysBetween(d('2026-12-07'), d('2026-12-03'))).toBe(0);
  });

  it('marks meldpunt counts of 1 to 4 only', () => {
    expect([0, 1, 4, 5].map((value) => isSmallMeldpuntCount({ source: MELDPUNT_SOURCE, value }))).toEqual([false, true, true, false]);
    expect(isSmallMeldpuntCount({ source: 'Politie', value: 3 })).toBe(false);
    expect(shownCount(3, false)).toEqual({ count: null, isSmall: true });
    expect(shownCount(3, true)).toEqual({ count: 3, isSmall: true });
  });

  it('spans months across a year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(addMonths('2026-01', -11)).toBe('2025-02');
    expect(monthPeriod('2024-02')).toEqual({ label: '2024 februari', start: '2024-02-01', end: '2024-02-29' });
  });
});

describe('an indicator counted by the meldpunt', () => {
  const month = (m: string, value: number, isProvisional = false) => {
    const p = monthPeriod(m);
    return { periodLabel: p.label, periodStart: p.start, periodEnd: p.end, kind: 'value' as const, value, isProvisional, source: MELDPUNT_SOURCE };
  };
  // "Meldingen van jeugdoverlast": at most 50 a year by 2027, from 70 in 2023.
  const indicator = { targetKind: 'maximum', targetValue: 50, targetYear: 2027, baselineValue: 70, baselineYear: 2023, direction: 'lower_is_better' } as never;

  it('is judged on its yearly sum, not on one month: a full year is final, the running year provisional', () => {
    const months = [...monthsBetween('2025-01', '2025-12').map((m) => month(m, 6)), month('2026-01', 2), month('2026-02', 3, true)];
    const status = indicatorStatus(indicator, months);
    expect(status.measurement).toMatchObject({ periodLabel: '2025', value: 72, isProvisional: false });
    expect(status.status).toBe('off_track');
    expect(status.newerProvisional).toMatchObject({ periodLabel: '2026', value: 5, isProvisional: true });
    expect(rollUpMeldpuntMonths(months).filter((m) => m.source === MELDPUNT_SOURCE)).toHaveLength(2);
  });

  it('keeps measurements of other sources as they are', () => {
    const yearly = { periodLabel: '2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', kind: 'value' as const, value: 64, isProvisional: false, source: 'Politie' };
    expect(rollUpMeldpuntMonths([yearly])).toEqual([yearly]);
  });
});
