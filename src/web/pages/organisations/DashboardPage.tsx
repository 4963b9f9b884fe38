import type { FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  Button, ButtonGroup, Fieldset, FieldsetLegend, FormField, FormLabel, Heading, Paragraph, Select, SelectOption, Table,
  TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TOrganisationDashboard, TPlanDashboard } from '../../../domain/dashboard.ts';
import type { TPlanSummary } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { DashboardTable } from '../../components/DashboardTable.tsx';
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
  const holderId = params.get('portefeuillehouder') ?? undefined;
  const state = useLoad(
    () => Promise.all([
      api.getDashboard(organisationId, { planId, portfolioHolderId: holderId }),
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
          <Paragraph>{D.asOf(formatDate(dashboard.asOf))}</Paragraph>
          <DashboardFilters
            key={params.toString()}
            plans={plans}
            holders={dashboard.portfolioHolders}
            planId={planId}
            holderId={holderId}
            onApply={(next) => setParams(next)}
            clearTo={paths.dashboard(organisationId)}
          />
          {dashboard.plans.length === 0 && <Paragraph>{D.none}</Paragraph>}
          {dashboard.plans.map((p) => (
            <PlanSection key={p.plan.id} dashboard={p} organisationId={organisationId} holderId={holderId} />
          ))}
          {dashboard.organisation.kind === 'collaboration' && <MemberParts members={dashboard.members} />}
        </>
      )}
    </LoadState>
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
  return (
    <form onSubmit={submit} className="regie-filter-form" role="search" aria-label={D.filters}>
      <Fieldset>
        <FieldsetLegend>{D.filters}</FieldsetLegend>
        <div className="regie-filter-grid">
          <FormField label={<FormLabel htmlFor="dashboard-plan">{D.plan}</FormLabel>} className="regie-filter regie-filter--wide">
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
            <Select id="dashboard-holder" name="portefeuillehouder" defaultValue={holderId ?? ''}>
              <SelectOption value="">{D.allHolders}</SelectOption>
              {holders.map((h) => (
                <SelectOption key={h.id} value={h.id}>{h.name}</SelectOption>
              ))}
            </Select>
          </FormField>
        </div>
        <ButtonGroup className="regie-filter-actions">
          <Button type="submit" appearance="primary-action-button">{D.apply}</Button>
          <AppLink to={clearTo}>{D.clear}</AppLink>
        </ButtonGroup>
      </Fieldset>
    </form>
  );
}

/** One plan: its heading and links, the status chart and the table that is its text alternative. */
function PlanSection({ dashboard, organisationId, holderId }: { dashboard: TPlanDashboard; organisationId: string; holderId?: string }) {
  const { plan } = dashboard;
  const id = `plan-${plan.id}`;
  return (
    <section aria-labelledby={id} className="regie-dashboard-plan">
      <Heading level={2} id={id}>{plan.title}</Heading>
      <Paragraph className="regie-muted">
        {nl.labels.planKindLong[plan.kind]} · {formatPeriod(plan.periodStart, plan.periodEnd)} · {nl.labels.planStatus[plan.status]}
        {plan.owner.id !== organisationId && <> · {D.jointOf(plan.owner.name)}</>}
      </Paragraph>
      <Paragraph>
        <AppLink to={paths.plan(plan.id)}>{D.planLink}</AppLink>
        {' · '}
        <AppLink to={paths.programme(plan.id)}>{D.activitiesLink}</AppLink>
      </Paragraph>
      {dashboard.themes.length === 0 ? (
        <Paragraph>{D.noThemes}</Paragraph>
      ) : (
        <>
          <img className="regie-dashboard-chart" src={api.statusChartUrl(plan.id, holderId)} alt={D.chartAlt(plan.title)} />
          <DashboardTable dashboard={dashboard} isFiltered={!!holderId} />
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
