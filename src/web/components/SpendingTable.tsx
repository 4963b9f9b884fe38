import { useRef, useState } from 'react';
import {
  Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { formatEuro } from '../../domain/budget.ts';
import type { TSpendingEntry } from '../../domain/schemas.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDate } from '../../text/format.ts';
import { paths, withReturn } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

const R = nl.realisation;

interface Props {
  entries: TSpendingEntry[];
  planId: string;
  returnTo: string;
  canChange: boolean;
  /** The entry being removed, if any: its row's buttons wait. */
  busyId: string | null;
  onRemove: (entry: TSpendingEntry) => void;
}

/** One entry: date, budget year, amount, note; editing, and removing only after confirming. */
function SpendingRow({ entry: e, planId, returnTo, canChange, busyId, onRemove }: Omit<Props, 'entries'> & { entry: TSpendingEntry }) {
  const [isConfirming, setConfirming] = useState(false);
  const removeRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const date = formatDate(e.spentOn);
  const amount = formatEuro(e.amountCents);
  const confirmId = `confirm-remove-${e.id}`;
  const toggle = (next: boolean) => {
    setConfirming(next);
    requestAnimationFrame(() => (next ? confirmRef : removeRef).current?.focus());
  };
  return (
    <TableRow>
      <TableCell>{date}</TableCell>
      <TableCell>{e.year}</TableCell>
      <TableCell className={e.amountCents < 0 ? 'regie-numeric regie-negative' : 'regie-numeric'}>{amount}</TableCell>
      <TableCell className="regie-spending-note">{e.note || nl.app.empty}</TableCell>
      {canChange && (
        <TableCell className="regie-spending-actions">
          <AppLink to={withReturn(paths.editSpending(planId, e.budgetLineId, e.id), returnTo)}>
            {R.editEntry}<span className="regie-visually-hidden">{R.entryLabel(date, amount)}</span>
          </AppLink>
          {!isConfirming ? (
            <Button ref={removeRef} appearance="subtle-button" onClick={() => toggle(true)}>
              {R.remove}<span className="regie-visually-hidden">{R.entryLabel(date, amount)}</span>
            </Button>
          ) : (
            <>
              <Paragraph id={confirmId} className="regie-spending-confirm">{R.confirmRemove(date, amount)}</Paragraph>
              <Button
                ref={confirmRef} appearance="primary-action-button" hint="danger" aria-describedby={confirmId}
                busy={busyId === e.id} aria-disabled={busyId ? true : undefined} onClick={() => !busyId && onRemove(e)}
              >
                {R.confirmYes}
              </Button>
              <Button appearance="secondary-action-button" onClick={() => toggle(false)}>{R.cancel}</Button>
            </>
          )}
        </TableCell>
      )}
    </TableRow>
  );
}

/** The spending booked on a budget line. */
export function SpendingTable({ entries, ...rest }: Props) {
  return (
    <ScrollRegion label={R.entriesCaption}>
      <Table className="regie-table regie-spending-table">
        <TableCaption className="regie-visually-hidden">{R.entriesCaption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{R.spentOn}</TableHeaderCell>
            <TableHeaderCell scope="col">{R.budgetYear}</TableHeaderCell>
            <TableHeaderCell scope="col" className="regie-numeric">{R.amount}</TableHeaderCell>
            <TableHeaderCell scope="col">{R.note}</TableHeaderCell>
            {rest.canChange && <TableHeaderCell scope="col">{R.actions}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((e) => <SpendingRow key={e.id} entry={e} {...rest} />)}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
