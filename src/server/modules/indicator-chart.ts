import { checkTarget } from '../../domain/indicator.ts';
import { measurementSeries } from '../../domain/indicator-series.ts';
import type { TIndicator } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from './access.ts';
import { getRecord, listRecords } from './records.ts';
import * as R from './resources.ts';

/** An indicator's chart as SVG, for whoever may read the indicator: own values, the plan's reference areas, baseline and target. */
export async function indicatorChartSvg(db: Db, id: string, ctx: RequestContext): Promise<string> {
  return db.transaction(async (tx) => {
    const indicator = (await getRecord(tx, R.indicators, id, ctx)) as unknown as TIndicator;
    const plan = await getRecord(tx, R.plans, indicator.planId);
    const measurements = await listRecords(tx, R.measurements, { indicatorId: id });
    const [owner] = await tx.query<{ name: string }>('select name from organisations where id = $1', [plan.ownerId]);
    const codes = [...new Set(measurements.map((m) => m.areaCode).filter(Boolean))];
    const regions = new Map(
      (await tx.query<{ code: string; name: string }>('select code, name from cbs_regions where code = any($1::text[])', [codes])).map((r) => [r.code, r.name]),
    );
    const series = measurementSeries(measurements as never, (code) => regions.get(code), plan.referenceAreaCodes as string[]);
    // ECharts loads on the first chart, not at start-up.
    const { renderIndicatorChart } = await import('./charts.ts');
    return renderIndicatorChart({ indicator, series, ownName: owner?.name ?? '', isContradictory: checkTarget(indicator).length > 0 });
  });
}
