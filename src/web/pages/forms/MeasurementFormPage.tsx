import { useNavigate, useParams, useSearchParams } from 'react-router';
import { parsePeriod } from '../../../domain/period.ts';
import { MEASUREMENT_KINDS, ZMeasurementCreate, type TMeasurement, type TRegion } from '../../../domain/schemas.ts';
import { api, ApiError } from '../../api/client.ts';
import type { IndicatorWithMeasurements } from '../../api/types.ts';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { FormPageFrame } from '../../components/FormPageFrame.tsx';
import { LoadError, LoadState } from '../../components/LoadState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { loadFormContext, orNull, planCrumbs, text, type FormContext } from '../../forms/context.ts';
import { useEntityForm, type FieldErrors } from '../../forms/useEntityForm.ts';
import { useMaySave } from '../../forms/useMaySave.ts';
import { nl } from '../../../text/nl/web.ts';
import { numberToText, parseDecimal } from '../../lib/parse.ts';
import { paths, returnTarget } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';

const T = nl.measurement;
const L = {
  periodLabel: T.periodLabel, periodStart: T.periodStart, periodEnd: T.periodEnd, kind: T.kind, value: T.value,
  area: T.area, isProvisional: T.isProvisional, source: T.source, note: T.note,
};
const FIELDS = Object.keys(L);
/** The area select: '' is the plan owner's own area, `text:` an area without a CBS code, anything else a code. */
const TEXT_AREA = 'text:';

/** Add a measurement to an indicator, or edit one. */
export function MeasurementFormPage() {
  const { planId = '', indicatorId, measurementId } = useParams();
  const state = useLoad(async () => {
    const [ctx, regions, record] = await Promise.all([
      loadFormContext(planId), api.listRegions(), measurementId ? api.get('measurements', measurementId) : Promise.resolve(undefined),
    ]);
    return { ctx, regions, record };
  }, `${planId}/${indicatorId}/${measurementId}`);
  return (
    <LoadState state={state}>
      {({ ctx, regions, record }) => {
        const id = record?.indicatorId ?? indicatorId;
        const indicator = [...ctx.plan.indicators, ...ctx.plan.themes.flatMap((t) => t.indicators)].find((i) => i.id === id);
        if (!indicator) return <LoadError error={new ApiError(404, 'not_found', '')} />;
        return <MeasurementForm key={record?.version ?? 'new'} ctx={ctx} regions={regions} indicator={indicator} record={record} onReload={state.reload} />;
      }}
    </LoadState>
  );
}

interface Props {
  ctx: FormContext;
  regions: TRegion[];
  indicator: IndicatorWithMeasurements;
  record?: TMeasurement;
  onReload: () => void;
}

function MeasurementForm({ ctx, regions, indicator, record, onReload }: Props) {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { plan } = ctx;
  const maySave = useMaySave(ctx, 'measurements', record);
  const back = returnTarget(search, paths.indicator(plan.id, indicator.id));
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const areaOptions = [
    { value: '', label: plan.owner ? T.areaOwn(plan.owner.name) : T.areaOwnPlain },
    ...[...new Set([...plan.referenceAreaCodes, ...(record?.areaCode ? [record.areaCode] : [])])]
      .map((code) => ({ value: code, label: regionName.get(code) ?? code })),
    ...(record?.area && !record.areaCode ? [{ value: `${TEXT_AREA}${record.area}`, label: T.areaOther(record.area) }] : []),
  ];
  const initialArea = record?.areaCode ?? (record?.area ? `${TEXT_AREA}${record.area}` : '');
  const form = useEntityForm({
    resource: 'measurements',
    record,
    schema: ZMeasurementCreate,
    fieldOrder: FIELDS,
    initial: {
      periodLabel: text(record?.periodLabel), periodStart: text(record?.periodStart), periodEnd: text(record?.periodEnd),
      kind: record?.kind ?? 'value', value: numberToText(record?.value), area: initialArea,
      isProvisional: record?.isProvisional ?? false, source: text(record?.source ?? (record ? null : indicator.source)),
      note: text(record?.note),
    },
    toFields: (v) => {
      const errors: FieldErrors = {};
      const value = parseDecimal(v.value);
      if (Number.isNaN(value)) errors.value = nl.form.notANumber;
      const area = v.area.startsWith(TEXT_AREA)
        ? { area: v.area.slice(TEXT_AREA.length), areaCode: null }
        : v.area ? { area: regionName.get(v.area) ?? null, areaCode: v.area } : { area: null, areaCode: null };
      return {
        fields: {
          indicatorId: indicator.id, periodLabel: v.periodLabel, periodStart: v.periodStart, periodEnd: v.periodEnd,
          kind: v.kind, value: value === undefined || Number.isNaN(value) ? undefined : value, ...area,
          isProvisional: v.isProvisional, source: orNull(v.source), note: orNull(v.note),
        },
        errors,
      };
    },
    onSaved: () => void navigate(back),
  });
  const { values: v, setValue: set, errors: e } = form;
  const setPeriod = (label: string) => {
    set('periodLabel', label);
    // A period Regie knows fills in its first and last day.
    const period = parsePeriod(label);
    if (period) {
      set('periodStart', period.periodStart);
      set('periodEnd', period.periodEnd);
    }
  };
  return (
    <FormPageFrame
      canSave={maySave}
      title={record ? T.editTitle : T.newTitle}
      context={indicator.name}
      crumbs={[...planCrumbs(plan), { label: indicator.name, to: paths.indicator(plan.id, indicator.id) }]}
      form={form}
      labels={L}
      onReload={onReload}
      cancelTo={back}
    >
      <TextField name="periodLabel" label={L.periodLabel} isRequired size="medium" description={T.periodLabelHelp} value={v.periodLabel} error={e.periodLabel} onChange={setPeriod} />
      <TextField name="periodStart" label={L.periodStart} isRequired type="date" size="small" description={T.periodDatesHelp} value={v.periodStart} error={e.periodStart} onChange={(x) => set('periodStart', x)} />
      <TextField name="periodEnd" label={L.periodEnd} isRequired type="date" size="small" value={v.periodEnd} error={e.periodEnd} onChange={(x) => set('periodEnd', x)} />
      <SelectField
        name="kind" label={L.kind} isRequired value={v.kind} error={e.kind}
        options={MEASUREMENT_KINDS.map((k) => ({ value: k, label: nl.labels.measurementKind[k] }))}
        onChange={(x) => set('kind', x as TMeasurement['kind'])}
      />
      <TextField name="value" label={L.value} isRequired size="small" inputMode="decimal" description={T.valueHelp} value={v.value} error={e.value} onChange={(x) => set('value', x)} />
      <SelectField name="area" label={L.area} isRequired value={v.area} error={e.area ?? e.areaCode} description={T.areaHelp} options={areaOptions} onChange={(x) => set('area', x)} />
      <CheckboxField name="isProvisional" label={L.isProvisional} value={v.isProvisional} error={e.isProvisional} onChange={(x) => set('isProvisional', x)} />
      <TextField name="source" label={L.source} value={v.source} error={e.source} onChange={(x) => set('source', x)} />
      <TextareaField name="note" label={L.note} rows={3} value={v.note} error={e.note} onChange={(x) => set('note', x)} />
    </FormPageFrame>
  );
}
