import { useSearchParams } from 'react-router';
import {
  Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader,
  TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TMyUpdates } from '../../../domain/rounds.ts';
import { api } from '../../api/client.ts';
import type { MyActivity } from '../../api/types.ts';
import { ActivityStatusBadge, LagBadge } from '../../components/ActivityStatus.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { MyUpdatesNotice } from '../../components/MyUpdatesNotice.tsx';
import { LoginLink } from '../../components/LoginLink.tsx';
import { useSession } from '../../session/SessionContext.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { FrequencyText, TimeframeText } from '../../components/ParsedText.tsx';
import { nl } from '../../../text/nl/web.ts';
import { formatDateTime, formatQuarterCode } from '../../../text/format.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useCan } from '../../session/useCan.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

/** The activities grouped by plan, in the order the API gives them. */
function byPlan(activities: MyActivity[]): { plan: MyActivity['plan']; activities: MyActivity[] }[] {
  const groups = new Map<string, { plan: MyActivity['plan']; activities: MyActivity[] }>();
  for (const a of activities) {
    const group = groups.get(a.plan.id) ?? { plan: a.plan, activities: [] };
    group.activities.push(a);
    groups.set(a.plan.id, group);
  }
  return [...groups.values()];
}

async function loadMine(): Promise<{ activities: MyActivity[]; updates: TMyUpdates }> {
  const [activities, updates] = await Promise.all([api.listMyActivities(), api.myUpdates()]);
  return { activities, updates };
}

const AWAITING_PARAM = 'wacht';

/**
 * "Mijn activiteiten": what the user is responsible for and what their organisation is involved in, across plans,
 * with the updates open rounds are waiting for ("mijn updates"). Each activity opens on its own page, where the
 * update is given.
 */
export function MyActivitiesPage() {
  const { user, isLoading } = useSession();
  if (!user && !isLoading) {
    // Signed out, "mijn" means nothing yet: ask to log in, not "U bent voor geen activiteiten verantwoordelijk" (D16).
    return (
      <>
        <PageHeading>{nl.myActivities.title}</PageHeading>
        <Paragraph>{nl.myActivities.signedOut}</Paragraph>
        <Paragraph><LoginLink asButton /></Paragraph>
      </>
    );
  }
  return <MyActivities />;
}

function MyActivities() {
  const state = useLoad(loadMine, 'me');
  const [params, setParams] = useSearchParams();
  const isAwaitingOnly = params.get(AWAITING_PARAM) === '1';
  return (
    <>
      <PageHeading>{nl.myActivities.title}</PageHeading>
      <LoadState state={state} isNested>
        {({ activities, updates }) => {
          const shown = isAwaitingOnly ? activities.filter((a) => a.awaitingRound) : activities;
          return activities.length ? (
            <>
              <Paragraph>{nl.myActivities.intro}</Paragraph>
              <MyUpdatesNotice updates={updates} />
              <CheckboxField
                name="awaitingOnly" label={nl.myActivities.awaitingOnly} value={isAwaitingOnly}
                onChange={(checked) => setParams(checked ? { [AWAITING_PARAM]: '1' } : {})}
              />
              <Paragraph role="status" className="regie-count">{nl.theme.activityCount(shown.length)}</Paragraph>
              {byPlan(shown).map(({ plan, activities: rows }) => <PlanTable key={plan.id} plan={plan} activities={rows} />)}
            </>
          ) : (
            <Paragraph>{nl.myActivities.none}</Paragraph>
          );
        }}
      </LoadState>
    </>
  );
}

function PlanTable({ plan, activities }: { plan: MyActivity['plan']; activities: MyActivity[] }) {
  return (
    <ScrollRegion label={nl.myActivities.planCaption(plan.title, plan.ownerName)} caption={nl.myActivities.planCaption(plan.title, plan.ownerName)}>
      <Table className="regie-table regie-activity-table">
        <TableCaption className="regie-visually-hidden">{nl.myActivities.planCaption(plan.title, plan.ownerName)}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{nl.activity.title}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.theme}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.timeframe}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.frequency}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.status}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.myActivities.update}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {activities.map((a) => <ActivityRow key={a.id} activity={a} />)}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function ActivityRow({ activity }: { activity: MyActivity }) {
  const can = useCan();
  const { theme, monitoring, awaitingRound } = activity;
  // A partner may update the activity but not read its plan or theme: link the theme only for who may read it.
  const mayReadTheme = can('read', { entity: 'themes', ownerId: activity.ownerId });
  const themeText = [theme.number, theme.title].filter(Boolean).join(' ');
  return (
    <TableRow className="regie-activity-row">
      <TableHeaderCell scope="row" className="regie-activity-title">
        <AppLink to={paths.activity(activity.id)}>{activity.title}</AppLink>
        <span className="regie-cell-note">{activity.isResponsible ? nl.myActivities.responsible : nl.myActivities.involved}</span>
      </TableHeaderCell>
      <TableCell data-label={nl.activity.theme}>
        {mayReadTheme ? <AppLink to={paths.theme(theme.planId, theme.id)}>{themeText}</AppLink> : themeText}
        <span className="regie-cell-note">{nl.labels.scope[theme.scope]}</span>
      </TableCell>
      <TableCell data-label={nl.activity.timeframe}>
        <TimeframeText text={activity.timeframeText} timeframe={activity.timeframe} />
      </TableCell>
      <TableCell data-label={nl.activity.frequency}>
        <FrequencyText text={activity.frequencyText} frequency={activity.frequency} />
      </TableCell>
      <TableCell data-label={nl.activity.status}>
        <ActivityStatusBadge status={activity.status} /> {monitoring?.isLagging && <LagBadge />}
        {monitoring?.percentComplete != null && <span className="regie-cell-note">{nl.progress.percentValue(monitoring.percentComplete)}</span>}
      </TableCell>
      <TableCell data-label={nl.myActivities.update}>
        {awaitingRound ? (
          <strong className="regie-waiting">{nl.myActivities.awaiting(formatQuarterCode(awaitingRound.quarter))}</strong>
        ) : monitoring?.lastUpdateAt ? (
          nl.myActivities.lastUpdate(formatDateTime(monitoring.lastUpdateAt))
        ) : (
          nl.myActivities.noUpdate
        )}
      </TableCell>
    </TableRow>
  );
}
