import {
  Alert, DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph, Select, SelectOption, Table, TableBody,
  TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import type { TImportPreview } from '../../domain/measurement-import.ts';
import type { TIndicator } from '../../domain/schemas.ts';
import { nl } from '../../text/nl/web.ts';
import { formatNumber } from '../../text/format.ts';
import { fieldAria } from './FieldParts.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

const T = nl.dataImport;
/** Rows of the changes table shown; the counts above it are complete. */
const SHOWN = 200;

interface Props {
  preview: TImportPreview;
  indicators: TIndicator[];
  isBusy: boolean;
  onMap: (seriesKey: string, indicatorId: string | null) => void;
}

/** What an import would do: the file, its series and their indicators, the areas, the counts and the changes, errors. */
export function ImportPreview({ preview: p, indicators, isBusy, onMap }: Props) {
  const indicatorName = new Map(indicators.map((i) => [i.id, i.name]));
  const own = p.areas.own;
  return (
    <>
      <DataList className="regie-data-list">
        <DataListItem>
          <DataListKey>{T.fileName}</DataListKey>
          <DataListValue>{p.fileName}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{T.format}</DataListKey>
          <DataListValue>{p.format ? T.formats[p.format] : nl.app.empty}</DataListValue>
        </DataListItem>
        {p.title && (
          <DataListItem>
            <DataListKey>{T.tableTitle}</DataListKey>
            <DataListValue>{p.title}</DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{T.source}</DataListKey>
          <DataListValue>{p.source || nl.app.empty}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{T.lines}</DataListKey>
          <DataListValue>{formatNumber(p.lineCount)}</DataListValue>
        </DataListItem>
      </DataList>

      {p.errorCount > 0 && (
        <Alert type="error">
          <Heading level={3}>{T.errorsHeading(p.errorCount)}</Heading>
          <Paragraph>{T.errorsHelp}</Paragraph>
          <UnorderedList>
            {p.errors.map((e) => <UnorderedListItem key={`${e.line}-${e.message}`}>{e.message}</UnorderedListItem>)}
          </UnorderedList>
          {p.errorCount > p.errors.length && <Paragraph>{T.moreErrors(p.errorCount - p.errors.length)}</Paragraph>}
        </Alert>
      )}

      {p.series.length > 0 && (
        <>
          <Heading level={3}>{T.seriesHeading}</Heading>
          <ScrollRegion label={T.seriesCaption}>
            <Table className="regie-table regie-table--compact">
              <TableCaption className="regie-visually-hidden">{T.seriesCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{T.series}</TableHeaderCell>
                  <TableHeaderCell scope="col">{T.periods}</TableHeaderCell>
                  <TableHeaderCell scope="col">{T.unit}</TableHeaderCell>
                  <TableHeaderCell scope="col">{T.indicator}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {p.series.map((s, n) => {
                  const aria = fieldAria({ name: `series-${n}`, label: T.indicatorFor(s.label) });
                  return (
                    <TableRow key={s.key}>
                      <TableCell>
                        {s.label}
                        {s.description && <span className="regie-cell-note">{s.description}</span>}
                      </TableCell>
                      <TableCell>{s.periods.join(', ') || nl.app.empty}</TableCell>
                      <TableCell>{s.unit || nl.app.empty}</TableCell>
                      <TableCell>
                        <label htmlFor={aria.id} className="regie-visually-hidden">{T.indicatorFor(s.label)}</label>
                        <Select {...aria} value={s.indicatorId ?? ''} disabled={isBusy} onChange={(e) => onMap(s.key, e.target.value || null)}>
                          <SelectOption value="">{T.notImported}</SelectOption>
                          {indicators.map((i) => <SelectOption key={i.id} value={i.id}>{i.name}</SelectOption>)}
                        </Select>
                        <span className="regie-cell-note">{T.matchedBy[s.matchedBy]}</span>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </ScrollRegion>
        </>
      )}

      <Heading level={3}>{T.areasHeading}</Heading>
      <DataList className="regie-data-list">
        {own && (
          <DataListItem>
            <DataListKey>{T.ownArea}</DataListKey>
            <DataListValue>{`${own.name}: ${own.isInFile ? T.inFile : T.notInFile}`}</DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{T.referenceAreas}</DataListKey>
          <DataListValue>
            {p.areas.references.length
              ? p.areas.references.map((a) => `${a.name}: ${a.isInFile ? T.inFile : T.notInFile}`).join('; ')
              : T.noReferences}
          </DataListValue>
        </DataListItem>
      </DataList>
      {p.areas.otherCount > 0 && <Paragraph>{T.otherAreas(p.areas.otherCount)}</Paragraph>}
      {p.areas.unknownCount > 0 && (
        <details className="regie-details">
          <summary>{T.unknownAreas(p.areas.unknownCount)}</summary>
          <UnorderedList>
            {p.areas.unknown.map((u) => <UnorderedListItem key={u.text}>{T.unknownArea(u.text, u.line)}</UnorderedListItem>)}
          </UnorderedList>
        </details>
      )}

      <Heading level={3}>{T.countsHeading}</Heading>
      <DataList className="regie-data-list">
        {(['new', 'changed', 'unchanged', 'missing'] as const).map((k) => (
          <DataListItem key={k}>
            <DataListKey>{T.counts[k]}</DataListKey>
            <DataListValue>{formatNumber(p.counts[k])}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
      {p.changes.length > 0 && (
        <ScrollRegion label={T.changesCaption}>
          <Table className="regie-table regie-table--compact">
            <TableCaption className="regie-visually-hidden">{T.changesCaption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col" className="regie-numeric">{T.line}</TableHeaderCell>
                <TableHeaderCell scope="col">{T.indicator}</TableHeaderCell>
                <TableHeaderCell scope="col">{T.area}</TableHeaderCell>
                <TableHeaderCell scope="col">{T.period}</TableHeaderCell>
                <TableHeaderCell scope="col" className="regie-numeric">{T.value}</TableHeaderCell>
                <TableHeaderCell scope="col" className="regie-numeric">{T.previous}</TableHeaderCell>
                <TableHeaderCell scope="col">{T.change}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {p.changes.slice(0, SHOWN).map((c) => (
                <TableRow key={`${c.indicatorId}|${c.areaCode}|${c.periodLabel}`}>
                  <TableCell className="regie-numeric">{c.line}</TableCell>
                  <TableCell>{indicatorName.get(c.indicatorId) ?? nl.app.empty}</TableCell>
                  <TableCell>{c.areaName}</TableCell>
                  <TableCell>
                    {c.periodLabel}
                    {c.isProvisional && <span className="regie-cell-note">{nl.indicator.provisional}</span>}
                  </TableCell>
                  <TableCell className="regie-numeric">{formatNumber(c.value)}</TableCell>
                  <TableCell className="regie-numeric">{formatNumber(c.previousValue)}</TableCell>
                  <TableCell>{T.changes[c.change]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
      {p.changes.length > SHOWN && <Paragraph>{T.moreChanges(p.changes.length - SHOWN)}</Paragraph>}
    </>
  );
}
