import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatEuro } from '../../domain/budget.ts';
import type { TPlanSummary } from '../../domain/schemas.ts';
import type { PlanExport } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDate, formatPeriod } from '../../text/format.ts';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';

/** One fact: a key and its value in a DataList (also the meldpunt's facts of a melding). */
export function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

const planLinks = (plans: TPlanSummary[]) =>
  plans.map((p, n) => (
    <span key={p.id}>
      {n > 0 && ', '}
      <AppLink to={paths.plan(p.id)}>{p.title}</AppLink> ({p.owner.name})
    </span>
  ));

/** The facts of a plan: owner, period, status and adoption, and the plans it is linked to. */
export function PlanFacts({ plan, allPlans }: { plan: PlanExport; allPlans: TPlanSummary[] }) {
  const joint = allPlans.filter((p) => p.id === plan.jointPlanId);
  const parent = allPlans.filter((p) => p.id === plan.parentPlanId);
  const localParts = allPlans.filter((p) => p.jointPlanId === plan.id);
  const uvps = allPlans.filter((p) => p.parentPlanId === plan.id);
  return (
    <DataList className="regie-data-list regie-plan-facts">
      <Item label={nl.plan.owner}>
        {plan.owner ? <AppLink to={paths.organisation(plan.owner.id)}>{plan.owner.name}</AppLink> : nl.app.empty}
      </Item>
      <Item label={nl.plan.kind}>{nl.labels.planKindLong[plan.kind]}</Item>
      <Item label={nl.plan.period}>{formatPeriod(plan.periodStart, plan.periodEnd)}</Item>
      <Item label={nl.plan.status}>{nl.labels.planStatus[plan.status]}</Item>
      {plan.adoptedBy && (
        <Item label={nl.plan.adopted}>
          {nl.labels.decidingBody[plan.adoptedBy]}
          {plan.adoptedOn && `, ${formatDate(plan.adoptedOn)}`}
        </Item>
      )}
      {plan.decisionReference && <Item label={nl.plan.decisionReference}>{plan.decisionReference}</Item>}
      {plan.availableBudgetCents != null && (
        <Item label={nl.plan.availableBudget}>{formatEuro(plan.availableBudgetCents)}</Item>
      )}
      {joint.length > 0 && <Item label={nl.plan.jointPlan}>{planLinks(joint)}</Item>}
      {parent.length > 0 && <Item label={nl.plan.parentPlan}>{planLinks(parent)}</Item>}
      {localParts.length > 0 && <Item label={nl.plan.localParts}>{planLinks(localParts)}</Item>}
      {uvps.length > 0 && <Item label={nl.plan.uvps}>{planLinks(uvps)}</Item>}
    </DataList>
  );
}
