import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  Alert, Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader,
  TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TRound } from '../../../domain/rounds.ts';
import type { TPlan } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { OverdueBadge } from '../../components/OverdueBadge.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { nl } from '../../../text/nl/web.ts';
import { formatDate, formatDateTime, formatQuarterCode, quartersBetween } from '../../../text/format.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { planSubject, useCan } from '../../session/useCan.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

async function loadRounds(planId: string) {
  const [plan, rounds, organisations] = await Promise.all([api.getPlan(planId), api.listRounds(planId), api.listOrganisations()]);
  return { plan, rounds, organisations };
}

/** A programme's update rounds, and – for its adviser – opening the next one. */
export function RoundsPage() {
  const { planId = '' } = useParams();
  const state = useLoad(() => loadRounds(planId), planId);
  const can = useCan();
  return (
    <LoadState state={state}>
      {({ plan, rounds, organisations }) => (
        <>
          <Breadcrumbs items={[{ label: plan.title, to: paths.plan(plan.id) }]} />
          <PageHeading preHeading={plan.title} title={nl.rounds.title(plan.title)}>{nl.rounds.heading}</PageHeading>
          <Paragraph>{nl.rounds.intro}</Paragraph>
          <Paragraph><AppLink to={paths.help('updaterondes')}>{nl.help.contextLink}</AppLink></Paragraph>
          {rounds.length ? <RoundTable rounds={rounds} /> : <Paragraph>{nl.rounds.none}</Paragraph>}
          {can('create', planSubject('rounds', plan, organisations)) && <OpenRound plan={plan} rounds={rounds} />}
        </>
      )}
    </LoadState>
  );
}

function RoundTable({ rounds }: { rounds: TRound[] }) {
  return (
    <ScrollRegion label={nl.rounds.caption}>
      <Table className="regie-table">
        <TableCaption className="regie-visually-hidden">{nl.rounds.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{nl.rounds.quarter}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.rounds.status}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.rounds.updated}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.rounds.dueOn}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.rounds.opened}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.rounds.closed}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rounds.map((r) => (
            <TableRow key={r.id}>
              <TableHeaderCell scope="row">
                <AppLink to={paths.round(r.id)}>{nl.rounds.roundHeading(formatQuarterCode(r.quarter))}</AppLink>
              </TableHeaderCell>
              <TableCell>{nl.labels.roundStatus[r.status]} <OverdueBadge isOverdue={r.isOverdue} /></TableCell>
              <TableCell>{nl.rounds.updatedCount(r.updated, r.awaited)}</TableCell>
              <TableCell>{r.dueOn ? formatDate(r.dueOn) : nl.app.empty}</TableCell>
              <TableCell>{nl.rounds.by(formatDateTime(r.openedAt), r.openedBy)}</TableCell>
              <TableCell>{r.closedAt ? nl.rounds.by(formatDateTime(r.closedAt), r.closedBy ?? '') : nl.app.empty}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

const LABELS = { quarter: nl.rounds.quarter, dueOn: nl.rounds.dueOn };

/** The quarter to offer first: the current one when it is free, else the first free one. */
function firstChoice(free: string[]): string {
  const now = new Date();
  const current = `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
  return free.includes(current) ? current : (free[0] ?? '');
}

function OpenRound({ plan, rounds }: { plan: TPlan; rounds: TRound[] }) {
  const navigate = useNavigate();
  const free = quartersBetween(plan.periodStart, plan.periodEnd).filter((q) => !rounds.some((r) => r.quarter === q));
  const [quarter, setQuarter] = useState(firstChoice(free));
  const [dueOn, setDueOn] = useState('');
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors({ fieldOrder: Object.keys(LABELS), labels: LABELS });
  const running = rounds.find((r) => r.status === 'open');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    if (!quarter) return errors.show({ quarter: nl.rounds.quarterRequired });
    setBusy(true);
    try {
      const round = await api.openRound(plan.id, { quarter, dueOn: dueOn || null });
      void navigate(paths.round(round.id));
    } catch (err) {
      errors.showServerError(err);
      setBusy(false);
    }
  };

  let body;
  if (plan.kind !== 'uvp') body = <Paragraph>{nl.rounds.onlyUvp}</Paragraph>;
  else if (running) body = <Alert type="info"><Paragraph>{nl.rounds.openRunning(formatQuarterCode(running.quarter))}</Paragraph></Alert>;
  else if (!free.length) body = <Paragraph>{nl.rounds.noQuarters}</Paragraph>;
  else {
    body = (
      <>
        <Paragraph>{nl.rounds.openIntro}</Paragraph>
        <ErrorSummary ref={errors.summaryRef} items={errors.items} general={errors.general} />
        <form noValidate onSubmit={submit} className="regie-form" aria-labelledby="ronde-openen">
          <SelectField
            name="quarter" label={LABELS.quarter} isRequired value={quarter} error={errors.errors.quarter} onChange={setQuarter}
            options={free.map((q) => ({ value: q, label: formatQuarterCode(q) }))}
          />
          <TextField
            name="dueOn" label={LABELS.dueOn} type="date" size="small" value={dueOn} error={errors.errors.dueOn}
            description={nl.rounds.dueHelp} onChange={setDueOn}
          />
          <ButtonGroup className="regie-form-actions">
            <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
              {isBusy ? nl.rounds.opening : nl.rounds.open}
            </Button>
          </ButtonGroup>
        </form>
      </>
    );
  }
  return (
    <section aria-labelledby="ronde-openen">
      <Heading level={2} id="ronde-openen">{nl.rounds.openHeading}</Heading>
      {body}
    </section>
  );
}
