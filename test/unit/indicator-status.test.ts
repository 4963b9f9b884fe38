import { describe, expect, it } from 'vitest';
import { indicatorStatus, type StatusMeasurementInput } from '../../src/domain/indicator.ts';
import { parsePeriod } from '../../src/domain/period.ts';

type Indicator = Parameters<typeof indicatorStatus>[0];

const indicator = (over: Partial<Indicator>): Indicator => ({
  direction: 'neutral', baselineValue: null, baselineYear: null, targetKind: null, targetValue: null,
  targetChangePercent: null, targetYear: null, ...over,
});

/** A yearly value of the own area. */
const year = (y: number, value: number, over: Partial<StatusMeasurementInput> = {}): StatusMeasurementInput => ({
  periodLabel: String(y), periodStart: `${y}-01-01`, periodEnd: `${y}-12-31`, kind: 'value', value, isProvisional: false, ...over,
});

// Huizen UVP: "Veiligheidsgevoel 83% (2022) → 85% in 2026", higher is better.
const feelingSafe = indicator({ direction: 'higher_is_better', baselineValue: 83, baselineYear: 2022, targetKind: 'absolute', targetValue: 85, targetYear: 2026 });

describe('indicator status: absolute target', () => {
  it('is achieved when the latest value reaches the target, before or in the target year', () => {
    expect(indicatorStatus(feelingSafe, [year(2023, 85.5)])).toMatchObject({ status: 'achieved', rule: 'target_met', target: 85, comparison: 'at_least' });
  });

  it('is on track at or ahead of the straight line from baseline to target', () => {
    // 2024 is half way from 2022 to 2026: the line stands at 84.
    const s = indicatorStatus(feelingSafe, [year(2023, 83.1), year(2024, 84)]);
    expect(s).toMatchObject({ status: 'on_track', rule: 'on_path', expected: 84, measurement: { periodLabel: '2024', value: 84 } });
  });

  it('is a risk behind the line but not worse than the baseline', () => {
    expect(indicatorStatus(feelingSafe, [year(2024, 83.5)])).toMatchObject({ status: 'at_risk', rule: 'behind_path', expected: 84 });
  });

  it('is off track worse than the baseline, and when the target year has come and the target is not met', () => {
    expect(indicatorStatus(feelingSafe, [year(2024, 82)])).toMatchObject({ status: 'off_track', rule: 'worse_than_baseline' });
    expect(indicatorStatus(feelingSafe, [year(2026, 84.9)])).toMatchObject({ status: 'off_track', rule: 'target_not_met' });
  });

  it('follows the direction: lower is better', () => {
    const complaints = indicator({ direction: 'lower_is_better', baselineValue: 44, baselineYear: 2017, targetKind: 'absolute', targetValue: 34, targetYear: 2021 });
    expect(indicatorStatus(complaints, [year(2019, 38)])).toMatchObject({ status: 'on_track', expected: 39, comparison: 'at_most' });
    expect(indicatorStatus(complaints, [year(2019, 40)])).toMatchObject({ status: 'at_risk' });
    expect(indicatorStatus(complaints, [year(2019, 45)])).toMatchObject({ status: 'off_track', rule: 'worse_than_baseline' });
    expect(indicatorStatus(complaints, [year(2020, 34)])).toMatchObject({ status: 'achieved' });
  });

  it('takes the direction from the target’s side of the baseline when none is given', () => {
    const neutral = indicator({ baselineValue: 10, baselineYear: 2020, targetKind: 'absolute', targetValue: 20, targetYear: 2024 });
    expect(indicatorStatus(neutral, [year(2022, 16)])).toMatchObject({ status: 'on_track', comparison: 'at_least', expected: 15 });
    // Without a baseline there is no side and no line: only reached or not.
    const bare = indicator({ targetKind: 'absolute', targetValue: 100, targetYear: 2021 });
    expect(indicatorStatus(bare, [year(2019, 100)])).toMatchObject({ status: 'achieved', comparison: 'exactly' });
    expect(indicatorStatus(bare, [year(2019, 90)])).toMatchObject({ status: 'at_risk', rule: 'no_path' });
  });

  it('is a risk, not on track, when there is no line to compare with (no baseline year)', () => {
    const noYear = indicator({ direction: 'higher_is_better', baselineValue: 83, targetKind: 'absolute', targetValue: 85, targetYear: 2026 });
    expect(indicatorStatus(noYear, [year(2024, 84)])).toMatchObject({ status: 'at_risk', rule: 'no_path' });
  });
});

