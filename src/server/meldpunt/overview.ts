import * as echarts from 'echarts/core';
import { AppError } from '../../domain/errors.ts';
import { CCV_OUTCOMES, handles } from '../../domain/meldpunt.ts';
import {
  addMonths, mayReadMeldpuntOverview, monthName, monthPeriod, monthsBetween, shownCount, workingDaysBetween, type TMeldpuntOverview,
} from '../../domain/meldpunt-overview.ts';
import type { Actor } from '../../domain/permissions.ts';
import type { Db } from '../db/client.ts';
import { todayInNetherlands } from '../core/clock.ts';
import { accessible } from '../monitoring/charts.ts';
import { nl } from '../../text/nl.ts';
import { listCategories } from './repository.ts';

/*
 * The meldpunt overview for the OOV team (issue 13, part 5): per category and month how many meldingen came in
 * (merged duplicates left out), how many were picked up within the category's response time, and the triage's weging 3
 * outcomes. Aggregates only – no melding, so no processing-log row. Who: the municipality's adviseurs, beheerders and
 * bestuurders, and its behandelaars. Counts of 1 to 4 show as "minder dan 5" except to the behandelaars of the
 * category; everyone else gets 404, as for any melding they may not see.
 */

const T = nl.meldpuntOverview;
/** At most three years in one overview. */
const MAX_MONTHS = 36;

export interface OverviewQuery { municipality: string; from?: string; to?: string }

/** The months asked, or the last twelve up to the running month; 422 for a range backwards or longer than three years. */
function range(q: OverviewQuery, now: Date): { from: string; to: string } {
  const to = q.to ?? todayInNetherlands(now).slice(0, 7);
  const from = q.from ?? addMonths(to, -11);
  if (from > to) throw new AppError('validation', 'De periode klopt niet', [{ path: 'from', message: 'De eerste maand ligt na de laatste' }]);
  if (monthsBetween(from, to).length > MAX_MONTHS) {
    throw new AppError('validation', 'De periode is te lang', [{ path: 'from', message: `Kies hoogstens ${MAX_MONTHS} maanden` }]);
  }
  return { from, to };
}

