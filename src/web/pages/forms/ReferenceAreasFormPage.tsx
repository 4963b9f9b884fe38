import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Button, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { ZPlanCreate, type TPlan, type TRegion } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { FieldFrame, fieldAria } from '../../components/FieldParts.tsx';
import { FormPageFrame } from '../../components/FormPageFrame.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { loadFormContext, planCrumbs, type FormContext } from '../../forms/context.ts';
import { useEntityForm } from '../../forms/useEntityForm.ts';
import { nl } from '../../../text/nl/web.ts';
import { paths, returnTarget } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { planSubject, useCan } from '../../session/useCan.ts';

const T = nl.referenceAreas;
const L = { referenceAreaCodes: T.field };

/** The areas a plan compares its figures with: the Netherlands, provinces, police units and comparable municipalities. */
export function ReferenceAreasFormPage() {
  const { planId = '' } = useParams();
  const state = useLoad(async () => {
    const [ctx, record, regions] = await Promise.all([loadFormContext(planId), api.get('plans', planId), api.listRegions()]);
    return { ctx, record, regions };
  }, planId);
  return (
    <LoadState state={state}>
      {({ ctx, record, regions }) => <ReferenceAreasForm key={record.version} ctx={ctx} record={record} regions={regions} onReload={state.reload} />}
    </LoadState>
  );
}

interface Props {
  ctx: FormContext;
  record: TPlan;
  regions: TRegion[];
  onReload: () => void;
}

function ReferenceAreasForm({ ctx, record, regions, onReload }: Props) {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const can = useCan();
  const { plan } = ctx;
  const back = returnTarget(search, paths.plan(plan.id));
  const byKind = (kinds: TRegion['kind'][]) => regions.filter((r) => kinds.includes(r.kind)).map((r) => ({ value: r.code, label: r.name }));
  const municipalities = regions.filter((r) => r.kind === 'municipality' && r.code !== ctx.organisations.find((o) => o.id === plan.ownerId)?.cbsCode);
  const name = new Map(regions.map((r) => [r.code, r.name]));
  const [shown, setShown] = useState(record.referenceAreaCodes.filter((c) => c.startsWith('GM')));
  const [toAdd, setToAdd] = useState('');
  const [addError, setAddError] = useState<string>();
  const form = useEntityForm({
    resource: 'plans',
    plan,
    record,
    schema: ZPlanCreate,
    fieldOrder: Object.keys(L),
    initial: { referenceAreaCodes: record.referenceAreaCodes },
    toFields: (v) => ({ fields: { referenceAreaCodes: v.referenceAreaCodes }, errors: {} }),
    onSaved: () => void navigate(back),
  });
  const { values: v, setValue: set, errors: e } = form;
  const chosen = v.referenceAreaCodes;
  // Each group changes only its own codes; the order of choosing is kept, as charts and tables follow it.
  const setGroup = (codes: string[], group: string[]) =>
    set('referenceAreaCodes', [...chosen.filter((c) => !group.includes(c) || codes.includes(c)), ...codes.filter((c) => !chosen.includes(c))]);
  const national = byKind(['country', 'province']);
  const police = byKind(['police_unit']);
  const add = () => {
    if (!toAdd) return setAddError(T.chooseFirst);
    setAddError(undefined);
    if (!shown.includes(toAdd)) setShown([...shown, toAdd]);
    if (!chosen.includes(toAdd)) set('referenceAreaCodes', [...chosen, toAdd]);
    setToAdd('');
  };
  const addAria = fieldAria({ name: 'addMunicipality', label: T.addMunicipality, error: addError });
  return (
    <FormPageFrame
      canSave={can('update', planSubject('plans', plan, ctx.organisations))}
      title={T.title}
      context={plan.title}
      crumbs={planCrumbs(plan)}
      form={form}
      labels={L}
      onReload={onReload}
      cancelTo={back}
    >
      <Paragraph>{T.intro}</Paragraph>
      <CheckboxGroupField
        name="referenceAreaCodes" label={T.national} error={e.referenceAreaCodes} options={national}
        value={chosen.filter((c) => national.some((o) => o.value === c))}
        onChange={(codes) => setGroup(codes, national.map((o) => o.value))}
      />
      <CheckboxGroupField
        name="policeUnits" label={T.police} options={police}
        value={chosen.filter((c) => police.some((o) => o.value === c))}
        onChange={(codes) => setGroup(codes, police.map((o) => o.value))}
      />
      {shown.length ? (
        <CheckboxGroupField
          name="municipalities" label={T.municipalities} description={T.municipalitiesHelp}
          options={shown.map((code) => ({ value: code, label: name.get(code) ?? code }))}
          value={chosen.filter((c) => shown.includes(c))}
          onChange={(codes) => setGroup(codes, shown)}
        />
      ) : (
        <Paragraph>{T.noMunicipalities}</Paragraph>
      )}
      <div className="regie-add-area">
        <FieldFrame
          name="addMunicipality" label={T.addMunicipality} error={addError}
          input={
            <Select {...addAria} value={toAdd} invalid={!!addError} onChange={(ev) => setToAdd(ev.target.value)}>
              <SelectOption value="">{nl.form.choose}</SelectOption>
              {municipalities.map((m) => <SelectOption key={m.code} value={m.code}>{m.name}</SelectOption>)}
            </Select>
          }
        />
        <Button appearance="secondary-action-button" onClick={add}>{T.add}</Button>
      </div>
    </FormPageFrame>
  );
}
