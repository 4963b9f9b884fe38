import type { ReactNode } from 'react';
import {
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TMeasurement } from '../../domain/schemas.ts';
import { nl } from '../../text/nl/web.ts';
import { formatNumber } from '../../text/format.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

interface Props {
  measurements: TMeasurement[];
  caption: string;
  /** The plan owner's name, for the own area's rows; a dash without it. */
  ownName?: string;
  /** The actions of a row (edit, delete), for who may use them. */
  actions?: (m: TMeasurement) => ReactNode;
}

/** The area of a measurement: a reference area's name (or code), or the plan owner's own area. */
export const areaOf = (m: TMeasurement, ownName?: string) => m.area || m.areaCode || ownName || nl.app.empty;

/** The measurements of an indicator: period, area, value, source. */
export function MeasurementTable({ measurements, caption, ownName, actions }: Props) {
  return (
    <ScrollRegion label={caption}>
      <Table className="regie-table regie-table--compact">
        <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{nl.indicator.period}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.indicator.area}</TableHeaderCell>
            <TableHeaderCell scope="col" className="regie-numeric">{nl.indicator.value}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.indicator.source}</TableHeaderCell>
            {actions && <TableHeaderCell scope="col">{nl.monitor.actions}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {measurements.map((m) => (
            <TableRow key={m.id}>
              <TableCell>{m.periodLabel}</TableCell>
              <TableCell>{areaOf(m, ownName)}</TableCell>
              <TableCell className="regie-numeric">
                {formatNumber(m.value)}
                {m.kind === 'change_percent' && '%'}
                {m.isProvisional && <span className="regie-cell-note">{nl.indicator.provisional}</span>}
              </TableCell>
              <TableCell>{m.source || nl.app.empty}</TableCell>
              {actions && <TableCell>{actions(m)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
