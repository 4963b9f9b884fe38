import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import {
  Alert, Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader,
  TableHeaderCell, TableRow, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import type { TReminderResult, TRoundActivity, TRoundDetail } from '../../../domain/rounds.ts';
import { api, ApiError } from '../../api/client.ts';
import { ActivityStatusBadge, LagBadge } from '../../components/ActivityStatus.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { OverdueBadge } from '../../components/OverdueBadge.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ConflictAlert } from '../../components/ConflictAlert.tsx';
import { errorMessage, LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { DocumentWorkflow, VersionList, versionsOf } from '../../components/DocumentWorkflow.tsx';
import { DownloadLinks } from '../../components/DownloadLinks.tsx';
import { nl } from '../../../text/nl/web.ts';
import { formatDate, formatDateTime, formatQuarterCode } from '../../../text/format.ts';
import { paths } from '../../lib/paths.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useCan } from '../../session/useCan.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

/** An update round: who was asked, who gave an update, reminders, and closing – or, once closed, its frozen figures. */
export function RoundPage() {
  const { roundId = '' } = useParams();
  const state = useLoad(() => api.getRound(roundId), roundId, { keepPrevious: true });
  return <LoadState state={state}>{(round) => <RoundContent round={round} onReload={state.reload} />}</LoadState>;
}

function RoundContent({ round, onReload }: { round: TRoundDetail; onReload: () => void }) {
  const can = useCan();
  const quarter = formatQuarterCode(round.quarter);
  const { snapshot } = round;
  const awaited = snapshot.activities.filter((a) => a.isAwaited);
  const others = snapshot.activities.filter((a) => !a.isAwaited);
  const mayRun = round.status === 'open' && can('update', { entity: 'rounds', ownerId: round.ownerId });
  // Closed while the page was open: focus goes to the notice that says so (the buttons are gone).
  const [closedRef, focusClosed] = useFocusRequest<HTMLDivElement>();
  const status = useRef(round.status);
  useEffect(() => {
    if (status.current === 'open' && round.status === 'closed') focusClosed();
    status.current = round.status;
  }, [round.status, focusClosed]);
  return (
    <>
      <Breadcrumbs items={[{ label: round.plan.title, to: paths.plan(round.plan.id) }, { label: nl.rounds.heading, to: paths.rounds(round.plan.id) }]} />
      <PageHeading preHeading={round.plan.title} title={nl.rounds.roundTitle(quarter, round.plan.title)}>
        {nl.rounds.roundHeading(quarter)}
      </PageHeading>
      <div ref={closedRef} tabIndex={-1} className="regie-focus-target">
        {round.status === 'closed' && round.closedAt && (
          <Alert type="info" className="regie-notice">
            <Paragraph>{nl.rounds.closedNotice(formatDateTime(round.closedAt))}</Paragraph>
          </Alert>
        )}
      </div>
      <Paragraph appearance="lead">{nl.rounds.summary(snapshot.totals.updated, snapshot.totals.awaited)}</Paragraph>
      {round.dueOn && (
        <Paragraph>
          {nl.rounds.dueOn}: {formatDate(round.dueOn)} <OverdueBadge isOverdue={round.isOverdue} />
          {round.isOverdue && <span className="regie-cell-note">{nl.rounds.overdueHelp(formatDate(round.dueOn))}</span>}
        </Paragraph>
      )}
      {mayRun && <RoundActions round={round} onReload={onReload} />}

      <section aria-labelledby="gevraagd">
        <Heading level={2} id="gevraagd">{nl.rounds.awaitedHeading}</Heading>
        <RoundTable activities={awaited} caption={nl.rounds.awaitedHeading} />
        <Paragraph className="regie-cell-note">{nl.rounds.referenceDate(formatDate(snapshot.referenceDate))}</Paragraph>
      </section>
      {others.length > 0 && (
        <section aria-labelledby="overige">
          <Heading level={2} id="overige">{nl.rounds.othersHeading}</Heading>
          <Paragraph>{nl.rounds.othersIntro}</Paragraph>
          <RoundTable activities={others} caption={nl.rounds.othersHeading} />
        </section>
      )}
      {round.status === 'closed' && <ProgressReport round={round} />}
      {round.reminders.length > 0 && (
        <section aria-labelledby="herinneringen">
          <Heading level={2} id="herinneringen">{nl.rounds.reminders}</Heading>
          <UnorderedList>
            {round.reminders.map((r) => (
              <UnorderedListItem key={r.at}>{nl.rounds.reminderLine(formatDateTime(r.at), r.by, r.recipients, r.emailed)}</UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
      <Paragraph>
        <AppLink to={paths.rounds(round.plan.id)}>{nl.rounds.back}</AppLink>
      </Paragraph>
    </>
  );
}

/**
 * The progress report of a closed round: for download as drawn from the round's frozen figures, its adoption
 * workflow (the adviser: vaststellen → ter kennisname → publiceren) and its adopted versions – what the council reads.
 */
function ProgressReport({ round }: { round: TRoundDetail }) {
  const state = useLoad(() => api.listVersions(round.plan.id), round.id, { keepPrevious: true });
  const can = useCan();
  const mayAdopt = can('create', { entity: 'versions', ownerId: round.ownerId });
  const target = { document: 'progress_report' as const, roundId: round.id };
  return (
    <section aria-labelledby="rapportage">
      <Heading level={2} id="rapportage">{nl.report.download.progress}</Heading>
      <Paragraph>{nl.report.download.progressIntro}</Paragraph>
      <DownloadLinks url={(f) => api.progressReportUrl(round.id, f)} what={nl.report.download.progress} />
      <LoadState state={state} isNested>
        {(data) => (
          <>
            {mayAdopt && (
              <DocumentWorkflow
                versions={data.versions} onChanged={state.reload}
                target={{
                  ...target, id: 'rapportage-vaststelling', heading: nl.versions.workflow, headingLevel: 3,
                  // The report is drawn from the round's frozen figures: once adopted, there is nothing new to adopt.
                  hasChanges: false, adopt: (body) => api.adoptProgressReport(round.id, body),
                }}
              />
            )}
            <VersionList id="rapportage-versies" headingLevel={3} versions={versionsOf(data.versions, target)} />
          </>
        )}
      </LoadState>
    </section>
  );
}

/** This year's planned against realised of an activity, as of the round's reference date. */
function execution(a: TRoundActivity, year: number): string {
  if (!a.frequency.isCountable) return nl.rounds.notCountable;
  const y = a.frequency.years.find((r) => r.year === year);
  return y ? nl.rounds.executionValue(y.realised, y.plannedToDate) : nl.app.empty;
}

function RoundTable({ activities, caption }: { activities: TRoundActivity[]; caption: string }) {
  const year = activities[0] ? Number(activities[0].frequency.referenceDate.slice(0, 4)) : 0;
  return (
    <ScrollRegion label={caption}>
      <Table className="regie-table regie-round-table">
        <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{nl.rounds.activity}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.rounds.responsible}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.status}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.rounds.update}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.rounds.execution}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {activities.map((a) => (
            <TableRow key={a.activityId}>
              <TableHeaderCell scope="row" className="regie-activity-title">
                <AppLink to={paths.activity(a.activityId)}>{a.title}</AppLink>
                <span className="regie-cell-note">{[a.themeNumber, a.themeTitle].filter(Boolean).join(' ')}</span>
              </TableHeaderCell>
              <TableCell>
                {a.responsibles.length
                  ? a.responsibles.map((p) => (
                    <span key={p.personId} className="regie-person">
                      {p.name}{!p.hasAccount && <span className="regie-cell-note">{nl.rounds.noAccount}</span>}
                    </span>
                  ))
                  : nl.rounds.noResponsible}
              </TableCell>
              <TableCell>
                <ActivityStatusBadge status={a.status} />
                {a.percentComplete != null && <span className="regie-cell-note">{nl.progress.percentValue(a.percentComplete)}</span>}
              </TableCell>
              <TableCell>
                {a.update ? (
                  <>
                    {nl.rounds.updateBy(formatDateTime(a.update.at), a.update.authorName)}
                    {a.update.note && <span className="regie-cell-note regie-pre-line">{a.update.note}</span>}
                  </>
                ) : (
                  <span className="regie-waiting">{nl.rounds.noUpdate}</span>
                )}
              </TableCell>
              <TableCell>
                {execution(a, year)} {a.frequency.isLagging && <LagBadge />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

/** Send reminders and close the round (the adviser, while it is open). Closing asks for confirmation. */
function RoundActions({ round, onReload }: { round: TRoundDetail; onReload: () => void }) {
  const [busy, setBusy] = useState<'remind' | 'close' | null>(null);
  const [isConfirming, setConfirming] = useState(false);
  const [result, setResult] = useState<TReminderResult | null>(null);
  const [error, setError] = useState('');
  const [isConflict, setConflict] = useState(false);
  const [confirmRef, focusConfirm] = useFocusRequest<HTMLDivElement>();

  const remind = async () => {
    if (busy) return;
    setBusy('remind');
    setError('');
    try {
      setResult(await api.sendReminders(round.id));
      onReload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const close = async () => {
    if (busy) return;
    setBusy('close');
    setError('');
    try {
      await api.closeRound(round.id, round.version);
      setConfirming(false);
      onReload();
    } catch (err) {
      if (err instanceof ApiError && err.isConflict) setConflict(true);
      else setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="ronde-acties" className="regie-round-actions">
      <Heading level={2} id="ronde-acties" className="regie-visually-hidden">{nl.rounds.remind}</Heading>
      {isConflict && <ConflictAlert onReload={onReload} />}
      <Paragraph>{nl.rounds.remindIntro}</Paragraph>
      <ButtonGroup>
        <Button appearance="secondary-action-button" busy={busy === 'remind'} aria-disabled={!!busy || undefined} onClick={remind}>
          {busy === 'remind' ? nl.rounds.reminding : nl.rounds.remind}
        </Button>
        {!isConfirming && (
          <Button appearance="primary-action-button" onClick={() => { setConfirming(true); focusConfirm(); }}>
            {nl.rounds.close}
          </Button>
        )}
      </ButtonGroup>
      {/* Always present, so what it gets after a click is announced. */}
      <div role="status" className="regie-round-result">
        {result && (
          <>
            <Paragraph>{nl.rounds.reminded(result.recipients, result.emailed)}</Paragraph>
            {!result.isMailConfigured && result.recipients > 0 && <Paragraph>{nl.rounds.mailOff}</Paragraph>}
            {result.withoutAccount.length > 0 && <Paragraph>{nl.rounds.withoutAccount(result.withoutAccount.join(', '))}</Paragraph>}
          </>
        )}
        {error && <Paragraph className="regie-field-error">{error}</Paragraph>}
      </div>
      {isConfirming && (
        <div ref={confirmRef} tabIndex={-1} className="regie-focus-target">
          <Alert type="warning">
            <Paragraph>{nl.rounds.closeQuestion}</Paragraph>
            <ButtonGroup>
              <Button appearance="primary-action-button" busy={busy === 'close'} aria-disabled={!!busy || undefined} onClick={close}>
                {busy === 'close' ? nl.rounds.closing : nl.rounds.closeYes}
              </Button>
              <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>{nl.rounds.cancel}</Button>
            </ButtonGroup>
          </Alert>
        </div>
      )}
    </section>
  );
}
