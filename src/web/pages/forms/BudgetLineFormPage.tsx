import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { BUDGET_NATURES, FUNDING_KINDS, ZBudgetLineCreate, type TBudgetLine } from '../../../domain/schemas.ts';
import { parseQuarterCode } from '../../../domain/timeframe.ts';
import { api } from '../../api/client.ts';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { Description, ErrorMessage } from '../../components/FieldParts.tsx';
import { FormPageFrame } from '../../components/FormPageFrame.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { loadFormContext, nextPosition, orNull, text, themeLabel, type FormContext } from '../../forms/context.ts';
import { useEntityForm, type FieldErrors } from '../../forms/useEntityForm.ts';
import { useMaySave } from '../../forms/useMaySave.ts';
import { nl } from '../../../text/nl/web.ts';
import { centsToEuroText, parseEuroToCents } from '../../lib/parse.ts';
import { paths, returnTarget } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';

const B = nl.budget;
/** The form's key of an amount field: "amount-2023", "amount-per-jaar". */
const amountKey = (year: number | null): `amount-${string}` => `amount-${year ?? 'per-jaar'}`;

type Values = {
  title: string;
  section: string;
  parentId: string;
  nature: string;
  isPm: boolean;
  funding: TBudgetLine['funding'];
  funderName: string;
  themeId: string;
  grantReference: string;
  conditions: string;
  endDate: string;
  accountabilityDate: string;
  note: string;
  [amount: `amount-${string}`]: string;
};

/** Create or edit a budget line or sub-line. Amounts are typed in euros and sent as integer cents. */
export function BudgetLineFormPage() {
  const { planId = '', lineId } = useParams();
  const state = useLoad(async () => {
    const [ctx, record] = await Promise.all([
      loadFormContext(planId), lineId ? api.get('budget-lines', lineId) : Promise.resolve(undefined),
    ]);
    return { ctx, record };
  }, `${planId}/${lineId}`);
  return (
    <LoadState state={state}>
      {({ ctx, record }) => <BudgetLineForm key={record?.version ?? 'new'} ctx={ctx} record={record} onReload={state.reload} />}
    </LoadState>
  );
}

