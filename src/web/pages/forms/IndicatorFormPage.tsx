import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { checkTarget } from '../../../domain/indicator.ts';
import { DIRECTIONS, TARGET_KINDS, ZIndicatorCreate, type TIndicator } from '../../../domain/schemas.ts';
import { DEFAULT_CATEGORIES } from '../../../domain/meldpunt.ts';
import { api } from '../../api/client.ts';
import { FormPageFrame } from '../../components/FormPageFrame.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { loadFormContext, nextPosition, orNull, text, themeLabel, planCrumbs, type FormContext } from '../../forms/context.ts';
import { useEntityForm, type FieldErrors } from '../../forms/useEntityForm.ts';
import { useMaySave } from '../../forms/useMaySave.ts';
import { nl } from '../../../text/nl/web.ts';
import { formatNumber } from '../../../text/format.ts';
import { numberToText, parseDecimal, parseInteger } from '../../lib/parse.ts';
import { paths, returnTarget } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';

const I = nl.indicator;
const L = {
  name: I.name, themeId: I.theme, goalId: I.goal, source: I.source, unit: I.unit, direction: I.direction,
  baselineValue: I.baselineValue, baselineYear: I.baselineYear, targetKind: I.targetKind, targetValue: I.targetValue,
  targetChangePercent: I.targetChangePercent, targetYear: I.targetYear, targetText: I.targetText,
  meldpuntCategoryKey: nl.meldpuntOverview.categoryField,
};
/** The meldpunt's categories that can be counted (the default ones; the server checks the plan owner has it). */
const COUNTED = DEFAULT_CATEGORIES.filter((c) => !c.referralUrl);
const FIELDS = Object.keys(L);
const NUMBERS = ['baselineValue', 'targetValue', 'targetChangePercent'] as const;
const YEARS = ['baselineYear', 'targetYear'] as const;

/** Create (for a plan or one of its themes) or edit an effect indicator. */
export function IndicatorFormPage() {
  const { planId = '', indicatorId } = useParams();
  const state = useLoad(async () => {
    const [ctx, record] = await Promise.all([
      loadFormContext(planId), indicatorId ? api.get('indicators', indicatorId) : Promise.resolve(undefined),
    ]);
    return { ctx, record };
  }, `${planId}/${indicatorId}`);
  return (
    <LoadState state={state}>
      {({ ctx, record }) => <IndicatorForm key={record?.version ?? 'new'} ctx={ctx} record={record} onReload={state.reload} />}
    </LoadState>
  );
}

