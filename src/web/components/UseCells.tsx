import { DataBadge, TableCell } from '@utrecht/component-library-react';
import { formatEuro } from '../../domain/budget.ts';
import type { UseFigures } from '../../domain/budget-use.ts';
import { nl } from '../../text/nl/web.ts';

const R = nl.realisation;

/** Where the money stands, in words (never colour alone): overspent by how much, the share spent, or PM. */
export function UseState({ use }: { use: UseFigures }) {
  if (use.isOverBudget) {
    return <DataBadge className="regie-badge regie-badge--danger">{R.overBy(formatEuro(-(use.remainingCents ?? 0)))}</DataBadge>;
  }
  if (use.plannedCents === null) return <>{R.pm}</>;
  if (use.plannedCents === 0) return <>{R.nothingPlanned}</>;
  return <>{R.usedPercent(Math.round((use.spentCents * 100) / use.plannedCents))}</>;
}

/** The cells planned, spent, remaining and state of a row in a realisation table. */
export function UseCells({ use }: { use: UseFigures }) {
  const isNegative = use.remainingCents !== null && use.remainingCents < 0;
  return (
    <>
      <TableCell className="regie-numeric">{use.plannedCents === null ? nl.budget.pm : formatEuro(use.plannedCents)}</TableCell>
      <TableCell className="regie-numeric">{formatEuro(use.spentCents)}</TableCell>
      <TableCell className={isNegative ? 'regie-numeric regie-negative' : 'regie-numeric'}>
        {use.remainingCents === null ? nl.app.empty : formatEuro(use.remainingCents)}
      </TableCell>
      <TableCell className="regie-use-state"><UseState use={use} /></TableCell>
    </>
  );
}

/** The column headers that go with UseCells; planned, spent and remaining are amounts. */
export const USE_COLUMNS = [
  { label: R.planned, isNumeric: true }, { label: R.spent, isNumeric: true }, { label: R.remaining, isNumeric: true },
  { label: R.state, isNumeric: false },
] as const;