function BudgetLineForm({ ctx, record, onReload }: { ctx: FormContext; record?: TBudgetLine; onReload: () => void }) {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { plan } = ctx;
  const maySave = useMaySave(ctx, 'budget-lines', record);
  const back = returnTarget(search, paths.budget(plan.id));
  const first = parseQuarterCode(plan.periodStart).year;
  const last = parseQuarterCode(plan.periodEnd).year;
  const years = new Set<number | null>(Array.from({ length: Math.max(0, last - first + 1) }, (_, n) => first + n));
  record?.amounts.forEach((a) => years.add(a.year));
  const yearList: (number | null)[] = [...years].filter((y): y is number => y !== null).sort((a, b) => a - b);
  yearList.push(null);
  const labels: Record<string, string> = {
    title: B.line, section: B.section, parentId: B.parent, themeId: B.theme, nature: B.nature, isPm: B.pmLong, funding: B.funding,
    funderName: B.funderName, grantReference: B.grantReference, conditions: B.conditions, endDate: B.endDate,
    accountabilityDate: B.accountabilityDate, amounts: B.amounts,
    ...Object.fromEntries(yearList.map((y) => [amountKey(y), B.amountFor(y === null ? B.perYearLong : String(y))])),
    note: B.note,
  };
  const form = useEntityForm<Values, 'budget-lines'>({
    resource: 'budget-lines',
    plan,
    record,
    schema: ZBudgetLineCreate,
    fieldOrder: Object.keys(labels),
    initial: {
      title: text(record?.title), section: text(record?.section), parentId: record?.parentId ?? search.get('hoofdpost') ?? '',
      nature: record?.nature ?? '', isPm: record?.isPm ?? false, funding: record?.funding ?? 'own',
      funderName: text(record?.funderName), note: text(record?.note), themeId: record?.themeId ?? '',
      grantReference: text(record?.grantReference), conditions: text(record?.conditions), endDate: text(record?.endDate),
      accountabilityDate: text(record?.accountabilityDate),
      ...Object.fromEntries(yearList.map((y) => {
        const a = record?.amounts.find((x) => x.year === y);
        return [amountKey(y), a ? centsToEuroText(a.amountCents) : ''];
      })),
    },
    toFields: (v) => {
      const errors: FieldErrors = {};
      const amounts: { year: number | null; amountCents: number }[] = [];
      for (const y of yearList) {
        const cents = parseEuroToCents(v[amountKey(y)] ?? '');
        if (Number.isNaN(cents)) errors[amountKey(y)] = nl.form.notAnAmount;
        else if (cents !== undefined) amounts.push({ year: y, amountCents: cents });
      }
      const siblings = plan.budgetLines.flatMap((l) => [l, ...l.subLines]).filter((l) => (l.parentId ?? '') === v.parentId);
      // Fields the form hides are cleared: a subsidy's terms on own money, a theme on a sub-line.
      const ifSubsidy = (value: string) => (v.funding === 'subsidy' ? orNull(value) : null);
      return {
        fields: {
          planId: plan.id, title: v.title, section: orNull(v.section), parentId: v.parentId || null,
          themeId: v.parentId ? null : v.themeId || null, nature: v.nature || null, isPm: v.isPm, funding: v.funding,
          funderName: ifSubsidy(v.funderName), grantReference: ifSubsidy(v.grantReference), conditions: ifSubsidy(v.conditions),
          endDate: ifSubsidy(v.endDate), accountabilityDate: ifSubsidy(v.accountabilityDate), note: orNull(v.note), amounts,
          ...(record ? {} : { position: nextPosition(siblings) }),
        },
        errors,
      };
    },
    onSaved: () => void navigate(back),
  });
  const { values: v, setValue: set, errors: e } = form;
  const parents = plan.budgetLines.filter((l) => l.id !== record?.id);
  return (
    <FormPageFrame
      canSave={maySave}
      title={record ? nl.form.editBudgetLine : nl.form.newBudgetLine}
      context={plan.title}
      crumbs={[{ label: plan.title, to: paths.plan(plan.id) }, { label: B.heading, to: paths.budget(plan.id) }]}
      form={form}
      labels={labels}
      onReload={onReload}
      cancelTo={back}
    >
      <TextField name="title" label={labels.title} isRequired value={v.title} error={e.title} onChange={(x) => set('title', x)} />
      <TextField name="section" label={labels.section} value={v.section} error={e.section} onChange={(x) => set('section', x)} />
      <SelectField
        name="parentId" label={labels.parentId} value={v.parentId} error={e.parentId} emptyLabel={B.noParent}
        options={parents.map((l) => ({ value: l.id, label: l.title }))} onChange={(x) => set('parentId', x)}
      />
      {!v.parentId && (
        <SelectField
          name="themeId" label={labels.themeId} value={v.themeId} error={e.themeId} emptyLabel={B.noTheme} description={B.themeHelp}
          options={plan.themes.map((t) => ({ value: t.id, label: themeLabel(t) }))} onChange={(x) => set('themeId', x)}
        />
      )}
      <SelectField
        name="nature" label={labels.nature} value={v.nature} error={e.nature} emptyLabel={nl.form.none}
        options={BUDGET_NATURES.map((n) => ({ value: n, label: nl.labels.budgetNature[n] }))} onChange={(x) => set('nature', x)}
      />
      <CheckboxField name="isPm" label={labels.isPm} value={v.isPm} error={e.isPm} onChange={(x) => set('isPm', x)} />
      <RadioGroupField
        name="funding" label={labels.funding} isRequired value={v.funding} error={e.funding}
        options={FUNDING_KINDS.map((f) => ({ value: f, label: nl.labels.funding[f] }))} onChange={(x) => set('funding', x as TBudgetLine['funding'])}
      />
      {v.funding === 'subsidy' && (
        <Fieldset className="regie-fieldset">
          <FieldsetLegend>{B.subsidyTerms}</FieldsetLegend>
          <TextField name="funderName" label={labels.funderName} value={v.funderName} error={e.funderName} onChange={(x) => set('funderName', x)} />
          <TextField name="grantReference" label={labels.grantReference} size="medium" value={v.grantReference} error={e.grantReference} onChange={(x) => set('grantReference', x)} />
          <TextareaField name="conditions" label={labels.conditions} rows={3} value={v.conditions} error={e.conditions} onChange={(x) => set('conditions', x)} />
          <TextField name="endDate" label={labels.endDate} type="date" size="small" description={B.dateHelp} value={v.endDate} error={e.endDate} onChange={(x) => set('endDate', x)} />
          <TextField
            name="accountabilityDate" label={labels.accountabilityDate} type="date" size="small" description={B.dateHelp}
            value={v.accountabilityDate} error={e.accountabilityDate} onChange={(x) => set('accountabilityDate', x)}
          />
        </Fieldset>
      )}
      <Fieldset className="regie-fieldset" id="field-amounts" tabIndex={-1} invalid={!!e.amounts} aria-describedby={`field-amounts-description${e.amounts ? ' field-amounts-error' : ''}`}>
        <FieldsetLegend>{labels.amounts}</FieldsetLegend>
        <Description name="amounts" label="" description={B.amountsHelp} />
        <ErrorMessage name="amounts" label="" error={e.amounts} />
        {yearList.map((y) => (
          <TextField
            key={String(y)} name={amountKey(y)} label={labels[amountKey(y)]} size="small" inputMode="decimal"
            value={v[amountKey(y)] ?? ''} error={e[amountKey(y)]} onChange={(x) => set(amountKey(y), x)}
          />
        ))}
      </Fieldset>
      <TextareaField name="note" label={labels.note} value={v.note} error={e.note} onChange={(x) => set('note', x)} />
    </FormPageFrame>
  );
}
