import {
  Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TFrequencyProgress } from '../../domain/frequency-progress.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDate } from '../../text/format.ts';
import { LagBadge } from './ActivityStatus.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

/** Planned against realised per year, with how Regie counts and when it flags a lag. */
export function FrequencyProgressTable({ progress }: { progress: TFrequencyProgress }) {
  if (!progress.isCountable) return <Paragraph>{nl.progress.notCountable}</Paragraph>;
  return (
    <>
      <ScrollRegion label={nl.progress.plannedVsRealised} caption={nl.progress.plannedVsRealised}>
        <Table className="regie-table">
          <TableCaption className="regie-visually-hidden">{nl.progress.plannedVsRealised}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{nl.progress.year}</TableHeaderCell>
              <TableHeaderCell scope="col" className="regie-numeric">{nl.progress.planned}</TableHeaderCell>
              <TableHeaderCell scope="col" className="regie-numeric">{nl.progress.plannedToDate}</TableHeaderCell>
              <TableHeaderCell scope="col" className="regie-numeric">{nl.progress.realised}</TableHeaderCell>
              <TableHeaderCell scope="col">{nl.progress.assessment}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {progress.years.map((y) => (
              <TableRow key={y.year}>
                <TableHeaderCell scope="row">{y.year}</TableHeaderCell>
                <TableCell className="regie-numeric">{y.planned}</TableCell>
                <TableCell className="regie-numeric">{y.plannedToDate}</TableCell>
                <TableCell className="regie-numeric">{y.realised}</TableCell>
                <TableCell>{y.isLagging ? <LagBadge /> : nl.progress.onTrack}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
      <Paragraph className="regie-cell-note">
        {nl.progress.referenceDate(formatDate(progress.referenceDate))} {nl.progress.explanation}
      </Paragraph>
    </>
  );
}
