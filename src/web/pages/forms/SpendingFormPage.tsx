import { useNavigate, useParams, useSearchParams } from 'react-router';
import { periodYears } from '../../../domain/budget-use.ts';
import { ZSpendingEntryCreate, type TSpendingEntry } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { FormPageFrame } from '../../components/FormPageFrame.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { loadFormContext, orNull, text, type FormContext } from '../../forms/context.ts';
import { useEntityForm, type FieldErrors } from '../../forms/useEntityForm.ts';
import { useMaySave } from '../../forms/useMaySave.ts';
import { nl } from '../../../text/nl/web.ts';
import { centsToEuroText, parseEuroToCents } from '../../lib/parse.ts';
import { paths, returnTarget } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';

const R = nl.realisation;
const L = { spentOn: R.spentOn, year: R.budgetYear, amountCents: R.amount, note: R.note };
const FIELDS = Object.keys(L);

/** Today in the browser, as the date field wants it. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Book spending on a budget line, or change it. The amount is typed the Dutch way and sent as integer cents. */
export function SpendingFormPage() {
  const { planId = '', lineId = '', entryId } = useParams();
  const state = useLoad(async () => {
    const [ctx, record] = await Promise.all([
      loadFormContext(planId), entryId ? api.get('spending-entries', entryId) : Promise.resolve(undefined),
    ]);
    return { ctx, record };
  }, `${planId}/${lineId}/${entryId}`);
  return (
    <LoadState state={state}>
      {({ ctx, record }) => (
        <SpendingForm key={record?.version ?? 'new'} ctx={ctx} record={record} lineId={record?.budgetLineId ?? lineId} onReload={state.reload} />
      )}
    </LoadState>
  );
}

interface Props {
  ctx: FormContext;
  record?: TSpendingEntry;
  lineId: string;
  onReload: () => void;
}

function SpendingForm({ ctx, record, lineId, onReload }: Props) {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { plan } = ctx;
  const maySave = useMaySave(ctx, 'spending-entries', record);
  const line = plan.budgetLines.flatMap((l) => [l, ...l.subLines]).find((l) => l.id === lineId);
  const back = returnTarget(search, paths.budgetLine(plan.id, lineId));
  const years = periodYears(plan.periodStart, plan.periodEnd);
  const today = localToday();
  // This year when it is in the plan period; else the nearest year of the period.
  const thisYear = Number(today.slice(0, 4));
  const defaultYear = years.includes(thisYear) ? thisYear : thisYear > years[years.length - 1] ? years[years.length - 1] : years[0];
  const form = useEntityForm({
    resource: 'spending-entries',
    record,
    schema: ZSpendingEntryCreate,
    fieldOrder: FIELDS,
    initial: {
      spentOn: record?.spentOn ?? today,
      year: String(record?.year ?? defaultYear),
      amountCents: record ? centsToEuroText(record.amountCents) : '',
      note: text(record?.note),
    },
    toFields: (v) => {
      const errors: FieldErrors = {};
      const cents = parseEuroToCents(v.amountCents);
      if (cents === undefined) errors.amountCents = R.amountRequired;
      else if (Number.isNaN(cents)) errors.amountCents = nl.form.notAnAmount;
      // A date field gives nothing for an incomplete date.
      if (!v.spentOn) errors.spentOn = R.dateRequired;
      return {
        fields: { budgetLineId: lineId, spentOn: v.spentOn, year: Number(v.year), amountCents: Number.isNaN(cents) ? undefined : cents, note: orNull(v.note) },
        errors,
      };
    },
    onSaved: () => void navigate(back),
  });
  const { values: v, setValue: set, errors: e } = form;
  const context = line ? `${line.title} – ${plan.title}` : plan.title;
  // A year of an entry outside the (since changed) period stays choosable, so the form shows what is stored.
  const yearOptions = [...new Set([...years, ...(record ? [record.year] : [])])].sort((a, b) => a - b);
  return (
    <FormPageFrame
      canSave={maySave}
      title={record ? R.editEntryTitle : R.newEntry}
      context={context}
      crumbs={[
        { label: plan.title, to: paths.plan(plan.id) },
        { label: nl.budget.heading, to: paths.budget(plan.id) },
        ...(line ? [{ label: line.title, to: paths.budgetLine(plan.id, line.id) }] : []),
      ]}
      form={form}
      labels={L}
      onReload={onReload}
      cancelTo={back}
    >
      <TextField
        name="spentOn" label={L.spentOn} type="date" size="small" isRequired description={R.spentOnHelp}
        value={v.spentOn} error={e.spentOn} onChange={(x) => set('spentOn', x)}
      />
      <SelectField
        name="year" label={L.year} isRequired description={R.budgetYearHelp}
        options={yearOptions.map((y) => ({ value: String(y), label: String(y) }))}
        value={v.year} error={e.year} onChange={(x) => set('year', x)}
      />
      <TextField
        name="amountCents" label={L.amountCents} size="small" inputMode="decimal" isRequired description={R.amountHelp}
        value={v.amountCents} error={e.amountCents} onChange={(x) => set('amountCents', x)}
      />
      <TextareaField name="note" label={L.note} rows={3} value={v.note} error={e.note} onChange={(x) => set('note', x)} />
    </FormPageFrame>
  );
}
