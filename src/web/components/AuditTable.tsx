import {
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { AuditEntry } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDateTime } from '../../text/format.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** For a change, only the fields that changed; otherwise the data as written. */
function changes(before: unknown, after: unknown): [unknown, unknown] {
  if (!isRecord(before) || !isRecord(after)) return [before, after];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  const pick = (r: Record<string, unknown>) => Object.fromEntries(keys.filter((k) => k in r).map((k) => [k, r[k]]));
  return [pick(before), pick(after)];
}

const show = (data: unknown) => (data == null ? nl.audit.noData : JSON.stringify(data, null, 2));

export const actionLabel = (action: string) => nl.audit.actions[action] ?? action;
export const entityLabel = (entity: string | null) => (entity ? (nl.audit.entities[entity] ?? entity) : nl.app.empty);

function Details({ entry }: { entry: AuditEntry }) {
  if (entry.before == null && entry.after == null) return <>{nl.app.empty}</>;
  const [before, after] = changes(entry.before, entry.after);
  return (
    <details className="regie-details">
      <summary>
        {nl.audit.details}
        <span className="regie-visually-hidden">
          {nl.audit.detailsOf(actionLabel(entry.action), entityLabel(entry.entity), formatDateTime(entry.at))}
        </span>
      </summary>
      <div className="regie-audit-data">
        <figure>
          <figcaption>{nl.audit.before}</figcaption>
          <pre>{show(before)}</pre>
        </figure>
        <figure>
          <figcaption>{nl.audit.after}</figcaption>
          <pre>{show(after)}</pre>
        </figure>
      </div>
    </details>
  );
}

/** The audit trail as a table: when, who, what, which part and its id, with the data before and after. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <ScrollRegion label={nl.audit.heading}>
      <Table className="regie-table regie-audit-table">
        <TableCaption className="regie-visually-hidden">{nl.audit.heading}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{nl.audit.at}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.audit.who}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.audit.action}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.audit.entity}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.audit.id}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.audit.details}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((e) => (
            <TableRow key={e.id} className="regie-audit-row">
              <TableCell>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </TableCell>
              <TableCell>{e.actorLabel}</TableCell>
              <TableCell>{actionLabel(e.action)}</TableCell>
              <TableCell>{entityLabel(e.entity)}</TableCell>
              <TableCell className="regie-audit-id">{e.entityId ?? nl.app.empty}</TableCell>
              <TableCell>
                <Details entry={e} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
