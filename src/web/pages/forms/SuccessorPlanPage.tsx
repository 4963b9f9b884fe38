import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Button, ButtonGroup, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { successorPeriod, successorTitle, yearsBetween, type TCarryOverResult } from '../../../domain/carry-over.ts';
import type { TOrganisation, TPlan } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { AppButtonLink, AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { FocusNotice } from '../../components/FocusNotice.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { nl } from '../../../text/nl/web.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { planSubject, useCan } from '../../session/useCan.ts';
import { NoEditNotice } from '../../components/NoEditNotice.tsx';

const T = nl.carryOver;
const LABELS = { title: T.newTitle, periodStart: T.periodStart, periodEnd: T.periodEnd };

async function load(planId: string) {
  const [plan, organisations] = await Promise.all([api.getPlan(planId), api.listOrganisations()]);
  return { plan, organisations };
}

/** "Nieuw programma op basis van dit programma": the adviser gives title and period, and reads what was copied. */
export function SuccessorPlanPage() {
  const { planId = '' } = useParams();
  const state = useLoad(() => load(planId), planId);
  return <LoadState state={state}>{(data) => <SuccessorPlan {...data} />}</LoadState>;
}

function SuccessorPlan({ plan, organisations }: { plan: TPlan; organisations: TOrganisation[] }) {
  const can = useCan();
  const defaults = successorPeriod(plan.periodEnd);
  const [values, setValues] = useState({ title: successorTitle(plan.title, yearsBetween(plan.periodStart, defaults.periodStart)), ...defaults });
  const [result, setResult] = useState<TCarryOverResult>();
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors({ fieldOrder: Object.keys(LABELS), labels: LABELS });
  const back = paths.plan(plan.id);
  const heading = (
    <>
      <Breadcrumbs items={[{ label: plan.title, to: back }]} />
      <PageHeading preHeading={plan.title} title={T.title(plan.title)}>{T.button}</PageHeading>
    </>
  );
  if (result) return <>{heading}<CarryOverResult result={result} /></>;
  if (!can('create', planSubject('plans', plan, organisations))) {
    return (
      <>
        {heading}
        <NoEditNotice back={back} />
      </>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setBusy(true);
    try {
      setResult(await api.createSuccessorPlan(plan.id, values));
    } catch (err) {
      errors.showServerError(err);
      setBusy(false);
    }
  };
  const field = (name: keyof typeof LABELS, extra: { description?: string; size?: 'small' | 'large' } = {}) => (
    <TextField
      name={name} label={LABELS[name]} isRequired value={values[name]} error={errors.errors[name]} {...extra}
      onChange={(v) => setValues({ ...values, [name]: v })}
    />
  );
  return (
    <>
      {heading}
      <Paragraph>{T.intro}</Paragraph>
      <ErrorSummary ref={errors.summaryRef} items={errors.items} general={errors.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-label={T.button}>
        {field('title')}
        {field('periodStart', { size: 'small', description: T.periodHint })}
        {field('periodEnd', { size: 'small' })}
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>{T.submit}</Button>
          <AppLink to={back}>{T.cancel}</AppLink>
        </ButtonGroup>
      </form>
    </>
  );
}

/** What the new programme holds, and what it does not and why. */
function CarryOverResult({ result }: { result: TCarryOverResult }) {
  const copied = (Object.keys(T.copied) as (keyof typeof T.copied)[]).filter((k) => result.copied[k] > 0);
  return (
    <>
      <FocusNotice type="ok">{T.done(result.plan.title)}</FocusNotice>
      <Heading level={2}>{T.copiedHeading}</Heading>
      <UnorderedList>
        {copied.map((k) => <UnorderedListItem key={k}>{T.copied[k](result.copied[k])}</UnorderedListItem>)}
      </UnorderedList>
      {result.leftOut.length > 0 && (
        <>
          <Heading level={2}>{T.leftOutHeading}</Heading>
          <UnorderedList>
            {result.leftOut.map((l) => <UnorderedListItem key={l.kind}>{l.count != null ? `${l.count} – ` : ''}{l.reason}</UnorderedListItem>)}
          </UnorderedList>
        </>
      )}
      <ButtonGroup className="regie-actions">
        <AppButtonLink appearance="primary" to={paths.plan(result.plan.id)}>{T.toPlan}</AppButtonLink>
      </ButtonGroup>
    </>
  );
}
