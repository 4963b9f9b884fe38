import { Fragment } from 'react';
import {
  DataBadge, Table, TableBody, TableCaption, TableCell, TableFooter, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { formatEuro, sumByYear } from '../../domain/budget.ts';
import type { TBudgetLine } from '../../domain/schemas.ts';
import type { BudgetLineWithSubLines, PlanBudget } from '../api/types.ts';
import { nl } from '../i18n/nl.ts';
import { formatYear } from '../lib/format.ts';
import { paths, withReturn } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

type YearKey = number | null;

/** The year columns: every year that has an amount or a total, then "per jaar". */
export function yearColumns(budget: PlanBudget): YearKey[] {
  const keys = new Set<YearKey>();
  for (const line of budget.lines) {
    for (const l of [line, ...line.subLines]) l.amounts.forEach((a) => keys.add(a.year));
  }
  budget.totals.forEach((t) => keys.add(t.year));
  return [...keys].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
}

const amountIn = (amounts: { year: YearKey; amountCents: number }[], year: YearKey) =>
  amounts.find((a) => a.year === year)?.amountCents;

function euroOrEmpty(cents: number | undefined) {
  return cents === undefined ? nl.app.empty : formatEuro(cents);
}

interface RowProps {
  line: TBudgetLine;
  years: YearKey[];
  planId: string;
  returnTo: string;
  isSubLine?: boolean;
  hasMismatch?: boolean;
}

function LineRow({ line, years, planId, returnTo, isSubLine, hasMismatch }: RowProps) {
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
      <TableCell className="regie-budget-actions">
        <AppLink to={withReturn(paths.editBudgetLine(planId, line.id), returnTo)}>
          {nl.budget.edit}
          <span className="regie-visually-hidden">: {line.title}</span>
        </AppLink>
        {!isSubLine && (
          <AppLink to={withReturn(paths.newBudgetLine(planId, line.id), returnTo)}>
            {nl.budget.addSubLine}
            <span className="regie-visually-hidden"> ({line.title})</span>
          </AppLink>
        )}
      </TableCell>
    </TableRow>
  );
}

/** A section's subtotal per year, computed as the plan's total is (an amount per year counts in every year). */
function SubtotalRow({ section, lines, years }: { section: string; lines: BudgetLineWithSubLines[]; years: YearKey[] }) {
  const sums = sumByYear(lines);
  return (
    <TableRow className="regie-budget-subtotal">
      <TableHeaderCell scope="row" colSpan={3}>{nl.budget.subtotal(section)}</TableHeaderCell>
      {years.map((y) => (
        <TableCell key={String(y)} className="regie-numeric">{euroOrEmpty(sums.get(y ?? 'per_jaar'))}</TableCell>
      ))}
      <TableCell />
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
export function BudgetTable({ budget, planId, returnTo }: { budget: PlanBudget; planId: string; returnTo: string }) {
  const years = yearColumns(budget);
  const width = 4 + years.length;
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
            <TableHeaderCell scope="col"><span className="regie-visually-hidden">{nl.budget.edit}</span></TableHeaderCell>
          </TableRow>
        </TableHeader>
        {groups.map(([section, lines]) => (
          <TableBody key={section}>
            <TableRow className="regie-budget-section">
              <TableHeaderCell scope="colgroup" colSpan={width}>{section}</TableHeaderCell>
            </TableRow>
            {lines.map((line) => (
              <Fragment key={line.id}>
                <LineRow line={line} years={years} planId={planId} returnTo={returnTo} hasMismatch={mismatched.has(line.id)} />
                {line.subLines.map((sub) => (
                  <LineRow key={sub.id} line={sub} years={years} planId={planId} returnTo={returnTo} isSubLine />
                ))}
              </Fragment>
            ))}
            {groups.length > 1 && <SubtotalRow section={section} lines={lines} years={years} />}
          </TableBody>
        ))}
        <TableFooter>
          <TableRow className="regie-budget-total">
            <TableHeaderCell scope="row" colSpan={3}>{nl.budget.total}</TableHeaderCell>
            {years.map((y) => (
              <TableCell key={String(y)} className="regie-numeric">{euroOrEmpty(amountIn(budget.totals, y))}</TableCell>
            ))}
            <TableCell />
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
                <TableCell />
              </TableRow>
              <TableRow>
                <TableHeaderCell scope="row" colSpan={3}>{nl.budget.remainder}</TableHeaderCell>
                {years.map((y) => (
                  <TableCell key={String(y)} className="regie-numeric">{euroOrEmpty(amountIn(budget.remainders, y))}</TableCell>
                ))}
                <TableCell />
              </TableRow>
            </>
          )}
        </TableFooter>
      </Table>
    </ScrollRegion>
  );
}
