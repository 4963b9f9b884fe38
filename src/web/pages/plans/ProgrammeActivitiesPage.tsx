import type { MouseEvent } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { api } from '../../api/client.ts';
import type { ProgrammeActivity } from '../../api/types.ts';
import { ActivityFilterForm } from '../../components/ActivityFilterForm.tsx';
import { ActivityTable } from '../../components/ActivityTable.tsx';
import { AppButtonLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ServedVersionBanner } from '../../components/ServedVersionBanner.tsx';
import { nl } from '../../../text/nl/web.ts';
import { quartersBetween } from '../../../text/format.ts';
import { paths } from '../../lib/paths.ts';
import { filterFromUrl, loadProgrammeContext } from '../../lib/programme.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { activitySubject, planSubject, useCan } from '../../session/useCan.ts';

const RESULTS_ID = 'resultaten';

/** The skip link past the filters: its target must receive focus, not only be scrolled to. */
function skipToResults(event: MouseEvent<HTMLAnchorElement>) {
  const results = document.getElementById(RESULTS_ID);
  if (!results) return;
  event.preventDefault();
  results.focus();
}

/** The activity table of a whole programme, filtered by theme, scope, partner, quarter, status and text. */
export function ProgrammeActivitiesPage() {
  const { planId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = filterFromUrl(params);
  const search = new URLSearchParams(filter).toString();
  const context = useLoad(() => loadProgrammeContext(planId), planId);
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
      {({ plan, jointPlan, organisations, themes, partners, responsibles, names }) => (
        <>
          <Breadcrumbs items={[{ label: plan.title, to: paths.plan(plan.id) }]} />
          <PageHeading preHeading={plan.title} title={nl.programme.title(plan.title)}>
            {nl.programme.heading}
          </PageHeading>
          <ServedVersionBanner plan={plan} />
          {plan.jointPlanId && <Paragraph>{nl.programme.includesJoint}</Paragraph>}
          <nav aria-label={nl.excel.actions} className="regie-actions">
            <ButtonGroup>
              <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={api.programmeXlsxUrl(plan.id)} download>
                {nl.excel.exportLink}
              </a>
              {can('create', planSubject('budget-lines', plan, organisations)) && (
                <AppButtonLink to={paths.importExcel(plan.id)}>{nl.excel.importLink}</AppButtonLink>
              )}
            </ButtonGroup>
          </nav>
          <a href={`#${RESULTS_ID}`} className="regie-skip-results" onClick={skipToResults}>{nl.programme.toResults}</a>
          <ActivityFilterForm
            key={search}
            filter={filter}
            themes={themes}
            partners={partners}
            people={responsibles}
            quarters={quartersBetween(plan.periodStart, plan.periodEnd)}
            onApply={(next) => setParams(next)}
            clearTo={paths.programme(plan.id)}
          />
          <div id={RESULTS_ID} tabIndex={-1} className="regie-focus-target">
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
          </div>
        </>
      )}
    </LoadState>
  );
}
