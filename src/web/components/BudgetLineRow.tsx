import {
  DataBadge, TableCell, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { formatEuro } from '../../domain/budget.ts';
import type { TBudgetLine } from '../../domain/schemas.ts';
import { nl } from '../../text/nl/web.ts';
import { paths, withReturn } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';

export type YearKey = number | null;

export const amountIn = (amounts: { year: YearKey; amountCents: number }[], year: YearKey) =>
  amounts.find((a) => a.year === year)?.amountCents;

export function euroOrEmpty(cents: number | undefined) {
  return cents === undefined ? nl.app.empty : formatEuro(cents);
}

/** What the user may do with the budget's lines: otherwise the links are left out. */
export interface BudgetRights {
  update: boolean;
  create: boolean;
}

export interface RowProps {
  line: TBudgetLine;
  rights: BudgetRights;
  years: YearKey[];
  planId: string;
  returnTo: string;
  isSubLine?: boolean;
  hasMismatch?: boolean;
}

/** A budget line or sub-line: title, nature, funding, an amount per year column, and its links. */
export function LineRow({ line, rights, years, planId, returnTo, isSubLine, hasMismatch }: RowProps) {
  return (
    <TableRow className={isSubLine ? 'regie-budget-subline' : 'regie-budget-line'}>
      <TableHeaderCell scope="row" className="regie-budget-title">
        {isSubLine && <span className="regie-visually-hidden">{nl.budget.subLine}: </span>}
        {line.title}
        {line.isPm && <DataBadge className="regie-badge">{nl.budget.pm}</DataBadge>}
        {hasMismatch && <DataBadge className="regie-badge regie-badge--warning">{nl.budget.mismatchBadge}</DataBadge>}
        {line.note && <span className="regie-cell-note">{line.note}</span>}
      </TableHeaderCell>
      <TableCell>{line.nature ? nl.labels.budgetNature[line.nature] : nl.app.empty}</TableCell>
      <TableCell>
        {nl.labels.funding[line.funding]}
        {line.funderName && <span className="regie-cell-note">{line.funderName}</span>}
      </TableCell>
      {years.map((y) => (
        <TableCell key={String(y)} className="regie-numeric">
          {line.isPm ? nl.budget.pm : euroOrEmpty(amountIn(line.amounts, y))}
        </TableCell>
      ))}
      {(rights.update || rights.create) && (
        <TableCell className="regie-budget-actions">
          {rights.update && (
            <AppLink to={withReturn(paths.editBudgetLine(planId, line.id), returnTo)}>
              {nl.budget.edit}
              <span className="regie-visually-hidden">: {line.title}</span>
            </AppLink>
          )}
          {rights.create && !isSubLine && (
            <AppLink to={withReturn(paths.newBudgetLine(planId, line.id), returnTo)}>
              {nl.budget.addSubLine}
              <span className="regie-visually-hidden"> ({line.title})</span>
            </AppLink>
          )}
        </TableCell>
      )}
    </TableRow>
  );
}