describe('indicator status: relative target', () => {
  // Laren: "auto-inbraken 65 (2017) → 59 (-10%) in 2021".
  const carBreakIns = indicator({ direction: 'lower_is_better', baselineValue: 65, baselineYear: 2017, targetKind: 'relative', targetChangePercent: -10, targetValue: 59, targetYear: 2021 });

  it('compares with the stated result when it fits the percentage', () => {
    expect(indicatorStatus(carBreakIns, [year(2021, 59)])).toMatchObject({ status: 'achieved', target: 59 });
    expect(indicatorStatus(carBreakIns, [year(2019, 61)])).toMatchObject({ status: 'on_track', expected: 62 });
  });

  it('computes the result from the percentage when none is stated', () => {
    const computed = indicator({ direction: 'lower_is_better', baselineValue: 80, baselineYear: 2018, targetKind: 'relative', targetChangePercent: -25, targetYear: 2022 });
    expect(indicatorStatus(computed, [year(2022, 61)])).toMatchObject({ status: 'off_track', rule: 'target_not_met', target: 60 });
    expect(indicatorStatus(computed, [year(2022, 60)])).toMatchObject({ status: 'achieved', target: 60 });
  });

  it('flags Laren’s "20 → 60 (-25%)" instead of computing a status', () => {
    const attempts = indicator({ direction: 'lower_is_better', baselineValue: 20, baselineYear: 2017, targetKind: 'relative', targetChangePercent: -25, targetValue: 60, targetYear: 2021 });
    const s = indicatorStatus(attempts, [year(2019, 14)]);
    expect(s).toMatchObject({ status: 'contradictory', rule: 'contradictory', target: null, measurement: null });
    expect(s.problems).toEqual([{ code: 'relative_mismatch', expected: 15 }, { code: 'direction_mismatch' }]);
  });

  it('flags an absolute target on the wrong side of the baseline too', () => {
    const wrongWay = indicator({ direction: 'higher_is_better', baselineValue: 83, baselineYear: 2022, targetKind: 'absolute', targetValue: 80, targetYear: 2026 });
    expect(indicatorStatus(wrongWay, [year(2024, 90)]).status).toBe('contradictory');
  });
});

describe('indicator status: maximum and minimum', () => {
  // Laren: "% bewoners dat veel overlast van hangende jongeren ondervindt: max. 1,7% in 2021", from 1,7 in 2017.
  const cap = indicator({ direction: 'lower_is_better', baselineValue: 1.7, baselineYear: 2017, targetKind: 'maximum', targetValue: 1.7, targetYear: 2021 });

  it('a maximum is achieved at or under the cap, whatever the indicator’s direction says', () => {
    expect(indicatorStatus(cap, [year(2019, 1.7)])).toMatchObject({ status: 'achieved', comparison: 'at_most' });
    expect(indicatorStatus({ ...cap, direction: 'neutral' }, [year(2019, 1.2)])).toMatchObject({ status: 'achieved' });
  });

  it('a maximum exceeded is off track: worse than the baseline, or the target year has come', () => {
    expect(indicatorStatus(cap, [year(2019, 2.1)])).toMatchObject({ status: 'off_track', rule: 'worse_than_baseline' });
    const fromAbove = indicator({ baselineValue: 2.5, baselineYear: 2017, targetKind: 'maximum', targetValue: 1.7, targetYear: 2021 });
    expect(indicatorStatus(fromAbove, [year(2019, 2.0)])).toMatchObject({ status: 'on_track', expected: 2.1 });
    expect(indicatorStatus(fromAbove, [year(2019, 2.3)])).toMatchObject({ status: 'at_risk', expected: 2.1 });
    expect(indicatorStatus(fromAbove, [year(2021, 1.8)])).toMatchObject({ status: 'off_track', rule: 'target_not_met' });
  });

  it('a standing norm without a target year is met or not met', () => {
    // Huizen: "schadebedrag gemeente tijdens de jaarwisseling < € 7.000".
    const damage = indicator({ direction: 'lower_is_better', targetKind: 'maximum', targetValue: 7000 });
    expect(indicatorStatus(damage, [year(2020, 6500)])).toMatchObject({ status: 'achieved' });
    expect(indicatorStatus(damage, [year(2020, 7500)])).toMatchObject({ status: 'off_track', rule: 'target_not_met' });
  });

  it('a minimum is achieved at or above the floor', () => {
    // Huizen: "in 2022 voelt ten minste 85% van de Huizers zich veilig".
    const floor = indicator({ direction: 'higher_is_better', baselineValue: 80, baselineYear: 2018, targetKind: 'minimum', targetValue: 85, targetYear: 2022 });
    expect(indicatorStatus(floor, [year(2020, 85)])).toMatchObject({ status: 'achieved', comparison: 'at_least' });
    expect(indicatorStatus(floor, [year(2020, 83)])).toMatchObject({ status: 'on_track', expected: 82.5 });
    expect(indicatorStatus(floor, [year(2020, 81)])).toMatchObject({ status: 'at_risk' });
    expect(indicatorStatus(floor, [year(2022, 84)])).toMatchObject({ status: 'off_track' });
  });
});

