import {
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TMeasurement } from '../../domain/schemas.ts';
import { nl } from '../i18n/nl.ts';
import { formatNumber } from '../lib/format.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

/** The measurements of an indicator: period, area, value, source. */
export function MeasurementTable({ measurements, caption }: { measurements: TMeasurement[]; caption: string }) {
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
          </TableRow>
        </TableHeader>
        <TableBody>
          {measurements.map((m) => (
            <TableRow key={m.id}>
              <TableCell>{m.periodLabel}</TableCell>
              <TableCell>{m.area || nl.app.empty}</TableCell>
              <TableCell className="regie-numeric">
                {formatNumber(m.value)}
                {m.kind === 'change_percent' && '%'}
                {m.isProvisional && <span className="regie-cell-note">{nl.indicator.provisional}</span>}
              </TableCell>
              <TableCell>{m.source || nl.app.empty}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
