import { describe, expect, it } from 'vitest';
import { formatIndicatorValue, granularityOf, measurementSeries, periodMidpoint, seriesTable } from '../../src/domain/indicator-series.ts';
import type { StatusMeasurementInput } from '../../src/domain/indicator.ts';

const m = (label: string, start: string, end: string, value: number, over: Partial<StatusMeasurementInput> = {}): StatusMeasurementInput => ({
  periodLabel: label, periodStart: start, periodEnd: end, kind: 'value', value, isProvisional: false, ...over,
});

describe('series of an indicator', () => {
  // Laren's police figures: half years beside whole years, a change in percent, and the region beside Laren.
  const laren = [
    m('jan-jun 2017', '2017-01-01', '2017-06-30', 258),
    m('2016', '2016-01-01', '2016-12-31', 543),
    m('2017', '2017-01-01', '2017-12-31', 468),
    m('jan-jun 2018', '2018-01-01', '2018-06-30', 216),
    m('2017 t.o.v. 2016', '2017-01-01', '2017-12-31', -14, { kind: 'change_percent' }),
    m('2017', '2017-01-01', '2017-12-31', 7.1, { areaCode: 'RE03' }),
    m('2017', '2017-01-01', '2017-12-31', 7.3, { area: 'Gooi en Vechtstreek' }),
  ];

  it('keeps own values of different period lengths apart, years first, and leaves changes in percent out', () => {
    const series = measurementSeries(laren, (code) => (code === 'RE03' ? 'Midden-Nederland (RE)' : undefined), ['RE03']);
    expect(series.map((s) => [s.key, s.granularity, s.area?.name ?? null, s.points.map((p) => p.value)])).toEqual([
      ['own:year', 'year', null, [543, 468]],
      ['own:half_year', 'half_year', null, [258, 216]],
      ['RE03', null, 'Midden-Nederland (RE)', [7.1]],
      ['Gooi en Vechtstreek', null, 'Gooi en Vechtstreek', [7.3]],
    ]);
  });

  it('puts them in one table by period, one column per series (reference areas without an order by name)', () => {
    const table = seriesTable(measurementSeries(laren));
    expect(table.map((r) => [r.periodLabel, r.cells.map((c) => c?.value ?? null)])).toEqual([
      ['2016', [543, null, null, null]],
      ['jan-jun 2017', [null, 258, null, null]],
      ['2017', [468, null, 7.3, 7.1]],
      ['jan-jun 2018', [null, 216, null, null]],
    ]);
  });

  it('names period lengths and places a period in the middle of its time', () => {
    expect(granularityOf('2023-01-01', '2023-12-31')).toBe('year');
    expect(granularityOf('2024-01-01', '2024-12-31')).toBe('year');
    expect(granularityOf('2023-04-01', '2023-06-30')).toBe('quarter');
    expect(granularityOf('2023-02-01', '2023-02-28')).toBe('month');
    expect(granularityOf('2018-12-31', '2018-12-31')).toBe('day');
    expect(granularityOf('2014-01-01', '2018-12-31')).toBe('multi_year');
    expect(periodMidpoint('2023-01-01', '2023-12-31')).toBeCloseTo(2023.5, 2);
    expect(periodMidpoint('2018-01-01', '2018-06-30')).toBeCloseTo(2018.25, 2);
  });

  it('formats values the Dutch way, with their unit', () => {
    expect(formatIndicatorValue(1057.5, 'aantal')).toBe('1.057,5');
    expect(formatIndicatorValue(27.4, '%')).toBe('27,4%');
    expect(formatIndicatorValue(27.44, 'per 1.000 inwoners')).toBe('27,44 per 1.000 inwoners');
  });
});
