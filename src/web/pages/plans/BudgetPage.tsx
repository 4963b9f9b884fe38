import { useLocation, useParams, useSearchParams } from 'react-router';
import {
  Alert, DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { formatEuro } from '../../../domain/budget.ts';
import type { TPlan, TTheme } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import type { PlanBudget } from '../../api/types.ts';
import { AppButtonLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { BudgetTable } from '../../components/BudgetTable.tsx';
import { BudgetUseSection } from '../../components/BudgetUseSection.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ServedVersionBanner } from '../../components/ServedVersionBanner.tsx';
import { SubsidySection } from '../../components/SubsidySection.tsx';
import { nl } from '../../../text/nl/web.ts';
import { formatYear } from '../../../text/format.ts';
import { paths, withReturn } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { planSubject, useCan } from '../../session/useCan.ts';

async function loadBudget(planId: string) {
  const [plan, budget, themes] = await Promise.all([api.getPlan(planId), api.getBudget(planId), api.listThemes(planId)]);
  return { plan, budget, themes };
}

/**
 * A plan's budget: lines and sub-lines, totals per year, available budget and remainder; the realisation (planned,
 * spent, remaining) for the year in the URL or the whole period; the subsidies and their deadlines. All computed.
 */
export function BudgetPage() {
  const { planId = '' } = useParams();
  const state = useLoad(() => loadBudget(planId), planId);
  return <LoadState state={state}>{(data) => <BudgetContent {...data} />}</LoadState>;
}

const withYear = (label: string, year: number | null) => `${label} (${formatYear(year)})`;

function BudgetSummary({ budget }: { budget: PlanBudget }) {
  return (
    <DataList className="regie-data-list regie-budget-summary">
      {budget.totals.map((t) => (
        <DataListItem key={`t${t.year}`}>
          <DataListKey>{withYear(nl.budget.total, t.year)}</DataListKey>
          <DataListValue>{formatEuro(t.amountCents)}</DataListValue>
        </DataListItem>
      ))}
      {budget.availableBudgetCents != null && (
        <DataListItem>
          <DataListKey>{nl.budget.available}</DataListKey>
          <DataListValue>{formatEuro(budget.availableBudgetCents)}</DataListValue>
        </DataListItem>
      )}
      {budget.remainders.map((r) => (
        <DataListItem key={`r${r.year}`}>
          <DataListKey>{withYear(nl.budget.remainder, r.year)}</DataListKey>
          <DataListValue className={r.amountCents < 0 ? 'regie-negative' : undefined}>
            {formatEuro(r.amountCents)}
          </DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}

function BudgetContent({ plan, budget, themes }: { plan: TPlan; budget: PlanBudget; themes: TTheme[] }) {
  const here = useLocation().pathname;
  const [search] = useSearchParams();
  const chosen = Number(search.get('jaar'));
  const year = budget.use.years.includes(chosen) ? chosen : null;
  const can = useCan();
  // Writes do not depend on the owner's members (members only read a joint programme), so no organisations needed.
  const rights = { update: can('update', planSubject('budget-lines', plan)), create: can('create', planSubject('budget-lines', plan)) };
  return (
    <>
      <Breadcrumbs items={[{ label: plan.title, to: paths.plan(plan.id) }]} />
      <PageHeading preHeading={plan.title} title={nl.budget.title(plan.title)}>
        {nl.budget.heading}
      </PageHeading>
      <ServedVersionBanner plan={plan} />
      <BudgetSummary budget={budget} />
      {budget.pmCount > 0 && <Paragraph>{nl.budget.pmCount(budget.pmCount)}</Paragraph>}
      {budget.mismatches.length > 0 && (
        <Alert type="warning">
          <Heading level={2}>{nl.budget.mismatchTitle}</Heading>
          <UnorderedList>
            {budget.mismatches.map((m) => (
              <UnorderedListItem key={`${m.lineId}-${m.year}`}>
                {nl.budget.mismatch(m.title, formatYear(m.year), formatEuro(m.lineCents), formatEuro(m.subLinesCents))}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      )}
      {budget.lines.length ? (
        <BudgetTable budget={budget} planId={plan.id} returnTo={here} rights={rights} />
      ) : (
        <Paragraph>{nl.budget.noLines}</Paragraph>
      )}
      {rights.create && <AppButtonLink to={withReturn(paths.newBudgetLine(plan.id), here)}>{nl.budget.addLine}</AppButtonLink>}
      {budget.lines.length > 0 && <BudgetUseSection budget={budget} themes={themes} year={year} />}
      {budget.subsidies.length > 0 && <SubsidySection budget={budget} />}
    </>
  );
}
