import { useLocation, useParams, useSearchParams } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { ZActivityFilter } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import type { ActivityFilter, ProgrammeActivity } from '../../api/types.ts';
import { ActivityFilterForm } from '../../components/ActivityFilterForm.tsx';
import { ActivityTable } from '../../components/ActivityTable.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { nl } from '../../i18n/nl.ts';
import { quartersBetween } from '../../lib/format.ts';
import { makeNames } from '../../lib/names.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { activitySubject, useCan } from '../../session/useCan.ts';

/** The filters in the URL, each checked with the domain's filter schema; a value that does not fit is left out. */
function filterFromUrl(params: URLSearchParams): ActivityFilter {
  const filter: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(ZActivityFilter.shape)) {
    const value = params.get(key);
    const parsed = value ? schema.safeParse(value) : undefined;
    if (parsed?.success && parsed.data !== undefined) filter[key] = parsed.data;
  }
  return filter as ActivityFilter;
}

/** What the table needs besides the filtered rows: plan, themes (with the joint programme's), names, partners. */
async function loadContext(planId: string) {
  const plan = await api.getPlan(planId);
  const [jointPlan, themes, jointThemes, organisations, people, all] = await Promise.all([
    // The joint programme's own owner and status decide who may edit its activities in this table.
    plan.jointPlanId ? api.getPlan(plan.jointPlanId).catch(() => null) : Promise.resolve(null),
    api.listThemes(planId),
    plan.jointPlanId ? api.listThemes(plan.jointPlanId) : Promise.resolve([]),
    api.listOrganisations(),
    api.listPeople(),
    api.listProgrammeActivities(planId),
  ]);
  const partnerIds = new Set(all.flatMap((a) => a.stakeholderIds));
  const partners = organisations.filter((o) => partnerIds.has(o.id)).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return {
    plan, jointPlan, organisations, themes: [...jointThemes, ...themes], partners, names: makeNames(people, organisations),
  };
}

/** The activity table of a whole programme, filtered by theme, scope, partner, quarter, status and text. */
export function ProgrammeActivitiesPage() {
  const { planId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = filterFromUrl(params);
  const search = new URLSearchParams(filter as Record<string, string>).toString();
  const context = useLoad(() => loadContext(planId), planId);
  const rows = useLoad<ProgrammeActivity[]>(
    () => api.listProgrammeActivities(planId, filter),
    `${planId}?${search}`,
    { keepPrevious: true },
  );
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const can = useCan();

  return (
    <LoadState state={context}>
      {({ plan, jointPlan, organisations, themes, partners, names }) => (
        <>
          <Breadcrumbs items={[{ label: plan.title, to: paths.plan(plan.id) }]} />
          <PageHeading preHeading={plan.title} title={nl.programme.title(plan.title)}>
            {nl.programme.heading}
          </PageHeading>
          {plan.jointPlanId && <Paragraph>{nl.programme.includesJoint}</Paragraph>}
          <ActivityFilterForm
            key={search}
            filter={filter}
            themes={themes}
            partners={partners}
            quarters={quartersBetween(plan.periodStart, plan.periodEnd)}
            onApply={(next) => setParams(next)}
            clearTo={paths.programme(plan.id)}
          />
          <Paragraph role="status" className="regie-count" aria-busy={rows.isLoading}>
            {rows.data && nl.theme.activityCount(rows.data.length)}
          </Paragraph>
          <LoadState state={rows} isNested>
            {(activities) =>
              activities.length ? (
                <ActivityTable
                  activities={activities}
                  names={names}
                  planId={plan.id}
                  returnTo={here}
                  caption={nl.programme.heading}
                  captionHidden
                  showTheme
                  canEdit={(a) => {
                    const themePlanId = 'theme' in a ? a.theme.planId : plan.id;
                    const owner = [plan, jointPlan].find((p) => p?.id === themePlanId);
                    return !!owner && can('update', activitySubject(a, owner, organisations));
                  }}
                />
              ) : (
                <Paragraph>{nl.programme.none}</Paragraph>
              )
            }
          </LoadState>
        </>
      )}
    </LoadState>
  );
}
