import { describe, expect, it } from 'vitest';
import { addDays, calendarEventsOf, quarterEnd, recurrenceOf, rruleOf } from '../../src/domain/calendar.ts';
import { parseFrequency } from '../../src/domain/frequency.ts';
import { buildRoadmap, quarterOfDate, type RoadmapActivityLike } from '../../src/domain/roadmap.ts';
import { parseTimeframe } from '../../src/domain/timeframe.ts';

const activity = (id: string, tijdpad: string, status: RoadmapActivityLike['status'] = 'not_started'): RoadmapActivityLike => ({
  id, status, timeframe: parseTimeframe(tijdpad, 2023),
});
const cells = (r: ReturnType<typeof buildRoadmap>, id: string) =>
  r.placements.find((p) => p.activityId === id)!.cells.map((c) => `${c.quarter}:${c.mark}${c.label ? `(${c.label})` : ''}`);
const placement = (r: ReturnType<typeof buildRoadmap>, id: string) => r.placements.find((p) => p.activityId === id)!;

describe('the roadmap of a programme Q2 2023 – Q4 2024', () => {
  const activities = [
    activity('campagne', 'Q2 2023'),
    activity('pilot', 'Q1-Q2 2024'),
    activity('overgang', 'Q4 2023/Q1 2024'),
    activity('lang', '2022-2025'),
    activity('doorlopend', 'Vanaf Q3 2023'),
    activity('cyclus', 'Jaarlijks Q1: evaluatie; Q2: plan van aanpak; Q3+Q4: uitvoering'),
    activity('onleesbaar', 'na de zomer'),
  ];

  it('places each activity on its quarters, marked in words, and lists unreadable tijdpaden apart', () => {
    const r = buildRoadmap(activities, '2023-Q2', '2024-Q4', '2024-05-15');
    expect(r.quarters).toEqual(['2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(r).toMatchObject({ currentQuarter: '2024-Q2', isCurrentInPeriod: true, unplacedIds: ['onleesbaar'] });
    expect(cells(r, 'campagne')).toEqual(['2023-Q2:once']);
    expect(cells(r, 'pilot')).toEqual(['2024-Q1:start', '2024-Q2:end']);
    expect(cells(r, 'overgang')).toEqual(['2023-Q4:start', '2024-Q1:end']);
    // Begun before and ending after the programme: every quarter shows it continuing.
    expect(cells(r, 'lang')).toEqual(r.quarters.map((q) => `${q}:continues`));
    expect(placement(r, 'lang')).toMatchObject({ startsBefore: true, endsAfter: true, plannedEnd: '2025-Q4' });
    expect(cells(r, 'doorlopend')).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map((q) => `${q}:continuous`));
    expect(cells(r, 'cyclus')).toEqual([
      '2023-Q2:annual(plan van aanpak)', '2023-Q3:annual(uitvoering)', '2023-Q4:annual(uitvoering)', '2024-Q1:annual(evaluatie)',
      '2024-Q2:annual(plan van aanpak)', '2024-Q3:annual(uitvoering)', '2024-Q4:annual(uitvoering)',
    ]);
  });

  it('due this quarter: a range ending now, an annual step now; overdue: a range ended before, unless done or cancelled', () => {
    const r = buildRoadmap(activities, '2023-Q2', '2024-Q4', '2024-05-15');
    const due = r.placements.filter((p) => p.isDue).map((p) => p.activityId);
    const overdue = r.placements.filter((p) => p.isOverdue).map((p) => p.activityId);
    expect(due).toEqual(['pilot', 'cyclus']);
    expect(placement(r, 'cyclus').dueLabel).toBe('plan van aanpak');
    expect(overdue).toEqual(['campagne', 'overgang']);

    const closed = buildRoadmap(
      [activity('campagne', 'Q2 2023', 'done'), activity('overgang', 'Q4 2023/Q1 2024', 'cancelled'), activity('pilot', 'Q1-Q2 2024', 'done'), activity('traag', 'Q3 2023', 'delayed')],
      '2023-Q2', '2024-Q4', '2024-05-15',
    );
    expect(closed.placements.filter((p) => p.isOverdue || p.isDue).map((p) => p.activityId)).toEqual(['traag']);
  });

  it('after the programme: its ranges are overdue where not done, nothing of its annual cycle is due', () => {
    const r = buildRoadmap(activities, '2023-Q2', '2024-Q4', '2026-11-22');
    expect(r).toMatchObject({ currentQuarter: '2026-Q4', isCurrentInPeriod: false });
    expect(r.placements.filter((p) => p.isDue)).toEqual([]);
    expect(r.placements.filter((p) => p.isOverdue).map((p) => p.activityId)).toEqual(['campagne', 'pilot', 'overgang', 'lang']);
  });

  it('knows the quarter of a date', () => {
    expect(quarterOfDate('2024-03-31')).toEqual({ year: 2024, quarter: 1 });
    expect(quarterOfDate('2024-04-01')).toEqual({ year: 2024, quarter: 2 });
    expect(quarterOfDate('2024-12-31')).toEqual({ year: 2024, quarter: 4 });
  });
});

describe('calendar events', () => {
  const rule = (text: string, startMonth = 1) => {
    const r = recurrenceOf(parseFrequency(text), startMonth);
    return r && rruleOf(r, '2024-12-31');
  };

  it('turns the frequencies of the seeds into exact recurrence rules', () => {
    expect(rule('1 maal per 6 weken')).toBe('FREQ=WEEKLY;INTERVAL=6;UNTIL=20241231');
    expect(rule('Eens per 4 weken')).toBe('FREQ=WEEKLY;INTERVAL=4;UNTIL=20241231');
    expect(rule('Wekelijks')).toBe('FREQ=WEEKLY;UNTIL=20241231');
    expect(rule('Iedere 2 maanden')).toBe('FREQ=MONTHLY;INTERVAL=2;UNTIL=20241231');
    expect(rule('4 integrale controles per jaar')).toBe('FREQ=MONTHLY;INTERVAL=3;UNTIL=20241231');
    expect(rule('Tweemaal per jaar')).toBe('FREQ=MONTHLY;INTERVAL=6;UNTIL=20241231');
    expect(rule('3 maal per jaar')).toBe('FREQ=MONTHLY;INTERVAL=4;UNTIL=20241231');
    expect(rule('Twee/driemaal per jaar')).toBe('FREQ=MONTHLY;INTERVAL=6;UNTIL=20241231');
    expect(rule('Jaarlijks')).toBe('FREQ=YEARLY;UNTIL=20241231');
    expect(rule('Tweejaarlijks')).toBe('FREQ=YEARLY;INTERVAL=2;UNTIL=20241231');
  });

  it('spreads what does not divide the year, and refuses what it cannot say exactly', () => {
    expect(rule('5 maal per jaar', 4)).toBe('FREQ=YEARLY;BYMONTH=2,4,6,9,11;UNTIL=20241231');
    expect(rule('2 maal per maand')).toBe('FREQ=MONTHLY;BYMONTHDAY=1,15;UNTIL=20241231');
    expect(rule('26 keer per jaar')).toBe('FREQ=WEEKLY;INTERVAL=2;UNTIL=20241231');
    expect(rule('3 maal per week')).toBeNull();
    expect(rule('op afroep')).toBeNull();
    expect(rule('Eenmalig')).toBeNull();
  });

  const events = (tijdpad: string, frequentie: string) =>
    calendarEventsOf({ timeframe: parseTimeframe(tijdpad, 2023), frequency: parseFrequency(frequentie) }, '2023-Q2', '2024-Q4');

  it('a recurring meeting recurs within its own quarters, or the programme’s', () => {
    expect(events('Q3 2023 - Q2 2024', '1 maal per 6 weken')).toEqual([
      { part: '', start: '2023-07-01', end: '2023-07-02', rrule: 'FREQ=WEEKLY;INTERVAL=6;UNTIL=20240630' },
    ]);
    expect(events('Doorlopend', 'Iedere 2 maanden')).toEqual([
      { part: '', start: '2023-04-01', end: '2023-04-02', rrule: 'FREQ=MONTHLY;INTERVAL=2;UNTIL=20241231' },
    ]);
    // Begun before the programme: from its first quarter.
    expect(events('2022-2025', 'Tweemaal per jaar')[0]).toMatchObject({ start: '2023-04-01', rrule: 'FREQ=MONTHLY;INTERVAL=6;UNTIL=20241231' });
    expect(events('onleesbaar', '4 maal per jaar')[0]).toMatchObject({ start: '2023-04-01', rrule: 'FREQ=MONTHLY;INTERVAL=3;UNTIL=20241231' });
  });

  it('other dated activities span their quarters; an annual cycle recurs per step; undated work is left out', () => {
    expect(events('Q4 2023/Q1 2024', 'Eenmalig')).toEqual([{ part: '', start: '2023-10-01', end: '2024-04-01', rrule: null }]);
    expect(events('Q1-Q2 2024', '3 maal per week')).toEqual([{ part: '', start: '2024-01-01', end: '2024-07-01', rrule: null }]);
    expect(events('Jaarlijks Q1: evaluatie; Q3+Q4: uitvoering', '')).toEqual([
      { part: 'stap-1', start: '2024-01-01', end: '2024-04-01', rrule: 'FREQ=YEARLY;UNTIL=20241231', label: 'evaluatie' },
      { part: 'stap-2', start: '2023-07-01', end: '2024-01-01', rrule: 'FREQ=YEARLY;UNTIL=20241231', label: 'uitvoering' },
    ]);
    expect(events('Doorlopend', 'op afroep')).toEqual([]);
    expect(events('na de zomer', '')).toEqual([]);
  });

  it('dates: quarter ends and day arithmetic across years', () => {
    expect(quarterEnd({ year: 2024, quarter: 1 })).toBe('2024-03-31');
    expect(quarterEnd({ year: 2024, quarter: 4 })).toBe('2024-12-31');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});
