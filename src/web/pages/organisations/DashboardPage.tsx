import type { FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  Button, ButtonGroup, FormField, FormLabel, Heading, Paragraph, Select, SelectOption, Table,
  TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { STATUS_CHART_WIDTHS, statusChartHeight, type TOrganisationDashboard, type TPlanDashboard } from '../../../domain/dashboard.ts';
import type { TPlanSummary } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { DashboardHeadline, themeTableId } from '../../components/DashboardHeadline.tsx';
import { DashboardTable } from '../../components/DashboardTable.tsx';
import { CurrentPlanNav } from '../../components/PlanNav.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { nl } from '../../../text/nl/web.ts';
import { formatDate, formatPeriod } from '../../../text/format.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';

const D = nl.dashboard;

/**
 * An organisation's dashboard: per plan, per theme where it stands – activities by status and lag, indicators by
 * status, budget use – as a server-drawn chart and the table behind it; for a collaboration, its members' local parts.
 * The plan and the portefeuillehouder are chosen in the URL (?plan=, ?portefeuillehouder=), so a view can be shared.
 */
export function DashboardPage() {
  const { organisationId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const planId = params.get('plan') ?? undefined;
  const holder = params.get('portefeuillehouder') ?? undefined;
  // "alle": every theme, also for a portefeuillehouder, who sees their own by default.
  const filter = holder === ALL ? { scope: 'all' as const } : { portfolioHolderId: holder };
  const state = useLoad(
    () => Promise.all([
      api.getDashboard(organisationId, { planId, ...filter }),
      api.listPlans({ organisationId }),
    ]),
    `${organisationId}?${params.toString()}`,
    { keepPrevious: true },
  );
  return (
    <LoadState state={state}>
      {([dashboard, plans]) => (
        <>
          <Breadcrumbs items={[{ label: dashboard.organisation.name, to: paths.organisation(organisationId) }]} />
          <PageHeading preHeading={dashboard.organisation.name} title={D.pageTitle(dashboard.organisation.name)}>
            {D.title}
          </PageHeading>
          <CurrentPlanNav planId={dashboard.plans.length === 1 ? dashboard.plans[0].plan.id : undefined} />
          <Paragraph className="regie-dashboard-asof">
            {D.asOf(formatDate(dashboard.asOf))} <OwnScope dashboard={dashboard} organisationId={organisationId} planId={planId} />
          </Paragraph>
          <DashboardFilters
            key={params.toString()}
            plans={plans}
            holders={dashboard.portfolioHolders}
            planId={planId}
            holderId={dashboard.portfolioHolderId ?? ALL}
            onApply={(next) => setParams(next)}
            clearTo={paths.dashboard(organisationId, { portefeuillehouder: ALL })}
          />
          {dashboard.plans.length === 0 && <Paragraph>{D.none}</Paragraph>}
          {dashboard.plans.map((p) => (
            <PlanSection key={p.plan.id} dashboard={p} organisationId={organisationId} holderId={dashboard.portfolioHolderId ?? undefined} />
          ))}
          {dashboard.organisation.kind === 'collaboration' && <MemberParts members={dashboard.members} />}
        </>
      )}
    </LoadState>
  );
}

/** The URL value of "portefeuillehouder" that shows every theme. */
const ALL = 'alle';

/** For a portefeuillehouder: whose themes are shown, and the switch between their own themes and the whole plan. */
function OwnScope({ dashboard, organisationId, planId }: { dashboard: TOrganisationDashboard; organisationId: string; planId?: string }) {
  const own = dashboard.ownPortfolioHolder;
  if (!own) return null;
  const isOwn = dashboard.portfolioHolderId === own.id;
  return isOwn ? (
    <>
      {D.ownThemes(own.name)} <AppLink to={paths.dashboard(organisationId, { plan: planId, portefeuillehouder: ALL })}>{D.showAll}</AppLink>
    </>
  ) : (
    <AppLink to={paths.dashboard(organisationId, { plan: planId, portefeuillehouder: own.id })}>{D.showOwn}</AppLink>
  );
}

interface FilterProps {
  plans: TPlanSummary[];
  holders: TOrganisationDashboard['portfolioHolders'];
  planId?: string;
  holderId?: string;
  onApply: (params: Record<string, string>) => void;
  clearTo: string;
}

/** The plan and portefeuillehouder to show. Applied with a button, not on change: a select must not navigate (WCAG 3.2.2). */
function DashboardFilters({ plans, holders, planId, holderId, onApply, clearTo }: FilterProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const key of ['plan', 'portefeuillehouder']) {
      const value = data.get(key);
      if (typeof value === 'string' && value) next[key] = value;
    }
    onApply(next);
  };
  const planName = plans.find((p) => p.id === planId)?.title ?? D.latestPlans;
  const holderName = holders.find((h) => h.id === holderId)?.name ?? D.allHolders;
  return (
    <details className="regie-dashboard-filters">
      <summary>{D.filtersSummary(planName, holderName)}</summary>
      <form onSubmit={submit} className="regie-filter-form regie-filter-form--row" role="search" aria-label={D.filters}>
        <FormField label={<FormLabel htmlFor="dashboard-plan">{D.plan}</FormLabel>} className="regie-filter">
          <Select id="dashboard-plan" name="plan" defaultValue={planId ?? ''}>
            <SelectOption value="">{D.latestPlans}</SelectOption>
            {plans.map((p) => (
              <SelectOption key={p.id} value={p.id}>
                {D.planOption(p.title, p.owner.name)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField label={<FormLabel htmlFor="dashboard-holder">{D.holder}</FormLabel>} className="regie-filter">
          <Select id="dashboard-holder" name="portefeuillehouder" defaultValue={holderId ?? ALL}>
            <SelectOption value={ALL}>{D.allHolders}</SelectOption>
            {holders.map((h) => (
              <SelectOption key={h.id} value={h.id}>{h.name}</SelectOption>
            ))}
          </Select>
        </FormField>
        <ButtonGroup className="regie-filter-actions">
          <Button type="submit" appearance="primary-action-button">{D.apply}</Button>
          <AppLink to={clearTo}>{D.clear}</AppLink>
        </ButtonGroup>
      </form>
    </details>
  );
}

/**
 * One plan: its heading and links, the headline figures, the status chart (drawn at a phone's width or a wider one,
 * with its size given so nothing jumps) and the table per theme that is its text alternative.
 */
function PlanSection({ dashboard, organisationId, holderId }: { dashboard: TPlanDashboard; organisationId: string; holderId?: string }) {
  const { plan } = dashboard;
  const id = `plan-${plan.id}`;
  const [narrow] = STATUS_CHART_WIDTHS;
  return (
    <section aria-labelledby={id} className="regie-dashboard-plan">
      <Heading level={2} id={id}>{plan.title}</Heading>
      <Paragraph className="regie-muted">
        {nl.labels.planKindLong[plan.kind]} · {formatPeriod(plan.periodStart, plan.periodEnd)} · {nl.labels.planStatus[plan.status]}
        {plan.owner.id !== organisationId && <> · {D.jointOf(plan.owner.name)}</>}
        {' · '}<AppLink to={paths.plan(plan.id)}>{D.planLink}</AppLink>
        {' · '}<AppLink to={paths.programme(plan.id)}>{D.activitiesLink}</AppLink>
      </Paragraph>
      <DashboardHeadline dashboard={dashboard} isFiltered={!!holderId} />
      {dashboard.themes.length === 0 ? (
        <Paragraph>{D.noThemes}</Paragraph>
      ) : (
        <>
          {dashboard.total.activities.total === 0 ? (
            <Paragraph>{D.noActivities}</Paragraph>
          ) : (
            // One image per width, each with its size, so nothing jumps; CSS shows one, and a lazy image that is not
            // shown is not fetched.
            STATUS_CHART_WIDTHS.map((width) => (
              <img
                key={width} className={`regie-dashboard-chart regie-dashboard-chart--${width === narrow ? 'narrow' : 'wide'}`}
                src={api.statusChartUrl(plan.id, holderId, width)} width={width} height={statusChartHeight(dashboard.themes.length, width)}
                alt={D.chartAlt(plan.title)} loading="lazy"
              />
            ))
          )}
          <DashboardTable dashboard={dashboard} isFiltered={!!holderId} id={themeTableId(plan.id)} />
        </>
      )}
    </section>
  );
}

/** A collaboration's member municipalities with the totals of their local parts; each leads to that part's dashboard. */
function MemberParts({ members }: { members: TOrganisationDashboard['members'] }) {
  const rows = members.flatMap((m) => m.plans.map((p) => ({ member: m.organisation, dashboard: p })));
  return (
    <section aria-labelledby="lokale-delen">
      <Heading level={2} id="lokale-delen">{D.members}</Heading>
      <Paragraph>{D.membersIntro}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{D.noMembers}</Paragraph>
      ) : (
        <ScrollRegion label={D.membersCaption} caption={D.membersCaption}>
          <Table className="regie-table">
            <TableCaption className="regie-visually-hidden">{D.membersCaption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{D.member}</TableHeaderCell>
                <TableHeaderCell scope="col">{D.memberPlan}</TableHeaderCell>
                <TableHeaderCell scope="col" className="regie-numeric">{D.activities}</TableHeaderCell>
                <TableHeaderCell scope="col" className="regie-numeric">{nl.labels.activityStatus.delayed}</TableHeaderCell>
                <TableHeaderCell scope="col" className="regie-numeric">{D.lagging}</TableHeaderCell>
                <TableHeaderCell scope="col" className="regie-numeric">{D.indicators}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map(({ member, dashboard: { plan, total } }) => (
                <TableRow key={plan.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={paths.dashboard(member.id, { plan: plan.id })}>
                      {member.name}
                      <span className="regie-visually-hidden">: {D.pageTitle(plan.title)}</span>
                    </AppLink>
                  </TableHeaderCell>
                  <TableCell><AppLink to={paths.plan(plan.id)}>{plan.title}</AppLink></TableCell>
                  <TableCell className="regie-numeric">{total.activities.total}</TableCell>
                  <TableCell className="regie-numeric">{total.activities.byStatus.delayed}</TableCell>
                  <TableCell className="regie-numeric">{total.activities.lagging}</TableCell>
                  <TableCell className="regie-numeric">{total.indicators.total}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}