describe('indicator status: which measurement counts', () => {
  it('has no data without a measurement, or without one after the baseline year', () => {
    expect(indicatorStatus(feelingSafe, [])).toMatchObject({ status: 'no_data', rule: 'no_measurement' });
    expect(indicatorStatus(feelingSafe, [year(2022, 83)])).toMatchObject({ status: 'no_data', rule: 'no_measurement_since_baseline' });
  });

  it('has no target to compare with when none is set, but still reports the latest value', () => {
    const s = indicatorStatus(indicator({ direction: 'lower_is_better' }), [year(2023, 468)]);
    expect(s).toMatchObject({ status: 'no_target', rule: 'no_target', measurement: { value: 468 } });
  });

  it('uses the latest final value and reports a newer provisional one without counting it', () => {
    const s = indicatorStatus(feelingSafe, [year(2023, 84), year(2024, 86, { isProvisional: true })]);
    expect(s).toMatchObject({ status: 'on_track', measurement: { periodLabel: '2023', value: 84, isProvisional: false } });
    expect(s.newerProvisional).toMatchObject({ periodLabel: '2024', value: 86 });
  });

  it('uses a provisional value when there is no final one, and says so', () => {
    const s = indicatorStatus(feelingSafe, [year(2024, 86, { isProvisional: true })]);
    expect(s).toMatchObject({ status: 'achieved', measurement: { value: 86, isProvisional: true }, newerProvisional: null });
  });

  it('does not count reference areas or changes in percent as the indicator’s own value', () => {
    const s = indicatorStatus(feelingSafe, [
      year(2023, 84),
      year(2024, 90, { area: 'Noord-Holland (PV)', areaCode: 'PV27' }),
      year(2024, 90, { area: 'Midden-Nederland' }),
      year(2024, 5, { kind: 'change_percent' }),
    ]);
    expect(s.measurement).toMatchObject({ periodLabel: '2023', value: 84 });
  });

  it('of periods ending together takes the longest: the year, not its last half', () => {
    const s = indicatorStatus(feelingSafe, [
      year(2024, 90, { periodLabel: 'jul-dec 2024', periodStart: '2024-07-01' }),
      year(2024, 84),
    ]);
    expect(s.measurement).toMatchObject({ periodLabel: '2024', value: 84 });
  });
});

describe('periods in open-data files', () => {
  it('reads years, quarters and months as StatLine and CBS write them', () => {
    expect(parsePeriod('2023')).toEqual({ label: '2023', periodStart: '2023-01-01', periodEnd: '2023-12-31', isProvisional: false });
    expect(parsePeriod('2024*')).toEqual({ label: '2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', isProvisional: true });
    expect(parsePeriod('2022JJ00')).toMatchObject({ label: '2022', periodEnd: '2022-12-31' });
    expect(parsePeriod('2023 2e kwartaal')).toMatchObject({ label: 'Q2 2023', periodStart: '2023-04-01', periodEnd: '2023-06-30' });
    expect(parsePeriod('2023KW04')).toMatchObject({ label: 'Q4 2023', periodStart: '2023-10-01', periodEnd: '2023-12-31' });
    expect(parsePeriod('2024-Q1')).toMatchObject({ label: 'Q1 2024', periodEnd: '2024-03-31' });
    expect(parsePeriod('2024 februari')).toMatchObject({ label: 'februari 2024', periodEnd: '2024-02-29' });
    expect(parsePeriod('2023MM02')).toMatchObject({ label: 'februari 2023', periodEnd: '2023-02-28' });
    expect(parsePeriod('2023-11 (voorlopig)')).toMatchObject({ label: 'november 2023', isProvisional: true });
  });

  it('reads the labels Regie writes and people type', () => {
    expect(parsePeriod('Q3 2023')).toMatchObject({ label: 'Q3 2023', periodStart: '2023-07-01', periodEnd: '2023-09-30' });
    expect(parsePeriod('maart 2024')).toMatchObject({ label: 'maart 2024', periodStart: '2024-03-01', periodEnd: '2024-03-31' });
    expect(parsePeriod('Jan 2024')).toMatchObject({ label: 'januari 2024', periodEnd: '2024-01-31' });
  });

  it('refuses what is not a period', () => {
    for (const text of ['', 'aantal', '23', '2023-13', '1850', '2023 5e kwartaal', '2023 smarch', 'jun-dec 2023']) expect(parsePeriod(text), text).toBeNull();
  });
});