function IndicatorForm({ ctx, record, onReload }: { ctx: FormContext; record?: TIndicator; onReload: () => void }) {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { plan } = ctx;
  const maySave = useMaySave(ctx, 'indicators', record);
  const themeId = record ? (record.themeId ?? '') : (search.get('thema') ?? '');
  const back = returnTarget(search, themeId ? paths.theme(plan.id, themeId) : paths.plan(plan.id));
  const form = useEntityForm({
    resource: 'indicators',
    plan,
    record,
    schema: ZIndicatorCreate,
    fieldOrder: FIELDS,
    initial: {
      name: text(record?.name), themeId, goalId: record?.goalId ?? '', source: text(record?.source),
      unit: text(record?.unit), direction: record?.direction ?? 'neutral', targetKind: record?.targetKind ?? '',
      targetText: text(record?.targetText), meldpuntCategoryKey: record?.meldpuntCategoryKey ?? '',
      ...Object.fromEntries([...NUMBERS, ...YEARS].map((f) => [f, numberToText(record?.[f])])) as Record<(typeof NUMBERS)[number] | (typeof YEARS)[number], string>,
    },
    toFields: (v) => {
      const errors: FieldErrors = {};
      const numbers: Record<string, number | null> = {};
      for (const f of [...NUMBERS, ...YEARS]) {
        const n = (YEARS as readonly string[]).includes(f) ? parseInteger(v[f]) : parseDecimal(v[f]);
        if (Number.isNaN(n)) errors[f] = (YEARS as readonly string[]).includes(f) ? nl.form.notAYear : nl.form.notANumber;
        numbers[f] = n === undefined || Number.isNaN(n) ? null : n;
      }
      const allInTheme = plan.themes.find((t) => t.id === v.themeId)?.indicators ?? plan.indicators;
      return {
        fields: {
          planId: plan.id, name: v.name, themeId: v.themeId || null, goalId: v.goalId || null,
          source: orNull(v.source), unit: orNull(v.unit), direction: v.direction, targetKind: v.targetKind || null,
          targetText: orNull(v.targetText), meldpuntCategoryKey: v.meldpuntCategoryKey || null, ...numbers,
          ...(record ? {} : { position: nextPosition(allInTheme) }),
        },
        errors,
      };
    },
    onSaved: () => void navigate(back),
  });
  const { values: v, setValue: set, errors: e } = form;
  const theme = plan.themes.find((t) => t.id === v.themeId);
  const num = (f: (typeof NUMBERS)[number]) => { const n = parseDecimal(v[f]); return n === undefined || Number.isNaN(n) ? null : n; };
  const problems = checkTarget({
    direction: v.direction, baselineValue: num('baselineValue'), targetKind: (v.targetKind || null) as TIndicator['targetKind'],
    targetValue: num('targetValue'), targetChangePercent: num('targetChangePercent'),
  });
  const field = (f: keyof typeof L, extra: { size?: 'small' | 'medium'; inputMode?: 'decimal' | 'numeric'; isRequired?: boolean } = {}) => (
    <TextField name={f} label={L[f]} value={v[f as 'name']} error={e[f]} onChange={(x) => set(f as 'name', x)} {...extra} />
  );
  return (
    <FormPageFrame
      canSave={maySave}
      title={record ? nl.form.editIndicator : nl.form.newIndicator}
      context={theme ? themeLabel(theme) : plan.title}
      crumbs={planCrumbs(plan, theme)}
      form={form}
      labels={L}
      onReload={onReload}
      cancelTo={back}
    >
      {field('name', { isRequired: true })}
      <SelectField
        name="themeId" label={L.themeId} value={v.themeId} error={e.themeId} emptyLabel={nl.form.none}
        options={plan.themes.map((t) => ({ value: t.id, label: themeLabel(t) }))}
        onChange={(x) => { set('themeId', x); set('goalId', ''); }}
      />
      {theme && theme.goals.length > 0 && (
        <SelectField
          name="goalId" label={L.goalId} value={v.goalId} error={e.goalId} emptyLabel={nl.form.none}
          options={theme.goals.map((g) => ({ value: g.id, label: g.title }))} onChange={(x) => set('goalId', x)}
        />
      )}
      {field('source')}
      {field('unit', { size: 'small' })}
      <SelectField
        name="direction" label={L.direction} isRequired value={v.direction} error={e.direction}
        options={DIRECTIONS.map((d) => ({ value: d, label: nl.labels.direction[d] }))}
        onChange={(x) => set('direction', x as TIndicator['direction'])}
      />
      <Fieldset className="regie-fieldset">
        <FieldsetLegend>{I.baseline}</FieldsetLegend>
        {field('baselineValue', { size: 'small', inputMode: 'decimal' })}
        {field('baselineYear', { size: 'small', inputMode: 'numeric' })}
      </Fieldset>
      <Fieldset className="regie-fieldset">
        <FieldsetLegend>{I.target}</FieldsetLegend>
        {field('targetText', { size: 'medium' })}
        <SelectField
          name="targetKind" label={L.targetKind} value={v.targetKind} error={e.targetKind} emptyLabel={nl.form.none}
          options={TARGET_KINDS.map((k) => ({ value: k, label: nl.labels.targetKind[k] }))} onChange={(x) => set('targetKind', x)}
        />
        {field('targetValue', { size: 'small', inputMode: 'decimal' })}
        {v.targetKind === 'relative' && field('targetChangePercent', { size: 'small', inputMode: 'decimal' })}
        {field('targetYear', { size: 'small', inputMode: 'numeric' })}
        {problems.length > 0 && (
          <Alert type="warning">
            <Paragraph>
              {I.warningTitle}:{' '}
              {problems.map((p) => (p.code === 'relative_mismatch' ? I.relativeMismatch(formatNumber(p.expected)) : I.directionMismatch)).join(' ')}
            </Paragraph>
          </Alert>
        )}
      </Fieldset>
      <SelectField
        name="meldpuntCategoryKey" label={L.meldpuntCategoryKey} value={v.meldpuntCategoryKey} error={e.meldpuntCategoryKey}
        emptyLabel={nl.meldpuntOverview.noCategory} description={nl.meldpuntOverview.categoryHint}
        options={COUNTED.map((c) => ({ value: c.key, label: c.name }))} onChange={(x) => set('meldpuntCategoryKey', x)}
      />
    </FormPageFrame>
  );
}
