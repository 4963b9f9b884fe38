import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { resolveTargetValue } from '../../domain/indicator.ts';
import { formatIndicatorValue, periodMidpoint, type MeasurementSeries } from '../../domain/indicator-series.ts';
import { ACTIVITY_STATUSES, type TIndicator } from '../../domain/schemas.ts';
import { statusChartHeight, type TActivityFigures, type TThemeDashboard } from '../../domain/dashboard.ts';
import { seriesName } from '../../text/indicator-text.ts';
import { nl } from '../../text/nl.ts';

/*
 * Charts rendered on the server as SVG (ECharts' server-side rendering, no DOM): the web app shows them as images
 * beside a table with the same figures, and documents (the report issue) embed them. Text is Dutch, numbers are
 * formatted the Dutch way, and the SVG carries a title and a description for screen readers.
 */

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

const C = nl.chart;
const fmt = (n: number) => formatIndicatorValue(n);
const withUnit = formatIndicatorValue;

/**
 * Colours with at least 3:1 contrast on white (WCAG 1.4.11), and a symbol per series, so a series is told apart by
 * more than its colour.
 */
const COLOURS = ['#01689b', '#a14a00', '#5b3d99', '#2d6e2f', '#b0184f', '#52606d'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'roundRect'];
const MARKER = '#1f1f1f';

