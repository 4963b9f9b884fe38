import { useLocation, useParams } from 'react-router';
import { ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { TPlanSummary } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import type { PlanExport } from '../../api/types.ts';
import { AppButtonLink, AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { DecisionList } from '../../components/DecisionList.tsx';
import { IndicatorCard } from '../../components/IndicatorCard.tsx';
import { IndicatorStatusNotice, indicatorStatusesFromUrl, withStatuses } from '../../components/IndicatorStatusNotice.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ServedVersionBanner } from '../../components/ServedVersionBanner.tsx';
import { PlanDocuments } from '../../components/PlanDocuments.tsx';
import { PlanFacts } from '../../components/PlanFacts.tsx';
import { ProposalActions } from '../../components/ProposalActions.tsx';
import { RegularTaskTable } from '../../components/RegularTaskTable.tsx';
import { SectionList } from '../../components/SectionList.tsx';
import { ThemeTable } from '../../components/ThemeTable.tsx';
import { nl } from '../../../text/nl/web.ts';
import { makeNames } from '../../lib/names.ts';
import { paths, withReturn } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { planSubject, useCan } from '../../session/useCan.ts';

async function loadPlan(id: string) {
  const [plan, allPlans] = await Promise.all([api.exportPlan(id), api.listPlans()]);
  return { plan, allPlans };
}

/** A plan (IVP or UVP): facts, links, themes, indicators, narrative, decisions and regular tasks. */
export function PlanPage() {
  const { planId = '' } = useParams();
  // The previous plan stays while it loads again after a workflow step, so the page keeps its place and focus.
  const state = useLoad(() => loadPlan(planId), planId, { keepPrevious: true });
  return <LoadState state={state}>{(data) => <PlanContent {...data} onChanged={state.reload} />}</LoadState>;
}

function PlanContent({ plan, allPlans, onChanged }: { plan: PlanExport; allPlans: TPlanSummary[]; onChanged: () => void }) {
  const location = useLocation();
  const here = location.pathname;
  // A dashboard's headline figure leads here with ?indicatorstatus=…: the plan's and its themes' indicators with it.
  const statuses = indicatorStatusesFromUrl(new URLSearchParams(location.search));
  const indicators = statuses.length ? withStatuses([...plan.indicators, ...plan.themes.flatMap((t) => t.indicators)], statuses) : plan.indicators;
  const names = makeNames(plan.people, plan.organisations);
  const can = useCan();
  const may = (action: 'create' | 'update', entity: 'themes' | 'indicators' | 'decisions') =>
    can(action, planSubject(entity, plan, plan.organisations));
  return (
    <>
      <Breadcrumbs items={plan.owner ? [{ label: plan.owner.name, to: paths.organisation(plan.owner.id) }] : []} />
      <PageHeading preHeading={nl.labels.planKindLong[plan.kind]}>{plan.title}</PageHeading>
      <ServedVersionBanner plan={plan} />
      {plan.subtitle && <Paragraph appearance="lead">{plan.subtitle}</Paragraph>}
      <PlanFacts plan={plan} allPlans={allPlans} />

      <section aria-labelledby="themas">
        <Heading level={2} id="themas">{nl.plan.themes}</Heading>
        {plan.themes.length ? (
          <ThemeTable themes={plan.themes} names={names} planId={plan.id} />
        ) : (
          <Paragraph>{nl.plan.noThemes}</Paragraph>
        )}
        {may('create', 'themes') && (
          <AppButtonLink to={withReturn(paths.newTheme(plan.id), here)}>{nl.plan.addTheme}</AppButtonLink>
        )}
      </section>

      <section aria-labelledby="indicatoren">
        <Heading level={2} id="indicatoren">{nl.plan.indicators}</Heading>
        <IndicatorStatusNotice statuses={statuses} allTo={`${paths.plan(plan.id)}#indicatoren`} allLabel={nl.theme.allPlanIndicators} />
        {indicators.length === 0 && <Paragraph>{nl.plan.noIndicators}</Paragraph>}
        <div className="regie-card-grid">
          {indicators.map((i) => (
            <IndicatorCard
              key={i.id} indicator={i} planId={plan.id} returnTo={here} headingLevel={3} canEdit={may('update', 'indicators')}
            />
          ))}
        </div>
        {may('create', 'indicators') && (
          <ButtonGroup className="regie-actions">
            <AppButtonLink to={withReturn(paths.newIndicator(plan.id), here)}>{nl.theme.addIndicator}</AppButtonLink>
            <AppButtonLink to={paths.importMeasurements(plan.id)}>{nl.monitor.importMeasurements}</AppButtonLink>
            <AppButtonLink to={withReturn(paths.referenceAreas(plan.id), here)}>{nl.monitor.chooseAreas}</AppButtonLink>
          </ButtonGroup>
        )}
      </section>

      <PlanDocuments plan={plan} onPlanChanged={onChanged} />

      {plan.sections.length > 0 && (
        <section aria-labelledby="toelichting">
          <Heading level={2} id="toelichting">{nl.plan.sections}</Heading>
          <SectionList sections={plan.sections} />
        </section>
      )}

      {(plan.decisions.length > 0 || may('create', 'decisions')) && (
        <section aria-labelledby="besluiten">
          <Heading level={2} id="besluiten">{nl.plan.decisions}</Heading>
          <DecisionList decisions={plan.decisions} actions={(d) => <ProposalActions decision={d} canEdit={may('update', 'decisions')} />} />
          {may('create', 'decisions') && (
            <ButtonGroup className="regie-actions">
              <AppButtonLink to={paths.newProposal(plan.id)}>{nl.proposal.create}</AppButtonLink>
              <AppLink to={paths.help('collegevoorstel')}>{nl.help.contextLink}</AppLink>
            </ButtonGroup>
          )}
        </section>
      )}

      {plan.kind === 'uvp' && can('create', planSubject('plans', plan, plan.organisations)) && (
        // The carry-over to the next period, apart from the plan's button row (D10).
        <ButtonGroup className="regie-actions" aria-label={nl.carryOver.button}>
          <AppButtonLink to={paths.successorPlan(plan.id)}>{nl.carryOver.button}</AppButtonLink>
        </ButtonGroup>
      )}

      {plan.regularTasks.length > 0 && (
        <section aria-labelledby="vaste-taken">
          <Heading level={2} id="vaste-taken">{nl.plan.regularTasks}</Heading>
          <RegularTaskTable tasks={plan.regularTasks} />
        </section>
      )}

      <details className="regie-developers">
        <summary>{nl.plan.forDevelopers}</summary>
        <Paragraph>{nl.plan.exportHint}</Paragraph>
        <a className="utrecht-link utrecht-link--html-a" href={api.exportUrl(plan.id)} download>
          {nl.plan.export}
        </a>
      </details>
    </>
  );
}
