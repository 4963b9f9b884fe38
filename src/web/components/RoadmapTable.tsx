import {
  DataBadge, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { Roadmap, RoadmapRow } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { formatQuarterCode } from '../../text/format.ts';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

const R = nl.roadmap;
const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');
export const themeName = (t: { number?: string | null; title: string }) => [t.number, t.title].filter(Boolean).join(' ');

/** The rows by theme, in the order given (the joint programme's themes first). */
function byTheme(rows: RoadmapRow[]) {
  const groups = new Map<string, RoadmapRow[]>();
  for (const row of rows) groups.set(row.activity.theme.id, [...(groups.get(row.activity.theme.id) ?? []), row]);
  return [...groups.values()];
}

/** What the row's heading says besides the title: the tijdpad as written and where it reaches past the programme. */
function rowNote(row: RoadmapRow): string {
  return [
    row.activity.timeframeText,
    row.startsBefore && R.startsBefore,
    row.endsAfter && row.plannedEnd && R.endsAfter(formatQuarterCode(row.plannedEnd)),
    !row.cells.length && R.outside,
  ].filter(Boolean).join(' · ');
}

function ActivityRow({ row, quarters, current }: { row: RoadmapRow; quarters: string[]; current: string }) {
  const a = row.activity;
  const cells = new Map(row.cells.map((c) => [c.quarter, c]));
  return (
    <TableRow className="regie-roadmap-row">
      <TableHeaderCell scope="row" className="regie-roadmap-title">
        {a.title}
        <span className="regie-cell-note">{rowNote(row)}</span>
        <span className="regie-roadmap-badges">
          <StatusBadge status={a.status} className={`regie-status regie-status--${a.status}`}>{nl.labels.activityStatus[a.status]}</StatusBadge>
          {row.isOverdue && <DataBadge className="regie-badge regie-badge--danger">{R.isOverdue}</DataBadge>}
          {row.isDue && <DataBadge className="regie-badge regie-badge--warning">{R.isDue}</DataBadge>}
        </span>
      </TableHeaderCell>
      {quarters.map((q) => {
        const cell = cells.get(q);
        return (
          <TableCell key={q} className={cx('regie-roadmap-cell', cell && `regie-roadmap-cell--${cell.mark}`, q === current && 'regie-roadmap-current')}>
            {cell && (cell.label ?? R.marks[cell.mark])}
          </TableCell>
        );
      })}
    </TableRow>
  );
}

/**
 * The timeline: a table with the programme's quarters as columns and an activity per row (by theme), each quarter of
 * planned work marked in words – start, loopt, afronden, doorlopend, an annual step – and the current quarter marked
 * in its header's text as well as by colour.
 */
export function RoadmapTable({ roadmap }: { roadmap: Roadmap }) {
  const { quarters, currentQuarter: current } = roadmap;
  return (
    <ScrollRegion label={R.timelineCaption}>
      <Table className="regie-table regie-roadmap">
        <TableCaption className="regie-visually-hidden">{R.timelineCaption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{R.activity}</TableHeaderCell>
            {quarters.map((q) => (
              <TableHeaderCell key={q} scope="col" className={cx('regie-roadmap-quarter', q === current && 'regie-roadmap-current')}>
                {formatQuarterCode(q)}
                {q === current && <span className="regie-roadmap-now">{R.current}</span>}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        {byTheme(roadmap.rows).map((rows) => {
          const theme = rows[0].activity.theme;
          return (
            <TableBody key={theme.id}>
              <TableRow className="regie-roadmap-theme">
                <TableHeaderCell scope="rowgroup" colSpan={quarters.length + 1}>
                  <AppLink to={paths.theme(theme.planId, theme.id)}>{themeName(theme)}</AppLink>
                  <span className="regie-roadmap-scope"> ({nl.labels.scope[theme.scope]})</span>
                </TableHeaderCell>
              </TableRow>
              {rows.map((row) => <ActivityRow key={row.activity.id} row={row} quarters={quarters} current={current} />)}
            </TableBody>
          );
        })}
      </Table>
    </ScrollRegion>
  );
}
