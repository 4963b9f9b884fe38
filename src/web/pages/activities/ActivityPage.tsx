import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import {
  Alert, DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph,
} from '@utrecht/component-library-react';
import { canChangeFields, type Subject } from '../../../domain/permissions.ts';
import type { TActivityProgress } from '../../../domain/progress.ts';
import type { TActivity } from '../../../domain/schemas.ts';
import { api, ApiError } from '../../api/client.ts';
import { ActivityStatusBadge, LagBadge } from '../../components/ActivityStatus.tsx';
import { AppButtonLink, AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { CurrentPlanNav } from '../../components/PlanNav.tsx';
import { FrequencyProgressTable } from '../../components/FrequencyProgressTable.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { OccurrenceSection } from '../../components/OccurrenceSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { FrequencyText, TimeframeText } from '../../components/ParsedText.tsx';
import { ProgressForm } from '../../components/ProgressForm.tsx';
import { ProgressHistory } from '../../components/ProgressHistory.tsx';
import { nl } from '../../../text/nl/web.ts';
import { formatDate, formatDateTime, formatQuarterCode } from '../../../text/format.ts';
import { paths, withReturn } from '../../lib/paths.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { useCan } from '../../session/useCan.ts';

/** The activity with its progress, or – for who may read the activity but not its progress – the activity alone. */
async function loadActivity(id: string): Promise<{ activity: TActivity; progress: TActivityProgress | null }> {
  try {
    const progress = await api.getActivityProgress(id);
    return { activity: progress.activity, progress };
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
    return { activity: await api.get('activities', id), progress: null };
  }
}

/** An activity: where it stands, its progress form, history, and the occurrences against its frequency. */
export function ActivityPage() {
  const { activityId = '' } = useParams();
  const state = useLoad(() => loadActivity(activityId), activityId, { keepPrevious: true });
  const [notice, setNotice] = useState('');
  const [noticeRef, focusNotice] = useFocusRequest<HTMLDivElement>();
  const changed = (message: string) => {
    setNotice(message);
    state.reload();
    focusNotice();
  };
  return (
    <LoadState state={state}>
      {({ activity, progress }) => (
        <>
          <Heading1 activity={activity} progress={progress} />
          {/* The alert announces itself (role status); focus moves here so keyboard users continue from it. */}
          <div ref={noticeRef} tabIndex={-1} className="regie-focus-target">
            {notice && (
              <Alert type="ok" className="regie-notice">
                <Paragraph>{notice}</Paragraph>
              </Alert>
            )}
          </div>
          {progress ? (
            <ProgressContent key={`${activity.version}:${progress.entries.length}`} progress={progress} onChanged={changed} onReload={state.reload} />
          ) : (
            <>
              <Facts activity={activity} progress={null} />
              <Paragraph>{nl.progress.noAccess}</Paragraph>
            </>
          )}
        </>
      )}
    </LoadState>
  );
}

function Heading1({ activity, progress }: { activity: TActivity; progress: TActivityProgress | null }) {
  const can = useCan();
  const c = progress?.context;
  // Breadcrumbs into the plan only for who may read it (a partner reads the activity, not its plan).
  const readsPlan = !!c && can('read', { entity: 'plans', ownerId: activity.ownerId });
  const crumbs = c && readsPlan
    ? [{ label: c.planTitle, to: paths.plan(c.planId) }, { label: themeLabel(c), to: paths.theme(c.planId, c.themeId) }]
    : [{ label: nl.myActivities.title, to: paths.myActivities() }];
  return (
    <>
      <CurrentPlanNav planId={readsPlan ? c.planId : undefined} />
      <Breadcrumbs items={crumbs} />
      <PageHeading preHeading={c ? themeLabel(c) : undefined} title={nl.progress.title(activity.title)}>
        {activity.title}
      </PageHeading>
    </>
  );
}

const themeLabel = (c: TActivityProgress['context']) => [c.themeNumber, c.themeTitle].filter(Boolean).join(' ');

function Facts({ activity, progress }: { activity: TActivity; progress: TActivityProgress | null }) {
  const m = progress?.monitoring;
  return (
    <DataList className="regie-data-list">
      <DataListItem>
        <DataListKey>{nl.activity.status}</DataListKey>
        <DataListValue>
          <ActivityStatusBadge status={activity.status} /> {m?.isLagging && <LagBadge />}
        </DataListValue>
      </DataListItem>
      {progress && (
        <DataListItem>
          <DataListKey>{nl.progress.plan}</DataListKey>
          <DataListValue>{progress.context.planTitle} ({progress.context.ownerName})</DataListValue>
        </DataListItem>
      )}
      <DataListItem>
        <DataListKey>{nl.activity.timeframe}</DataListKey>
        <DataListValue><TimeframeText text={activity.timeframeText} timeframe={activity.timeframe} /></DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{nl.activity.frequency}</DataListKey>
        <DataListValue><FrequencyText text={activity.frequencyText} frequency={activity.frequency} /></DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{nl.activity.stakeholders}</DataListKey>
        <DataListValue>{activity.stakeholdersText || nl.app.empty}</DataListValue>
      </DataListItem>
      {m?.percentComplete != null && (
        <DataListItem>
          <DataListKey>{nl.progress.percent}</DataListKey>
          <DataListValue>{nl.progress.percentValue(m.percentComplete)}</DataListValue>
        </DataListItem>
      )}
      {m?.milestone && (
        <DataListItem>
          <DataListKey>{nl.progress.milestone}</DataListKey>
          <DataListValue>{m.milestone}</DataListValue>
        </DataListItem>
      )}
      {m?.lastUpdateAt && (
        <DataListItem>
          <DataListKey>{nl.progress.lastUpdate}</DataListKey>
          <DataListValue>{formatDateTime(m.lastUpdateAt)}</DataListValue>
        </DataListItem>
      )}
      {activity.explanation && (
        <DataListItem>
          <DataListKey>{nl.activity.explanation}</DataListKey>
          <DataListValue className="regie-pre-line">{activity.explanation}</DataListValue>
        </DataListItem>
      )}
    </DataList>
  );
}

function ProgressContent({ progress, onChanged, onReload }: {
  progress: TActivityProgress;
  onChanged: (message: string) => void;
  onReload: () => void;
}) {
  const { activity, openRound } = progress;
  const { actor } = useSession();
  const can = useCan();
  const here = useLocation().pathname;
  const subject: Subject = { entity: 'progress', ownerId: activity.ownerId, stakeholderIds: activity.stakeholderIds };
  const mayRecord = can('create', subject);
  const mayFollowRound = can('read', { entity: 'rounds', ownerId: activity.ownerId });
  // The full form is for who may change more than the status (an adviser; not a partner).
  const mayEdit = can('update', { ...subject, entity: 'activities' }) && canChangeFields(actor, { ...subject, entity: 'activities' }, ['title']);
  return (
    <>
      <Facts activity={activity} progress={progress} />
      {mayEdit && (
        <AppButtonLink to={withReturn(paths.editActivity(progress.context.planId, activity.id), here)}>
          {nl.progress.editActivity}
        </AppButtonLink>
      )}
      {openRound?.isAwaited && (
        <Alert type="info" className="regie-notice">
          <Paragraph>
            {openRound.hasUpdate
              ? nl.progress.roundGiven(formatQuarterCode(openRound.quarter))
              : nl.progress.roundAwaited(formatQuarterCode(openRound.quarter), openRound.dueOn ? formatDate(openRound.dueOn) : null)}
          </Paragraph>
          {mayFollowRound && (
            <Paragraph>
              <AppLink to={paths.round(openRound.id)}>{nl.rounds.roundHeading(formatQuarterCode(openRound.quarter))}</AppLink>
            </Paragraph>
          )}
        </Alert>
      )}
      {mayRecord && (
        <section aria-labelledby="voortgang-bijwerken">
          <Heading level={2} id="voortgang-bijwerken">{nl.progress.update}</Heading>
          <ProgressForm activity={activity} onSaved={() => onChanged(nl.progress.saved)} onReload={onReload} />
        </section>
      )}
      <section aria-labelledby="geschiedenis">
        <Heading level={2} id="geschiedenis">{nl.progress.history}</Heading>
        <ProgressHistory entries={progress.entries} />
      </section>
      <section aria-labelledby="uitvoering">
        <Heading level={2} id="uitvoering">{nl.progress.execution}</Heading>
        <FrequencyProgressTable progress={progress.frequency} />
        <OccurrenceSection activityId={activity.id} occurrences={progress.occurrences} canRecord={mayRecord} onChanged={onChanged} />
      </section>
    </>
  );
}
