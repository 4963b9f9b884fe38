import { Fragment } from 'react';
import {
  Table, TableBody, TableCaption, TableCell, TableFooter, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { formatEuro, sumByYear } from '../../domain/budget.ts';
import type { BudgetLineWithSubLines, PlanBudget } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { formatYear } from '../../text/format.ts';
import { amountIn, euroOrEmpty, LineRow, type BudgetRights, type YearKey } from './BudgetLineRow.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

export type { BudgetRights } from './BudgetLineRow.tsx';

/** The year columns: every year that has an amount or a total, then "per jaar". */
export function yearColumns(budget: PlanBudget): YearKey[] {
  const keys = new Set<YearKey>();
  for (const line of budget.lines) {
    for (const l of [line, ...line.subLines]) l.amounts.forEach((a) => keys.add(a.year));
  }
  budget.totals.forEach((t) => keys.add(t.year));
  return [...keys].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
}

/** A section's subtotal per year, computed as the plan's total is (an amount per year counts in every year). */
interface SubtotalProps {
  section: string;
  lines: BudgetLineWithSubLines[];
  years: YearKey[];
  hasActions: boolean;
}

function SubtotalRow({ section, lines, years, hasActions }: SubtotalProps) {
  const sums = sumByYear(lines);
  return (
    <TableRow className="regie-budget-subtotal">
      <TableHeaderCell scope="row" colSpan={3}>{nl.budget.subtotal(section)}</TableHeaderCell>
      {years.map((y) => (
        <TableCell key={String(y)} className="regie-numeric">{euroOrEmpty(sums.get(y ?? 'per_jaar'))}</TableCell>
      ))}
      {hasActions && <TableCell />}
    </TableRow>
  );
}

function groupBySection(lines: BudgetLineWithSubLines[]): [string, BudgetLineWithSubLines[]][] {
  const groups = new Map<string, BudgetLineWithSubLines[]>();
  for (const l of lines) {
    const key = l.section || nl.budget.noSection;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups];
}

/** The budget as a table: lines by section with their sub-lines, amounts per year, totals, available, remainder. */
interface Props {
  budget: PlanBudget;
  planId: string;
  returnTo: string;
  rights: BudgetRights;
}

export function BudgetTable({ budget, planId, returnTo, rights }: Props) {
  const years = yearColumns(budget);
  const hasActions = rights.update || rights.create;
  const width = (hasActions ? 4 : 3) + years.length;
  const end = hasActions ? <TableCell /> : null;
  const mismatched = new Set(budget.mismatches.map((m) => m.lineId));
  const groups = groupBySection(budget.lines);
  return (
    <ScrollRegion label={nl.budget.heading}>
      <Table className="regie-table regie-budget-table">
        <TableCaption className="regie-visually-hidden">{nl.budget.heading}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{nl.budget.line}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.budget.nature}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.budget.funding}</TableHeaderCell>
            {years.map((y) => (
              <TableHeaderCell key={String(y)} scope="col" className="regie-numeric">{formatYear(y)}</TableHeaderCell>
            ))}
            {hasActions && (
              <TableHeaderCell scope="col"><span className="regie-visually-hidden">{nl.budget.edit}</span></TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        {groups.map(([section, lines]) => (
          <TableBody key={section}>
            <TableRow className="regie-budget-section">
              <TableHeaderCell scope="colgroup" colSpan={width}>{section}</TableHeaderCell>
            </TableRow>
            {lines.map((line) => (
              <Fragment key={line.id}>
                <LineRow line={line} rights={rights} years={years} planId={planId} returnTo={returnTo} hasMismatch={mismatched.has(line.id)} />
                {line.subLines.map((sub) => (
                  <LineRow key={sub.id} line={sub} rights={rights} years={years} planId={planId} returnTo={returnTo} isSubLine />
                ))}
              </Fragment>
            ))}
            {groups.length > 1 && <SubtotalRow section={section} lines={lines} years={years} hasActions={hasActions} />}
          </TableBody>
        ))}
        <TableFooter>
          <TableRow className="regie-budget-total">
            <TableHeaderCell scope="row" colSpan={3}>{nl.budget.total}</TableHeaderCell>
            {years.map((y) => (
              <TableCell key={String(y)} className="regie-numeric">{euroOrEmpty(amountIn(budget.totals, y))}</TableCell>
            ))}
            {end}
          </TableRow>
          {budget.availableBudgetCents != null && (
            <>
              <TableRow>
                <TableHeaderCell scope="row" colSpan={3}>{nl.budget.available}</TableHeaderCell>
                {years.map((y) => (
                  <TableCell key={String(y)} className="regie-numeric">
                    {amountIn(budget.remainders, y) === undefined ? nl.app.empty : formatEuro(budget.availableBudgetCents!)}
                  </TableCell>
                ))}
                {end}
              </TableRow>
              <TableRow>
                <TableHeaderCell scope="row" colSpan={3}>{nl.budget.remainder}</TableHeaderCell>
                {years.map((y) => (
                  <TableCell key={String(y)} className="regie-numeric">{euroOrEmpty(amountIn(budget.remainders, y))}</TableCell>
                ))}
                {end}
              </TableRow>
            </>
          )}
        </TableFooter>
      </Table>
    </ScrollRegion>
  );
}
