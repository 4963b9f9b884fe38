import {
  Alert, DataBadge, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { formatEuro } from '../../domain/budget.ts';
import type { TBudgetLine } from '../../domain/schemas.ts';
import type { PlanBudget, SubsidyDeadlines } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDate } from '../../text/format.ts';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

const S = nl.subsidy;

const needsAttention = (d: SubsidyDeadlines) => d.endState === 'ending_soon' || d.isAccountabilityDue;

/** The end of a subsidy in words: ended, ending in so many days, running; a badge where it asks for attention. */
export function SubsidyEnd({ line, deadlines: d }: { line: TBudgetLine; deadlines: SubsidyDeadlines }) {
  const state = S.state[d.endState];
  return (
    <>
      {line.endDate && <span className="regie-subsidy-date">{formatDate(line.endDate)}</span>}
      <DataBadge className={`regie-badge regie-subsidy-state regie-subsidy-state--${d.endState}`}>
        {d.endState === 'ending_soon' && d.daysToEnd !== null ? `${state}: ${S.endsIn(d.daysToEnd)}` : state}
      </DataBadge>
    </>
  );
}

/** When the subsidy must be accounted for; a badge when that is within 90 days. */
export function SubsidyAccountability({ line, deadlines: d }: { line: TBudgetLine; deadlines: SubsidyDeadlines }) {
  if (!line.accountabilityDate) return <>{nl.app.empty}</>;
  return (
    <>
      <span className="regie-subsidy-date">{formatDate(line.accountabilityDate)}</span>
      {d.isAccountabilityDue && d.daysToAccountability !== null && (
        <DataBadge className="regie-badge regie-badge--warning">{S.accountabilityIn(d.daysToAccountability)}</DataBadge>
      )}
    </>
  );
}

/** The subsidies of a plan with funder, amount, reference, conditions and dates; first those near a deadline. */
export function SubsidySection({ budget }: { budget: PlanBudget }) {
  const lines = new Map(budget.lines.flatMap((l) => [l, ...l.subLines]).map((l) => [l.id, l]));
  const planned = new Map(budget.use.lines.map((u) => [u.lineId, u.plannedCents]));
  const attention = budget.subsidies.filter(needsAttention);
  return (
    <section aria-labelledby="subsidies">
      <Heading level={2} id="subsidies">{S.heading}</Heading>
      {attention.length > 0 && (
        <Alert type="warning">
          <Heading level={3}>{S.attention(attention.length)}</Heading>
          <Paragraph>{S.attentionText}</Paragraph>
          <UnorderedList>
            {attention.map((d) => {
              const line = lines.get(d.lineId)!;
              const parts = [
                d.endState === 'ending_soon' && d.daysToEnd !== null ? S.endsIn(d.daysToEnd) : null,
                d.isAccountabilityDue && d.daysToAccountability !== null ? S.accountabilityIn(d.daysToAccountability) : null,
              ].filter(Boolean);
              return <UnorderedListItem key={d.lineId}>{line.title}: {parts.join(', ')}</UnorderedListItem>;
            })}
          </UnorderedList>
        </Alert>
      )}
      <ScrollRegion label={S.caption}>
        <Table className="regie-table regie-subsidy-table">
          <TableCaption className="regie-visually-hidden">{S.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{S.title}</TableHeaderCell>
              <TableHeaderCell scope="col">{S.funder}</TableHeaderCell>
              <TableHeaderCell scope="col" className="regie-numeric">{S.amount}</TableHeaderCell>
              <TableHeaderCell scope="col">{S.reference}</TableHeaderCell>
              <TableHeaderCell scope="col">{S.conditions}</TableHeaderCell>
              <TableHeaderCell scope="col">{S.end}</TableHeaderCell>
              <TableHeaderCell scope="col">{S.accountability}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {budget.subsidies.map((d) => {
              const line = lines.get(d.lineId)!;
              const amount = planned.get(d.lineId);
              return (
                <TableRow key={d.lineId}>
                  <TableHeaderCell scope="row" className="regie-budget-title">
                    <AppLink to={paths.budgetLine(budget.planId, line.id)}>{line.title}</AppLink>
                  </TableHeaderCell>
                  <TableCell>{line.funderName || nl.app.empty}</TableCell>
                  <TableCell className="regie-numeric">{amount == null ? nl.budget.pm : formatEuro(amount)}</TableCell>
                  <TableCell>{line.grantReference || nl.app.empty}</TableCell>
                  <TableCell className="regie-subsidy-conditions">{line.conditions || nl.app.empty}</TableCell>
                  <TableCell><SubsidyEnd line={line} deadlines={d} /></TableCell>
                  <TableCell><SubsidyAccountability line={line} deadlines={d} /></TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollRegion>
    </section>
  );
}