export interface IndicatorChartInput {
  indicator: Pick<TIndicator, 'name' | 'unit' | 'baselineValue' | 'baselineYear' | 'targetKind' | 'targetValue' | 'targetChangePercent' | 'targetYear' | 'direction'>;
  series: readonly MeasurementSeries[];
  /** The name of the plan owner's area ("Huizen"), for the own series. */
  ownName: string;
  /** Whether the target contradicts its baseline: then no target is drawn. */
  isContradictory?: boolean;
  width?: number;
  height?: number;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The target the chart draws: for a relative target the stated result, else the computed one. */
function chartTarget(i: IndicatorChartInput['indicator']): number | null {
  return i.targetKind === 'relative' ? (i.targetValue ?? resolveTargetValue(i)) : resolveTargetValue(i);
}

const median = (values: number[]) => {
  const sorted = values.map(Math.abs).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
};

/**
 * The series to draw, and the reference areas left out: a count for a police unit or the whole country is tens of
 * times a municipality's, and on one axis would flatten the municipality's own line. Those stay in the table;
 * figures per inhabitant compare well and are drawn.
 */
export function drawableSeries(input: IndicatorChartInput): { drawn: MeasurementSeries[]; omitted: MeasurementSeries[] } {
  const i = input.indicator;
  const ownValues = input.series.filter((s) => !s.area).flatMap((s) => s.points.map((p) => p.value));
  const anchors = [...ownValues, ...(ownValues.length ? [] : [i.baselineValue, i.targetValue].filter((v): v is number => v != null))];
  const scale = median(anchors);
  const fits = (s: MeasurementSeries) => {
    if (!s.area || !anchors.length) return true;
    const m = median(s.points.map((p) => p.value));
    const [low, high] = [Math.min(m, scale), Math.max(m, scale)];
    return high === 0 || high / Math.max(low, 1e-9) <= 3;
  };
  return { drawn: input.series.filter(fits), omitted: input.series.filter((s) => !fits(s) && s.points.length) };
}

/** What the chart shows, in words: its <desc>, and the alternative text of the image in the web app. */
export function describeChart(input: IndicatorChartInput): string {
  const { indicator: i } = input;
  const { drawn: series, omitted } = drawableSeries(input);
  const parts: string[] = [C.descriptionOf(i.name)];
  for (const s of series) {
    const first = s.points[0];
    const last = s.points[s.points.length - 1];
    if (!last) continue;
    parts.push(C.seriesSummary(seriesName(s, input.ownName), s.points.length, first.periodLabel, last.periodLabel, withUnit(last.value, i.unit), last.isProvisional));
  }
  if (!series.some((s) => s.points.length)) parts.push(C.noData);
  if (i.baselineValue != null) parts.push(C.baselineSummary(withUnit(i.baselineValue, i.unit), i.baselineYear ?? null));
  const target = input.isContradictory ? null : chartTarget(i);
  if (target != null && i.targetKind) parts.push(C.targetSummary(C.targetKind[i.targetKind], withUnit(target, i.unit), i.targetYear ?? null));
  if (input.isContradictory) parts.push(C.contradictory);
  if (omitted.length) parts.push(C.omitted(omitted.map((s) => seriesName(s, input.ownName)).join(', ')));
  parts.push(C.tableHint);
  return parts.join(' ');
}

type Point = [number, number];

/** Renders an indicator's line chart: own values, reference areas, baseline, target and the line towards it. */
export function renderIndicatorChart(input: IndicatorChartInput): string {
  const { indicator: i, width = 720, height = 380 } = input;
  const target = input.isContradictory ? null : chartTarget(i);
  const yearX = (year: number) => year + 0.5;
  const xs: number[] = [];
  const lines = drawableSeries(input).drawn.filter((s) => s.points.length).map((s, n) => {
    const data = s.points.map((p) => {
      const x = periodMidpoint(p.periodStart, p.periodEnd);
      xs.push(x);
      // A provisional figure is drawn hollow.
      return { value: [x, p.value] as Point, symbol: p.isProvisional ? `empty${SYMBOLS[n % SYMBOLS.length].replace(/^./, (c) => c.toUpperCase())}` : undefined };
    });
    return {
      type: 'line' as const, name: seriesName(s, input.ownName), data, symbol: SYMBOLS[n % SYMBOLS.length], symbolSize: 8,
      lineStyle: { width: s.area ? 2 : 3, color: COLOURS[n % COLOURS.length] }, itemStyle: { color: COLOURS[n % COLOURS.length] },
    };
  });

  const marks: object[] = [];
  const baseline: Point | null = i.baselineValue != null && i.baselineYear != null ? [yearX(i.baselineYear), i.baselineValue] : null;
  const goal: Point | null = target != null && i.targetYear != null ? [yearX(i.targetYear), target] : null;
  if (baseline) {
    xs.push(baseline[0]);
    marks.push({ type: 'scatter', name: C.baseline, data: [baseline], symbol: 'diamond', symbolSize: 12, itemStyle: { color: MARKER } });
  }
  if (goal) {
    xs.push(goal[0]);
    marks.push({ type: 'scatter', name: C.target, data: [goal], symbol: 'pin', symbolSize: 18, itemStyle: { color: MARKER } });
  }
  if (baseline && goal && (i.targetKind === 'absolute' || i.targetKind === 'relative')) {
    marks.push({
      type: 'line', name: C.path, data: [baseline, goal], symbol: 'none', lineStyle: { type: 'dashed', width: 2, color: MARKER }, itemStyle: { color: MARKER },
    });
  }
  if (target != null && (i.targetKind === 'maximum' || i.targetKind === 'minimum' || !goal)) {
    // A cap or floor holds throughout; a target without a year too: a horizontal line.
    marks.push({
      type: 'line', name: C.targetKind[i.targetKind!], data: [], symbol: 'none', lineStyle: { type: 'dashed', color: MARKER }, itemStyle: { color: MARKER },
      markLine: {
        symbol: 'none', silent: true, lineStyle: { type: 'dashed', width: 2, color: MARKER },
        label: { formatter: `${C.targetKind[i.targetKind!]} ${fmt(target)}`, color: MARKER },
        data: [{ yAxis: target }],
      },
    });
  }

  const first = xs.length ? Math.floor(Math.min(...xs)) : new Date().getFullYear();
  const last = xs.length ? Math.floor(Math.max(...xs)) : first;
  // Each year's figure stands in the middle of its year; so do the year labels.
  const years = Array.from({ length: last - first + 1 }, (_, n) => first + n + 0.5);
  const names = [...lines, ...marks].map((m) => (m as { name: string }).name);
  const legendRows = Math.ceil(names.reduce((sum, n) => sum + n.length * 7 + 44, 0) / (width - 32));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'sans-serif', color: '#1f1f1f' },
      title: { text: i.name, left: 8, top: 4, textStyle: { fontSize: 15, fontWeight: 'bold', width: width - 16, overflow: 'truncate' } },
      legend: { bottom: 4, left: 8, right: 8, itemGap: 16, textStyle: { fontSize: 12 } },
      grid: { left: 64, right: 40, top: 60, bottom: 36 + legendRows * 22 },
      xAxis: {
        type: 'value', min: first, max: last + 1,
        axisTick: { customValues: years },
        axisLabel: { customValues: years, formatter: (v: number) => String(Math.floor(v)), color: '#1f1f1f' },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value', name: i.unit ?? '', nameTextStyle: { color: '#1f1f1f', align: 'left' }, scale: true,
        axisLabel: { formatter: (v: number) => fmt(v), color: '#1f1f1f' },
        splitLine: { lineStyle: { color: '#d0d0d0' } },
      },
      series: [...lines, ...marks],
    });
    return accessible(chart.renderToSVGString(), i.name, describeChart(input));
  } finally {
    chart.dispose();
  }
}

