import { useId, useState, type FormEvent } from 'react';
import {
  Button, Paragraph, Select, SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableContainer,
  TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { ACTIVITY_STATUSES, type TActivity } from '../../../domain/schemas.ts';
import { ApiError, api } from '../../api/client.ts';
import type { MyActivity } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { LoadState, errorMessage } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { FrequencyText, TimeframeText } from '../../components/ParsedText.tsx';
import { nl } from '../../i18n/nl.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useCan } from '../../session/useCan.ts';

type Status = TActivity['status'];

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

/** "Mijn activiteiten": the activities the user's organisations are involved in, across plans; a partner updates their status here. */
export function MyActivitiesPage() {
  const state = useLoad(() => api.listMyActivities(), 'me');
  return (
    <>
      <PageHeading>{nl.myActivities.title}</PageHeading>
      <LoadState state={state} isNested>
        {(activities) =>
          activities.length ? (
            <>
              <Paragraph>{nl.myActivities.intro}</Paragraph>
              {byPlan(activities).map(({ plan, activities: rows }) => (
                <PlanTable key={plan.id} plan={plan} activities={rows} onReload={state.reload} />
              ))}
            </>
          ) : (
            <Paragraph>{nl.myActivities.none}</Paragraph>
          )
        }
      </LoadState>
    </>
  );
}

function PlanTable({ plan, activities, onReload }: {
  plan: MyActivity['plan'];
  activities: MyActivity[];
  onReload: () => void;
}) {
  return (
    <TableContainer className="regie-table-container">
      <Table className="regie-table regie-activity-table">
        <TableCaption className="regie-caption">{nl.myActivities.planCaption(plan.title, plan.ownerName)}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{nl.activity.title}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.theme}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.timeframe}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.frequency}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.status}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {activities.map((a) => <ActivityRow key={a.id} activity={a} onReload={onReload} />)}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function ActivityRow({ activity, onReload }: { activity: MyActivity; onReload: () => void }) {
  const can = useCan();
  const { theme } = activity;
  // The plan's status is not known here: the owner's roles and the partner's involvement decide.
  const subject = { ownerId: activity.ownerId, stakeholderIds: activity.stakeholderIds };
  const mayUpdate = can('update', { entity: 'activities', ...subject });
  // A partner may update the activity but not read its plan or theme: link the theme only for who may read it.
  const mayReadTheme = can('read', { entity: 'themes', ownerId: activity.ownerId });
  const themeText = [theme.number, theme.title].filter(Boolean).join(' ');

  return (
    <TableRow className="regie-activity-row">
      <TableCell className="regie-activity-title">
        {activity.title}
        {activity.explanation && <span className="regie-cell-note">{activity.explanation}</span>}
      </TableCell>
      <TableCell>
        {mayReadTheme ? <AppLink to={paths.theme(theme.planId, theme.id)}>{themeText}</AppLink> : themeText}
        <span className="regie-cell-note">{nl.labels.scope[theme.scope]}</span>
      </TableCell>
      <TableCell>
        <TimeframeText text={activity.timeframeText} timeframe={activity.timeframe} />
      </TableCell>
      <TableCell>
        <FrequencyText text={activity.frequencyText} frequency={activity.frequency} />
      </TableCell>
      <TableCell>
        {mayUpdate ? (
          <StatusForm activity={activity} onReload={onReload} />
        ) : (
          <StatusBadge status={activity.status} className={`regie-status regie-status--${activity.status}`}>
            {nl.labels.activityStatus[activity.status]}
          </StatusBadge>
        )}
      </TableCell>
    </TableRow>
  );
}

/** The status select and "Opslaan": a PATCH with the status and the version read (409 when changed meanwhile). */
function StatusForm({ activity, onReload }: { activity: MyActivity; onReload: () => void }) {
  const id = useId();
  const [status, setStatus] = useState<Status>(activity.status);
  const [version, setVersion] = useState(activity.version);
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [isConflict, setConflict] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isBusy) return;
    setBusy(true);
    setMessage('');
    setConflict(false);
    try {
      const saved = await api.update('activities', activity.id, version, { status });
      setVersion(saved.version);
      setStatus(saved.status);
      setMessage(nl.myActivities.saved(nl.labels.activityStatus[saved.status]));
    } catch (error) {
      const conflict = error instanceof ApiError && error.isConflict;
      setConflict(conflict);
      setMessage(conflict ? nl.myActivities.conflict : errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="regie-status-form" onSubmit={onSubmit}>
      <label htmlFor={id} className="regie-visually-hidden">{nl.myActivities.statusOf(activity.title)}</label>
      <Select id={id} value={status} onChange={(e) => setStatus(e.target.value as Status)}>
        {ACTIVITY_STATUSES.map((s) => (
          <SelectOption key={s} value={s}>{nl.labels.activityStatus[s]}</SelectOption>
        ))}
      </Select>
      <Button
        type="submit"
        appearance="secondary-action-button"
        busy={isBusy}
        aria-disabled={isBusy || undefined}
      >
        {isBusy ? nl.form.saving : nl.form.save}
        <span className="regie-visually-hidden">: {activity.title}</span>
      </Button>
      <span role="status" className="regie-cell-note">{message}</span>
      {isConflict && (
        <Button appearance="subtle-button" type="button" onClick={onReload}>{nl.myActivities.reload}</Button>
      )}
    </form>
  );
}
