import { Fragment } from 'react';
import {
  Heading, Paragraph, Table, TableBody, TableCaption, TableFooter, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { formatEuro } from '../../domain/budget.ts';
import type { UseFigures } from '../../domain/budget-use.ts';
import type { TTheme } from '../../domain/schemas.ts';
import type { BudgetLineWithSubLines, PlanBudget } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { USE_COLUMNS, UseCells } from './UseCells.tsx';

const R = nl.realisation;

interface Props {
  budget: PlanBudget;
  themes: TTheme[];
  /** The year shown, or null for the whole period. */
  year: number | null;
}

/** The figures of a line (or total) for the year shown, or for the whole period. */
function inYear(figures: UseFigures & { years?: (UseFigures & { year: number })[] }, year: number | null): UseFigures {
  return year === null ? figures : (figures.years?.find((y) => y.year === year) ?? figures);
}

function YearChoice({ planId, years, year }: { planId: string; years: number[]; year: number | null }) {
  const choices: (number | null)[] = [null, ...years];
  return (
    <nav aria-label={R.periodChoice} className="regie-year-choice">
      <ul>
        {choices.map((y) => (
          <li key={String(y)}>
            <AppLink to={paths.budgetYear(planId, y)} aria-current={y === year ? 'page' : undefined}>
              {y === null ? R.wholePeriod : R.yearLink(y)}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function HeaderRow({ first }: { first: string }) {
  return (
    <TableRow>
      <TableHeaderCell scope="col">{first}</TableHeaderCell>
      {USE_COLUMNS.map((c) => (
        <TableHeaderCell key={c.label} scope="col" className={c.isNumeric ? 'regie-numeric' : undefined}>{c.label}</TableHeaderCell>
      ))}
    </TableRow>
  );
}

/**
 * The realisation of a plan's budget: per line (sub-lines under their line) and per theme, for one year or the whole
 * period, with the total and the spending on PM lines beside it. Each line links to its spending.
 */
export function BudgetUseSection({ budget, themes, year }: Props) {
  const { use } = budget;
  const what = year === null ? R.period : String(year);
  const lineUse = new Map(use.lines.map((l) => [l.lineId, l]));
  const total = inYear({ ...use.total, years: use.byYear }, year);
  const overCount = use.lines.filter((l) => inYear(l, year).isOverBudget).length;
  const themeName = new Map(themes.map((t) => [t.id, [t.number, t.title].filter(Boolean).join(' ')]));
  const row = (line: BudgetLineWithSubLines['subLines'][number], isSubLine: boolean) => (
    <TableRow key={line.id} className={isSubLine ? 'regie-budget-subline' : 'regie-budget-line'}>
      <TableHeaderCell scope="row" className="regie-budget-title">
        {isSubLine && <span className="regie-visually-hidden">{nl.budget.subLine}: </span>}
        <AppLink to={paths.budgetLine(budget.planId, line.id)}>{line.title}</AppLink>
      </TableHeaderCell>
      <UseCells use={inYear(lineUse.get(line.id)!, year)} />
    </TableRow>
  );

  return (
    <section aria-labelledby="realisatie">
      <Heading level={2} id="realisatie">{R.heading}</Heading>
      <Paragraph>{R.intro}</Paragraph>
      <YearChoice planId={budget.planId} years={use.years} year={year} />
      <Paragraph role="status">
        {R.summary(formatEuro(total.plannedCents ?? 0), formatEuro(total.spentCents), formatEuro(total.remainingCents ?? 0))}{' '}
        {overCount ? R.overCount(overCount) : R.noneOver}
      </Paragraph>
      <ScrollRegion label={R.caption(what)} caption={R.caption(what)}>
        <Table className="regie-table regie-use-table">
          <TableCaption className="regie-visually-hidden">{R.caption(what)}</TableCaption>
          <TableHeader><HeaderRow first={nl.budget.line} /></TableHeader>
          <TableBody>
            {budget.lines.map((line) => (
              <Fragment key={line.id}>
                {row(line, false)}
                {line.subLines.map((sub) => row(sub, true))}
              </Fragment>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow className="regie-budget-total">
              <TableHeaderCell scope="row">{R.total}</TableHeaderCell>
              <UseCells use={total} />
            </TableRow>
            {use.pmSpentCents !== 0 && year === null && (
              <TableRow>
                <TableHeaderCell scope="row">{R.pmSpent}</TableHeaderCell>
                <UseCells use={{ plannedCents: null, spentCents: use.pmSpentCents, remainingCents: null, isOverBudget: false }} />
              </TableRow>
            )}
          </TableFooter>
        </Table>
      </ScrollRegion>
      {use.themes.some((t) => t.themeId) && (
        <>
          <Heading level={3}>{R.byTheme}</Heading>
          <ScrollRegion label={R.captionThemes(what)}>
            <Table className="regie-table regie-use-table">
              <TableCaption className="regie-visually-hidden">{R.captionThemes(what)}</TableCaption>
              <TableHeader><HeaderRow first={nl.budget.theme} /></TableHeader>
              <TableBody>
                {use.themes.map((t) => (
                  <TableRow key={t.themeId ?? 'none'}>
                    <TableHeaderCell scope="row" className="regie-budget-title">
                      {t.themeId ? (themeName.get(t.themeId) ?? t.themeId) : nl.budget.noTheme}
                    </TableHeaderCell>
                    <UseCells use={inYear(t, year)} />
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