export async function meldpuntOverview(db: Db, q: OverviewQuery, actor: Actor, now = new Date()): Promise<TMeldpuntOverview> {
  if (!actor.userId) throw new AppError('unauthorized', 'Log in om dit te zien');
  const [org] = await db.query<{ id: string; name: string }>(
    "select id, name from organisations where id = $1 and kind = 'municipality'", [q.municipality]);
  if (!org || !mayReadMeldpuntOverview(actor, org.id)) throw new AppError('not_found', 'Niet gevonden');
  const { from, to } = range(q, now);
  const months = monthsBetween(from, to);
  const duties = actor.duties ?? [];
  const exact = (key: string) => handles(duties, org.id, key);
  // Received within the months, in Dutch time; merged duplicates are not counted twice.
  const within = `m.municipality_id = $1 and m.status <> 'samengevoegd'
    and m.received_at >= ($2::timestamp at time zone 'Europe/Amsterdam') and m.received_at < ($3::timestamp at time zone 'Europe/Amsterdam')`;
  const params = [org.id, `${from}-01`, `${monthPeriod(addMonths(to, 1)).start}`];
  const [categories, counted, timings, outcomes] = await Promise.all([
    listCategories(db, org.id, { activeOnly: false }),
    db.query<{ category_id: string; month: string; n: number }>(
      `select m.category_id, to_char(m.received_at at time zone 'Europe/Amsterdam', 'YYYY-MM') as month, count(*)::int as n
         from meldingen m where ${within} group by 1, 2`, params),
    db.query<{ category_id: string; received_at: string; moved_at: string | null; status: string }>(
      `select m.category_id, m.received_at, m.status,
              (select min(e.at) from melding_events e where e.melding_id = m.id and e.from_status = 'nieuw' and e.to_status <> 'nieuw') as moved_at
         from meldingen m where ${within}`, params),
    db.query<{ outcome: string; category_id: string; n: number }>(
      `select coalesce(m.triage->'3'->>'uitkomst', m.triage->'weging3'->>'uitkomst') as outcome, m.category_id, count(*)::int as n
         from meldingen m where ${within} and coalesce(m.triage->'3'->>'uitkomst', m.triage->'weging3'->>'uitkomst') is not null group by 1, 2`, params),
  ]);
  const countOf = new Map(counted.map((c) => [`${c.category_id}|${c.month}`, c.n]));
  const nowDate = now;
  const shown = categories.filter((c) => !c.referralUrl || counted.some((x) => x.category_id === c.id)).map((c) => {
    const exactHere = exact(c.key);
    const perMonth = months.map((m) => countOf.get(`${c.id}|${m}`) ?? 0);
    const mine = timings.filter((t) => t.category_id === c.id);
    const handled = mine.filter((t) => t.moved_at);
    const inTime = handled.filter((t) => workingDaysBetween(new Date(t.received_at), new Date(t.moved_at!)) <= c.responseDays).length;
    const overdue = mine.filter((t) => !t.moved_at && t.status === 'nieuw' && workingDaysBetween(new Date(t.received_at), nowDate) > c.responseDays).length;
    const handledShown = shownCount(handled.length, exactHere);
    return {
      key: c.key, name: c.name, responseDays: c.responseDays,
      months: perMonth.map((n) => shownCount(n, exactHere)),
      total: shownCount(perMonth.reduce((a, b) => a + b, 0), exactHere),
      handled: handledShown,
      withinNorm: shownCount(inTime, exactHere),
      withinNormPercent: handled.length && handledShown.count !== null && shownCount(inTime, exactHere).count !== null
        ? Math.round((inTime / handled.length) * 100) : null,
      overdue: shownCount(overdue, exactHere),
    };
  });
  // Outcomes over all categories: exact only for who handles every category that has one.
  const exactOutcomes = outcomes.every((o) => exact(categories.find((c) => c.id === o.category_id)?.key ?? ''));
  return {
    municipality: org, from, to, months,
    isSuppressed: !categories.every((c) => exact(c.key)),
    categories: shown,
    triageOutcomes: CCV_OUTCOMES.map((outcome) => ({
      outcome,
      count: shownCount(outcomes.filter((o) => o.outcome === outcome).reduce((a, o) => a + o.n, 0), exactOutcomes),
    })),
  };
}

/** Colours with at least 3:1 contrast on white (as charts.ts), one per category. */
const COLOURS = ['#01689b', '#a14a00', '#5b3d99', '#2d6e2f', '#b0184f', '#52606d', '#1f6f8b', '#7a4b00'];

/** The overview's counts per month as a stacked bar chart (SVG), with a title and a description; suppressed counts are not drawn. */
export function overviewChartSvg(o: TMeldpuntOverview, width = 720): string {
  const height = width < 500 ? 420 : 380;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'sans-serif', color: '#1f1f1f' },
      title: { text: T.chartTitle, left: 8, top: 4, textStyle: { fontSize: 15, fontWeight: 'bold' } },
      legend: { bottom: 4, left: 8, right: 8, itemGap: 12, textStyle: { fontSize: 12 } },
      grid: { left: 8, right: 16, top: 40, bottom: width < 500 ? 120 : 64, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: o.months.map(monthName), axisLabel: { color: '#1f1f1f', rotate: width < 500 ? 45 : 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1f1f1f' }, splitLine: { lineStyle: { color: '#d0d0d0' } } },
      series: o.categories.map((c, i) => ({
        type: 'bar', stack: 'meldingen', name: c.name, itemStyle: { color: COLOURS[i % COLOURS.length] },
        data: c.months.map((m) => m.count ?? 0),
      })),
    });
    const description = [
      T.chartDescription(o.months.length, o.categories.length),
      ...o.categories.map((c) => `${c.name}: ${c.total.count ?? T.lessThanFive}.`),
      ...(o.isSuppressed ? [T.chartSmall] : []),
      T.chartTableHint,
    ].join(' ');
    return accessible(chart.renderToSVGString(), T.chartTitle, description);
  } finally {
    chart.dispose();
  }
}
