import type { ReactNode } from 'react';
import {
  Paragraph, Table, TableBody, TableCaption, TableCell, TableFooter, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { formatEuro } from '../../domain/budget.ts';
import type { TDashboardFigures, TPlanDashboard } from '../../domain/dashboard.ts';
import { INDICATOR_STATUSES } from '../../domain/indicator.ts';
import { ACTIVITY_STATUSES } from '../../domain/schemas.ts';
import { nl } from '../../text/nl/web.ts';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { UseState } from './UseCells.tsx';

const D = nl.dashboard;

/** A count that leads to its list; the hidden text says what the list is. Nothing to list, no link. */
function Count({ n, to, hidden }: { n: number; to?: string; hidden: string }) {
  if (!n || !to) return <>{n}</>;
  return (
    <AppLink to={to}>
      {n}
      <span className="regie-visually-hidden">{hidden}</span>
    </AppLink>
  );
}

interface RowLinks {
  /** The programme's activity table, filtered on this row (with a status or `lagging` added). */
  activities?: (filter: Record<string, string>) => string;
  /** The list of the indicators with a status. */
  indicators?: (status: string) => string;
  budget?: string;
}

/** The figures of a theme or the whole plan as cells: activities by status and lag, indicators, budget use. */
function FigureCells({ figures, links, theme, isBudgetByTheme = true }: {
  figures: TDashboardFigures; links: RowLinks; theme?: string; isBudgetByTheme?: boolean;
}) {
  const { activities, indicators, budget } = figures;
  const shown = INDICATOR_STATUSES.filter((s) => indicators.byStatus[s] > 0);
  return (
    <>
      {ACTIVITY_STATUSES.map((s) => (
        <TableCell key={s} className="regie-numeric">
          <Count
            n={activities.byStatus[s]}
            to={links.activities?.({ status: s })}
            hidden={D.activityCount(activities.byStatus[s], nl.labels.activityStatus[s], theme)}
          />
        </TableCell>
      ))}
      <TableCell className="regie-numeric">
        <Count n={activities.lagging} to={links.activities?.({ lagging: 'true' })} hidden={D.laggingCount(activities.lagging, theme)} />
      </TableCell>
      <TableCell>
        {shown.length ? (
          <ul className="regie-dashboard-list">
            {shown.map((s) => (
              <li key={s}>
                <Count
                  n={indicators.byStatus[s]}
                  to={theme ? links.indicators?.(s) : undefined}
                  hidden={D.indicatorCount(nl.monitor.status[s], theme ?? '')}
                />{' '}
                {D.indicatorPhrase[s]}
              </li>
            ))}
          </ul>
        ) : (
          D.noIndicators
        )}
      </TableCell>
      {isBudgetByTheme ? <BudgetCells budget={budget} link={links.budget} theme={theme} /> : <TableCell colSpan={3}>{D.notPerTheme}</TableCell>}
    </>
  );
}

function BudgetCells({ budget, link, theme }: { budget: TDashboardFigures['budget']; link?: string; theme?: string }) {
  if (!budget) return <TableCell colSpan={3}>{D.noBudget}</TableCell>;
  const amount = (cents: number | null, text?: string): ReactNode => {
    const shown = text ?? (cents === null ? nl.budget.pm : formatEuro(cents));
    return link ? (
      <AppLink to={link}>
        {shown}
        <span className="regie-visually-hidden">{D.budgetOf(theme)}</span>
      </AppLink>
    ) : shown;
  };
  const isNegative = budget.remainingCents !== null && budget.remainingCents < 0;
  return (
    <>
      <TableCell className="regie-numeric">{amount(budget.plannedCents)}</TableCell>
      <TableCell className="regie-numeric">{amount(budget.spentCents)}</TableCell>
      <TableCell className={isNegative ? 'regie-numeric regie-negative' : 'regie-numeric'}>
        {budget.remainingCents === null ? nl.app.empty : formatEuro(budget.remainingCents)}
        <span className="regie-dashboard-state"><UseState use={budget} /></span>
      </TableCell>
    </>
  );
}

const themeName = (t: TPlanDashboard['themes'][number]['theme']) => [t.number, t.title].filter(Boolean).join(' ');

interface Props {
  dashboard: TPlanDashboard;
  /** The table's id: a headline figure may lead here. */
  id?: string;
  /** Filtered on a portefeuillehouder: the total is that of their themes. */
  isFiltered: boolean;
}

/**
 * Per theme of a plan: its portefeuillehouders, activities by status and lag, indicators by status and budget use, with
 * a total row. Every figure links to the list behind it. Also the text alternative of the status chart.
 */
export function DashboardTable({ dashboard, isFiltered, id }: Props) {
  const { plan, themes, total, isBudgetByTheme } = dashboard;
  const budget = `${paths.budget(plan.id)}#realisatie`;
  // The programme's table of a local part also holds the joint programme's activities; of a filtered dashboard,
  // other themes' too: there the total's figures would lead to a longer list than they count.
  const totalLinks: RowLinks = {
    activities: plan.jointPlanId || isFiltered ? undefined : (f) => paths.programmeFiltered(plan.id, f),
    budget: isFiltered ? undefined : budget,
  };
  return (
    <>
    <ScrollRegion label={D.caption(plan.title)} caption={D.caption(plan.title)}>
      <Table className="regie-table regie-dashboard-table" id={id}>
        <TableCaption className="regie-visually-hidden">{D.caption(plan.title)}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col" rowSpan={2}>{D.theme}</TableHeaderCell>
            <TableHeaderCell scope="col" rowSpan={2}>{D.holders}</TableHeaderCell>
            <TableHeaderCell scope="colgroup" colSpan={ACTIVITY_STATUSES.length + 1}>{D.activities}</TableHeaderCell>
            <TableHeaderCell scope="col" rowSpan={2}>{D.indicators}</TableHeaderCell>
            <TableHeaderCell scope="colgroup" colSpan={3}>{D.budget}</TableHeaderCell>
          </TableRow>
          <TableRow>
            {ACTIVITY_STATUSES.map((s) => (
              <TableHeaderCell key={s} scope="col" className="regie-numeric">{nl.labels.activityStatus[s]}</TableHeaderCell>
            ))}
            <TableHeaderCell scope="col" className="regie-numeric">{D.lagging}</TableHeaderCell>
            <TableHeaderCell scope="col" className="regie-numeric">{nl.realisation.planned}</TableHeaderCell>
            <TableHeaderCell scope="col" className="regie-numeric">{nl.realisation.spent}</TableHeaderCell>
            <TableHeaderCell scope="col" className="regie-numeric">{nl.realisation.remaining}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {themes.map((t) => (
            <TableRow key={t.theme.id}>
              <TableHeaderCell scope="row">
                <AppLink to={paths.theme(plan.id, t.theme.id)}>{themeName(t.theme)}</AppLink>
              </TableHeaderCell>
              <TableCell>{t.portfolioHolders.map((h) => h.name).join(', ') || nl.app.empty}</TableCell>
              <FigureCells
                figures={t}
                theme={themeName(t.theme)}
                isBudgetByTheme={isBudgetByTheme}
                links={{
                  activities: (f) => paths.programmeFiltered(plan.id, { themeId: t.theme.id, ...f }),
                  indicators: (s) => paths.themeIndicators(plan.id, t.theme.id, s),
                  budget,
                }}
              />
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableHeaderCell scope="row" colSpan={2}>{isFiltered ? D.totalFiltered : D.total}</TableHeaderCell>
            <FigureCells figures={total} links={totalLinks} />
          </TableRow>
        </TableFooter>
      </Table>
    </ScrollRegion>
    {!isBudgetByTheme && total.budget && <Paragraph className="regie-muted">{D.notPerThemeNote}</Paragraph>}
    </>
  );
}
