import { useLocation, useParams, useSearchParams } from 'react-router';
import {
  DataList, DataListItem, DataListKey, DataListValue, Heading, OrderedList, OrderedListItem, Paragraph,
} from '@utrecht/component-library-react';
import { api } from '../../api/client.ts';
import type { PlanExport, ThemeWithContent } from '../../api/types.ts';
import { ActivityTable } from '../../components/ActivityTable.tsx';
import { AppButtonLink, AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { IndicatorCard } from '../../components/IndicatorCard.tsx';
import { IndicatorStatusNotice, indicatorStatusesFromUrl, withStatuses } from '../../components/IndicatorStatusNotice.tsx';
import { LoadError, LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ServedVersionBanner } from '../../components/ServedVersionBanner.tsx';
import { ApiError } from '../../api/client.ts';
import { ThemeNarrative } from '../../components/ThemeNarrative.tsx';
import { nl } from '../../../text/nl/web.ts';
import { makeNames, type Names } from '../../lib/names.ts';
import { paths, withReturn } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { activitySubject, planSubject, useCan } from '../../session/useCan.ts';

/** A theme: who is responsible, goals, activities, indicators and the narrative. */
export function ThemePage() {
  const { planId = '', themeId = '' } = useParams();
  const state = useLoad(() => api.exportPlan(planId), planId);
  return (
    <LoadState state={state}>
      {(plan) => {
        const theme = plan.themes.find((t) => t.id === themeId);
        if (!theme) return <LoadError error={new ApiError(404, 'not_found', '')} />;
        return <ThemeContent plan={plan} theme={theme} />;
      }}
    </LoadState>
  );
}

function officialsText(ids: string[], names: Names): string {
  return ids
    .map((id, n) => `${names.person(id) ?? id} (${n === 0 ? nl.theme.firstResponsible : nl.theme.backup})`)
    .join(', ');
}

function ThemeContent({ plan, theme }: { plan: PlanExport; theme: ThemeWithContent }) {
  const here = useLocation().pathname;
  // A dashboard's figure leads here with ?indicatorstatus=…: only the indicators with that status.
  const [search] = useSearchParams();
  const statuses = indicatorStatusesFromUrl(search);
  const indicators = withStatuses(theme.indicators, statuses);
  const names = makeNames(plan.people, plan.organisations);
  const can = useCan();
  const may = (action: 'create' | 'update', entity: 'themes' | 'goals' | 'activities' | 'indicators') =>
    can(action, planSubject(entity, plan, plan.organisations));
  const canEditActivity = (a: { stakeholderIds: string[] }) => can('update', activitySubject(a, plan, plan.organisations));
  const heading = [theme.number, theme.title].filter(Boolean).join(' ');
  const crumbs = [
    ...(plan.owner ? [{ label: plan.owner.name, to: paths.organisation(plan.owner.id) }] : []),
    { label: plan.title, to: paths.plan(plan.id) },
  ];
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading preHeading={nl.labels.scope[theme.scope]} title={`${heading} – ${plan.title}`}>
        {heading}
      </PageHeading>
      <ServedVersionBanner plan={plan} />
      <DataList className="regie-data-list">
        <DataListItem>
          <DataListKey>{nl.theme.inPlan}</DataListKey>
          <DataListValue>
            <AppLink to={paths.plan(plan.id)}>{plan.title}</AppLink>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{nl.theme.scope}</DataListKey>
          <DataListValue>{nl.labels.scope[theme.scope]}</DataListValue>
        </DataListItem>
        {theme.kernbeleidCodes.length > 0 && (
          <DataListItem>
            <DataListKey>{nl.theme.kernbeleid}</DataListKey>
            <DataListValue>{theme.kernbeleidCodes.join(', ')}</DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{nl.theme.portfolioHolders}</DataListKey>
          <DataListValue>{names.personList(theme.portfolioHolderIds) || nl.app.empty}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{nl.theme.officials}</DataListKey>
          <DataListValue>{officialsText(theme.officialIds, names) || nl.app.empty}</DataListValue>
        </DataListItem>
      </DataList>
      {may('update', 'themes') && (
        <AppButtonLink to={withReturn(paths.editTheme(plan.id, theme.id), here)}>{nl.theme.edit}</AppButtonLink>
      )}

      <section aria-labelledby="doelen">
        <Heading level={2} id="doelen">{nl.theme.goals}</Heading>
        {theme.goals.length === 0 && <Paragraph>{nl.theme.noGoals}</Paragraph>}
        <OrderedList className="regie-goal-list">
          {theme.goals.map((g) => (
            <OrderedListItem key={g.id}>
              {g.title}{' '}
              {may('update', 'goals') && (
                <AppLink to={withReturn(paths.editGoal(plan.id, g.id), here)} className="regie-inline-action">
                  {nl.goal.edit}
                  <span className="regie-visually-hidden">: {g.title}</span>
                </AppLink>
              )}
            </OrderedListItem>
          ))}
        </OrderedList>
        {may('create', 'goals') && (
          <AppButtonLink to={withReturn(paths.newGoal(plan.id, theme.id), here)}>{nl.theme.addGoal}</AppButtonLink>
        )}
      </section>

      <section aria-labelledby="activiteiten">
        <Heading level={2} id="activiteiten">{nl.theme.activities}</Heading>
        <Paragraph className="regie-count">{nl.theme.activityCount(theme.activities.length)}</Paragraph>
        {theme.activities.length > 0 ? (
          <ActivityTable
            activities={theme.activities}
            names={names}
            planId={plan.id}
            returnTo={here}
            caption={`${nl.theme.activities}: ${heading}`}
            canEdit={canEditActivity}
          />
        ) : (
          <Paragraph>{nl.theme.noActivities}</Paragraph>
        )}
        {may('create', 'activities') && (
          <AppButtonLink to={withReturn(paths.newActivity(plan.id, theme.id), here)}>{nl.theme.addActivity}</AppButtonLink>
        )}
      </section>

      <section aria-labelledby="indicatoren">
        <Heading level={2} id="indicatoren">{nl.theme.indicators}</Heading>
        <IndicatorStatusNotice statuses={statuses} allTo={`${paths.theme(plan.id, theme.id)}#indicatoren`} allLabel={nl.theme.allIndicators} />
        {indicators.length === 0 && <Paragraph>{nl.theme.noIndicators}</Paragraph>}
        <div className="regie-card-grid">
          {indicators.map((i) => (
            <IndicatorCard
              key={i.id} indicator={i} planId={plan.id} returnTo={here} headingLevel={3} canEdit={may('update', 'indicators')}
            />
          ))}
        </div>
        {may('create', 'indicators') && (
          <AppButtonLink to={withReturn(paths.newIndicator(plan.id, theme.id), here)}>{nl.theme.addIndicator}</AppButtonLink>
        )}
      </section>

      <ThemeNarrative theme={theme} />
    </>
  );
}
