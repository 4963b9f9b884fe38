import {
  Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { seriesTable, type MeasurementSeries } from '../../domain/indicator-series.ts';
import { api } from '../api/client.ts';
import { seriesName } from '../../text/indicator-text.ts';
import { nl } from '../../text/nl/web.ts';
import { formatNumber } from '../../text/format.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

interface Props {
  indicatorId: string;
  name: string;
  unit: string | null | undefined;
  series: MeasurementSeries[];
  ownName: string;
  /** Changes whenever the figures do, so the browser fetches the new chart. */
  version: string;
  headingLevel: number;
}

/**
 * The indicator's chart, rendered by the server as SVG, with the same figures as a table below it: the table is the
 * text alternative for everyone who cannot see the chart, and the place to read exact values.
 */
export function IndicatorChart({ indicatorId, name, unit, series, ownName, version, headingLevel }: Props) {
  const rows = seriesTable(series);
  const caption = nl.monitor.tableCaption(name);
  return (
    <section aria-labelledby="verloop">
      <Heading level={headingLevel} id="verloop">{nl.monitor.chartHeading}</Heading>
      <figure className="regie-chart">
        <img src={api.chartUrl(indicatorId, version)} alt={nl.monitor.chartAlt(name)} width={720} height={380} className="regie-chart__image" />
        <figcaption className="regie-muted">{nl.monitor.chartCaption}</figcaption>
      </figure>
      <Heading level={headingLevel + 1}>{nl.monitor.tableHeading}</Heading>
      {unit && rows.length > 0 && <Paragraph>{nl.monitor.unitOf(unit)}</Paragraph>}
      {rows.length === 0 ? (
        <Paragraph>{nl.monitor.noValues}</Paragraph>
      ) : (
        <ScrollRegion label={caption}>
          <Table className="regie-table regie-table--compact">
            <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{nl.monitor.periodColumn}</TableHeaderCell>
                {series.map((s) => (
                  <TableHeaderCell key={s.key} scope="col" className="regie-numeric">{seriesName(s, ownName)}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.periodStart}|${r.periodEnd}`}>
                  <TableHeaderCell scope="row">{r.periodLabel}</TableHeaderCell>
                  {r.cells.map((p, n) => (
                    <TableCell key={series[n].key} className="regie-numeric">
                      {p ? formatNumber(p.value) : nl.app.empty}
                      {p?.isProvisional && <span className="regie-cell-note">{nl.indicator.provisional}</span>}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}
