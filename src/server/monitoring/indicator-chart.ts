import { checkTarget, indicatorStatus } from '../../domain/indicator.ts';
import { measurementSeries } from '../../domain/indicator-series.ts';
import type { TSnapshotIndicator } from '../../domain/rounds.ts';
import type { TIndicator, TMeasurement } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { getRecord, listRecords, listRecordsWhere } from '../core/read.ts';
import * as R from '../plans/resources.ts';

/** The names of the CBS regions the measurements name by code. */
async function regionNames(tx: Db, measurements: readonly TMeasurement[]): Promise<Map<string, string>> {
  const codes = [...new Set(measurements.map((m) => m.areaCode).filter(Boolean))];
  if (!codes.length) return new Map();
  const rows = await tx.query<{ code: string; name: string }>('select code, name from cbs_regions where code = any($1::text[])', [codes]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** An indicator's chart as SVG, for whoever may read the indicator: own values, the plan's reference areas, baseline and target. */
export async function indicatorChartSvg(db: Db, id: string, ctx: RequestContext): Promise<string> {
  return db.transaction(async (tx) => {
    const indicator = (await getRecord(tx, R.indicators, id, ctx)) as unknown as TIndicator;
    const plan = await getRecord(tx, R.plans, indicator.planId);
    const measurements = (await listRecords(tx, R.measurements, { indicatorId: id })) as TMeasurement[];
    const [owner] = await tx.query<{ name: string }>('select name from organisations where id = $1', [plan.ownerId]);
    const regions = await regionNames(tx, measurements);
    const series = measurementSeries(measurements, (code) => regions.get(code), plan.referenceAreaCodes as string[]);
    // ECharts loads on the first chart, not at start-up.
    const { renderIndicatorChart } = await import('./charts.ts');
    return renderIndicatorChart({ indicator, series, ownName: owner?.name ?? '', isContradictory: checkTarget(indicator).length > 0 });
  });
}

/**
 * Every indicator of a plan as it stands now: its target, its measurements as the chart's series and its status – the
 * figures a progress report freezes (round snapshot) and the evaluation reports. The caller checks who may read the plan.
 */
export async function planIndicatorFigures(tx: Db, planId: string): Promise<TSnapshotIndicator[]> {
  const plan = await getRecord(tx, R.plans, planId);
  const indicators = (await listRecords(tx, R.indicators, { planId })) as unknown as TIndicator[];
  const measurements = (await listRecordsWhere(tx, R.measurements, 'indicator_id', indicators.map((i) => i.id))) as TMeasurement[];
  const regions = await regionNames(tx, measurements);
  return indicators.map((i) => {
    const own = measurements.filter((m) => m.indicatorId === i.id);
    return {
      id: i.id, themeId: i.themeId ?? null, goalId: i.goalId ?? null, name: i.name, unit: i.unit ?? null, direction: i.direction,
      baselineValue: i.baselineValue ?? null, baselineYear: i.baselineYear ?? null, targetKind: i.targetKind ?? null,
      targetValue: i.targetValue ?? null, targetChangePercent: i.targetChangePercent ?? null, targetYear: i.targetYear ?? null,
      targetText: i.targetText ?? null,
      series: measurementSeries(own, (code) => regions.get(code), plan.referenceAreaCodes as string[]),
      status: indicatorStatus(i, own),
    };
  });
}
