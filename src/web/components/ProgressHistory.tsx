import {
  Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TProgressEntry } from '../../domain/progress.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDateTime } from '../../text/format.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

/** An activity's history, newest first: when, who, the status change, and what they wrote. */
export function ProgressHistory({ entries }: { entries: TProgressEntry[] }) {
  if (!entries.length) return <Paragraph>{nl.progress.noHistory}</Paragraph>;
  const status = nl.labels.activityStatus;
  return (
    <ScrollRegion label={nl.progress.history}>
      <Table className="regie-table regie-history">
        <TableCaption className="regie-visually-hidden">{nl.progress.history}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{nl.progress.at}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.progress.author}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.progress.change}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.progress.details}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((e) => (
            <TableRow key={e.id}>
              <TableCell>{formatDateTime(e.at)}</TableCell>
              <TableCell>{e.authorName}</TableCell>
              <TableCell>{e.statusFrom && e.statusTo ? nl.progress.statusChange(status[e.statusFrom], status[e.statusTo]) : nl.app.empty}</TableCell>
              <TableCell>
                {e.note && <span className="regie-pre-line">{e.note}</span>}
                {e.percentComplete != null && (
                  <span className="regie-cell-note">{nl.progress.percent}: {nl.progress.percentValue(e.percentComplete)}</span>
                )}
                {e.milestone && <span className="regie-cell-note">{nl.progress.milestone}: {e.milestone}</span>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
