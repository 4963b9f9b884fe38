import {
  Alert, DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph, Table, TableBody, TableCaption, TableCell,
  TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import type { TXlsxPreview } from '../../domain/programme-xlsx.ts';
import { nl } from '../../text/nl/web.ts';
import { formatNumber } from '../../text/format.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

const T = nl.excel;

/** What importing a workbook would change: the counts, the errors and warnings per row, each changed field, and the rows left out. */
export function XlsxPreview({ preview: p }: { preview: TXlsxPreview }) {
  const warningCount = p.issues.filter((i) => i.severity === 'warning').length;
  const changes = [
    ...p.updates.flatMap((u) => u.changes.map((c) => ({ ...u, ...c, isNew: false }))),
    ...p.creates.flatMap((n) => n.changes.map((c) => ({ ...n, ...c, isNew: true }))),
  ].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  return (
    <>
      <DataList className="regie-data-list">
        <DataListItem>
          <DataListKey>{T.fileName}</DataListKey>
          <DataListValue>{p.fileName}</DataListValue>
        </DataListItem>
        {([['updates', p.updates.length], ['creates', p.creates.length], ['unchanged', p.unchanged], ['missing', p.missing.length]] as const).map(([k, n]) => (
          <DataListItem key={k}>
            <DataListKey>{T.counts[k]}</DataListKey>
            <DataListValue>{formatNumber(n)}</DataListValue>
          </DataListItem>
        ))}
      </DataList>

      {p.issues.length > 0 && (
        <Alert type={p.errorCount ? 'error' : 'warning'}>
          <Heading level={3}>{T.issuesHeading(p.errorCount, warningCount)}</Heading>
          <Paragraph>{p.errorCount ? T.errorsHelp : T.warningsHelp}</Paragraph>
          <ScrollRegion label={T.issuesCaption}>
            <Table className="regie-table regie-table--compact">
              <TableCaption className="regie-visually-hidden">{T.issuesCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{T.sheet}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="regie-numeric">{T.row}</TableHeaderCell>
                  <TableHeaderCell scope="col">{T.column}</TableHeaderCell>
                  <TableHeaderCell scope="col">{T.message}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {p.issues.map((i, n) => (
                  <TableRow key={n}>
                    <TableCell>{i.sheet ?? T.wholeFile}</TableCell>
                    <TableCell className="regie-numeric">{i.row ?? nl.app.empty}</TableCell>
                    <TableCell>{i.column ?? nl.app.empty}</TableCell>
                    <TableCell>
                      <strong>{T.severity[i.severity]}:</strong> {i.message}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        </Alert>
      )}

      {changes.length > 0 && (
        <>
          <Heading level={3}>{T.changesHeading}</Heading>
          <ScrollRegion label={T.changesCaption}>
            <Table className="regie-table regie-table--compact">
              <TableCaption className="regie-visually-hidden">{T.changesCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{T.sheet}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="regie-numeric">{T.row}</TableHeaderCell>
                  <TableHeaderCell scope="col">{T.record}</TableHeaderCell>
                  <TableHeaderCell scope="col">{T.column}</TableHeaderCell>
                  <TableHeaderCell scope="col">{T.before}</TableHeaderCell>
                  <TableHeaderCell scope="col">{T.after}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {changes.map((c) => (
                  <TableRow key={`${c.sheet}-${c.row}-${c.field}`}>
                    <TableCell>{c.sheet}</TableCell>
                    <TableCell className="regie-numeric">{c.row}</TableCell>
                    <TableCell>{c.title}</TableCell>
                    <TableCell>{c.column}</TableCell>
                    <TableCell>{c.isNew ? T.newRow : c.before || T.empty}</TableCell>
                    <TableCell>{c.after || T.empty}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        </>
      )}

      {p.missing.length > 0 && (
        <details className="regie-details">
          <summary>{`${T.missingHeading} (${p.missing.length})`}</summary>
          <Paragraph>{T.missingHelp}</Paragraph>
          <UnorderedList>
            {p.missing.map((m) => <UnorderedListItem key={m.id}>{m.title}</UnorderedListItem>)}
          </UnorderedList>
        </details>
      )}
    </>
  );
}