/** Gives the SVG a role, a title and a description, so screen readers and documents can name it. */
export function accessible(svg: string, title: string, description: string): string {
  return svg.replace(
    /^<svg\b([^>]*)>/,
    (_, attrs: string) =>
      `<svg${attrs} role="img" aria-labelledby="chart-title chart-desc"><title id="chart-title">${escapeXml(title)}</title><desc id="chart-desc">${escapeXml(description)}</desc>`,
  );
}

/** One colour per activity status, each with 3:1 contrast on white, and the count written on every bar part. */
const STATUS_COLOURS: Record<(typeof ACTIVITY_STATUSES)[number], string> = {
  not_started: '#52606d', in_progress: '#01689b', done: '#2d6e2f', delayed: '#a14a00', cancelled: '#5b3d99',
};

/** What the status chart reads of a theme: its number and title, its activities by status and how many lag (a dashboard's, a report's). */
type StatusChartTheme = {
  theme: Pick<TThemeDashboard['theme'], 'number' | 'title'>;
  activities: Pick<TActivityFigures, 'byStatus'> & { lagging?: number };
};

/** The colour of the "Loopt achter" bar: 3:1 on white, and unlike any status's. */
const LAGGING_COLOUR = '#b0184f';

/**
 * A programme's activities per theme and status as stacked horizontal bars, each part labelled with its count, so the
 * chart reads without colour; below each, a bar of the activities that lag, when known. The dashboard's table holds
 * the same figures. Theme names wrap within a share of the width, so a narrow chart keeps its bars.
 */
export function renderStatusChart(title: string, themes: readonly StatusChartTheme[], width = 720): string {
  const labels = themes.map((t) => [t.theme.number, t.theme.title].filter(Boolean).join(' '));
  const height = statusChartHeight(themes.length, width);
  const statusName = nl.labels.activityStatus;
  const hasLag = themes.some((t) => t.activities.lagging !== undefined);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const barLabel = { show: true, color: '#ffffff', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') };
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'sans-serif', color: '#1f1f1f' },
      title: { text: title, left: 8, top: 4, textStyle: { fontSize: 15, fontWeight: 'bold', width: width - 16, overflow: 'truncate' } },
      legend: { bottom: 4, left: 8, right: 8, itemGap: 12, textStyle: { fontSize: 12 } },
      // The axis labels stay inside the grid's box (ECharts 6: outerBounds replaces the deprecated containLabel).
      grid: { left: 8, right: 24, top: 40, bottom: width < 500 ? 88 : 48, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1f1f1f' }, splitLine: { lineStyle: { color: '#d0d0d0' } } },
      yAxis: {
        type: 'category', inverse: true, data: labels,
        axisLabel: { color: '#1f1f1f', width: Math.round(width * 0.36), overflow: 'break', lineHeight: 14, fontSize: width < 500 ? 11 : 12 },
      },
      series: [
        ...ACTIVITY_STATUSES.map((status) => ({
          type: 'bar', stack: 'status', name: statusName[status], barWidth: 16, itemStyle: { color: STATUS_COLOURS[status] },
          label: barLabel, data: themes.map((t) => t.activities.byStatus[status]),
        })),
        ...(hasLag ? [{
          type: 'bar', stack: 'lagging', name: C.lagging, barWidth: 10, itemStyle: { color: LAGGING_COLOUR },
          label: { ...barLabel, position: 'right', color: '#1f1f1f' }, data: themes.map((t) => t.activities.lagging ?? 0),
        }] : []),
      ],
    });
    const description = [
      C.statusChartDescription(themes.length),
      ...themes.map((t, n) => `${labels[n]}: ${ACTIVITY_STATUSES.filter((s) => t.activities.byStatus[s]).map((s) => `${t.activities.byStatus[s]} ${statusName[s].toLowerCase()}`).join(', ') || C.noActivities}${t.activities.lagging ? C.laggingOf(t.activities.lagging) : ''}.`),
      C.tableHint,
    ].join(' ');
    return accessible(chart.renderToSVGString(), title, description);
  } finally {
    chart.dispose();
  }
}
