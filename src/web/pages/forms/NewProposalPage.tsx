import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { PROPOSAL_PURPOSES, type TProposalPurpose } from '../../../domain/proposal.ts';
import type { TRound } from '../../../domain/rounds.ts';
import type { TOrganisation, TPlan } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { nl } from '../../../text/nl/web.ts';
import { proposalText } from '../../../text/nl/proposal.ts';
import { formatQuarterCode } from '../../../text/format.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { planSubject, useCan } from '../../session/useCan.ts';
import { NoEditNotice } from '../../components/NoEditNotice.tsx';

const P = proposalText.proposal;
const LABELS = { purpose: P.purpose, roundId: P.round };

async function load(planId: string) {
  const [plan, organisations] = await Promise.all([api.getPlan(planId), api.listOrganisations()]);
  // Only a programme has rounds; who may not follow them gets none to choose.
  const rounds = plan.kind === 'uvp' ? await api.listRounds(planId).catch(() => [] as TRound[]) : [];
  return { plan, organisations, rounds: rounds.filter((r) => r.status === 'closed') };
}

/** Make a collegevoorstel from the plan's data: to adopt the programme, or to send a closed round's report to the council. */
export function NewProposalPage() {
  const { planId = '' } = useParams();
  const state = useLoad(() => load(planId), planId);
  return <LoadState state={state}>{(data) => <NewProposal {...data} />}</LoadState>;
}

function NewProposal({ plan, organisations, rounds }: { plan: TPlan; organisations: TOrganisation[]; rounds: TRound[] }) {
  const navigate = useNavigate();
  const can = useCan();
  const [purpose, setPurpose] = useState<TProposalPurpose>('adopt_plan');
  const [roundId, setRoundId] = useState(rounds.at(-1)?.id ?? '');
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors({ fieldOrder: Object.keys(LABELS), labels: LABELS });
  const back = paths.plan(plan.id);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const isReport = purpose === 'report_to_council';
    if (isReport && !roundId) return errors.show({ roundId: P.noClosedRounds });
    setBusy(true);
    try {
      const decision = await api.createProposal(plan.id, isReport ? { purpose, roundId } : { purpose });
      void navigate(paths.editProposal(plan.id, decision.id));
    } catch (err) {
      errors.showServerError(err);
      setBusy(false);
    }
  };

  const heading = (
    <>
      <Breadcrumbs items={[{ label: plan.title, to: back }]} />
      <PageHeading preHeading={plan.title} title={`${P.createTitle} – ${plan.title}`}>{P.createTitle}</PageHeading>
    </>
  );
  if (!can('create', planSubject('decisions', plan, organisations))) {
    return (
      <>
        {heading}
        <NoEditNotice back={back} />
      </>
    );
  }
  return (
    <>
      {heading}
      <Paragraph>{P.createIntro}</Paragraph>
      <Paragraph><AppLink to={paths.help('collegevoorstel')}>{nl.help.contextLink}</AppLink></Paragraph>
      <ErrorSummary ref={errors.summaryRef} items={errors.items} general={errors.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-label={P.createTitle}>
        <RadioGroupField
          name="purpose" label={LABELS.purpose} isRequired value={purpose} error={errors.errors.purpose}
          options={PROPOSAL_PURPOSES.filter((p) => p === 'adopt_plan' || plan.kind === 'uvp').map((p) => ({ value: p, label: P.purposes[p] }))}
          onChange={(x) => setPurpose(x as TProposalPurpose)}
        />
        {purpose === 'report_to_council' && (rounds.length ? (
          <SelectField
            name="roundId" label={LABELS.roundId} isRequired value={roundId} error={errors.errors.roundId} description={P.roundHelp}
            options={rounds.map((r) => ({ value: r.id, label: nl.rounds.roundHeading(formatQuarterCode(r.quarter)) }))} onChange={setRoundId}
          />
        ) : (
          <Paragraph id="field-roundId">{P.noClosedRounds}</Paragraph>
        ))}
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? P.creating : P.create}
          </Button>
          <AppLink to={back}>{nl.form.cancel}</AppLink>
        </ButtonGroup>
      </form>
    </>
  );
}
