import { useNavigate, useParams, useSearchParams } from 'react-router';
import { THEME_SCOPES, ZThemeCreate, type TTheme } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { FormPageFrame } from '../../components/FormPageFrame.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import {
  loadFormContext, nextPosition, orNull, peopleFor, personOptions, text, type FormContext,
} from '../../forms/context.ts';
import { useEntityForm } from '../../forms/useEntityForm.ts';
import { useMaySave } from '../../forms/useMaySave.ts';
import { nl } from '../../../text/nl/web.ts';
import { paths, returnTarget } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';

const NARRATIVE = ['challenge', 'motivation', 'evaluation', 'ambition', 'approach'] as const;
const L: Record<string, string> = {
  number: nl.theme.number, title: nl.theme.title, scope: nl.theme.scope, kernbeleidCodes: nl.theme.kernbeleid,
  portfolioHolderIds: nl.theme.portfolioHolders, officialIds: nl.form.firstOfficial, backupOfficialIds: nl.form.backupOfficials,
  ...Object.fromEntries(NARRATIVE.map((f) => [f, nl.theme[f]])),
};
const FIELDS = Object.keys(L);

/** Create or edit a theme of a plan. */
export function ThemeFormPage() {
  const { planId = '', themeId } = useParams();
  const state = useLoad(async () => {
    const [ctx, record] = await Promise.all([
      loadFormContext(planId), themeId ? api.get('themes', themeId) : Promise.resolve(undefined),
    ]);
    return { ctx, record };
  }, `${planId}/${themeId}`);
  return (
    <LoadState state={state}>
      {({ ctx, record }) => <ThemeForm key={record?.version ?? 'new'} ctx={ctx} record={record} onReload={state.reload} />}
    </LoadState>
  );
}

function ThemeForm({ ctx, record, onReload }: { ctx: FormContext; record?: TTheme; onReload: () => void }) {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { plan } = ctx;
  const maySave = useMaySave(ctx, 'themes', record);
  const back = returnTarget(search, record ? paths.theme(plan.id, record.id) : paths.plan(plan.id));
  const [first = '', ...backups] = record?.officialIds ?? [];
  const form = useEntityForm({
    resource: 'themes',
    plan,
    record,
    schema: ZThemeCreate,
    fieldOrder: FIELDS,
    initial: {
      number: text(record?.number), title: text(record?.title), scope: record?.scope ?? 'local',
      kernbeleidCodes: (record?.kernbeleidCodes ?? []).join(', '), portfolioHolderIds: record?.portfolioHolderIds ?? [],
      officialIds: first, backupOfficialIds: backups,
      ...Object.fromEntries(NARRATIVE.map((f) => [f, text(record?.[f])])) as Record<(typeof NARRATIVE)[number], string>,
    },
    toFields: ({ officialIds, backupOfficialIds, kernbeleidCodes, ...v }) => ({
      fields: {
        ...v,
        planId: plan.id,
        number: orNull(v.number),
        kernbeleidCodes: kernbeleidCodes.split(/[,;\s]+/).filter(Boolean),
        // The first official is the eerste verantwoordelijke, the others are achtervang.
        officialIds: [officialIds, ...backupOfficialIds.filter((id) => id !== officialIds)].filter(Boolean),
        ...Object.fromEntries(NARRATIVE.map((f) => [f, orNull(v[f])])),
        ...(record ? {} : { position: nextPosition(plan.themes) }),
      },
      errors: {},
    }),
    onSaved: (saved) => void navigate(record ? back : returnTarget(search, paths.theme(plan.id, saved.id))),
  });
  const { values: v, setValue: set, errors: e } = form;
  const people = peopleFor(ctx, [...v.portfolioHolderIds, v.officialIds, ...v.backupOfficialIds]);
  const administrators = people.filter((p) => p.role === 'mayor' || p.role === 'alderman' || v.portfolioHolderIds.includes(p.id));

  return (
    <FormPageFrame
      canSave={maySave}
      title={record ? nl.form.editTheme : nl.form.newTheme}
      context={plan.title}
      crumbs={[{ label: plan.title, to: paths.plan(plan.id) }]}
      form={form}
      labels={L}
      onReload={onReload}
      cancelTo={back}
    >
      <TextField name="number" label={L.number} size="small" value={v.number} error={e.number} onChange={(x) => set('number', x)} />
      <TextField name="title" label={L.title} isRequired value={v.title} error={e.title} onChange={(x) => set('title', x)} />
      <RadioGroupField
        name="scope" label={L.scope} isRequired value={v.scope} error={e.scope}
        options={THEME_SCOPES.map((s) => ({ value: s, label: nl.labels.scope[s] }))}
        onChange={(x) => set('scope', x as TTheme['scope'])}
      />
      <TextField
        name="kernbeleidCodes" label={L.kernbeleidCodes} size="medium" value={v.kernbeleidCodes} error={e.kernbeleidCodes}
        description={nl.form.kernbeleidHelp} onChange={(x) => set('kernbeleidCodes', x)}
      />
      {people.length > 0 && (
        <>
          <CheckboxGroupField
            name="portfolioHolderIds" label={L.portfolioHolderIds} value={v.portfolioHolderIds} error={e.portfolioHolderIds}
            options={personOptions(ctx, administrators.length ? administrators : people)} onChange={(x) => set('portfolioHolderIds', x)}
          />
          <SelectField
            name="officialIds" label={L.officialIds} value={v.officialIds} error={e.officialIds} emptyLabel={nl.form.none}
            options={personOptions(ctx, people)} onChange={(x) => set('officialIds', x)}
          />
          <CheckboxGroupField
            name="backupOfficialIds" label={L.backupOfficialIds} value={v.backupOfficialIds} error={e.backupOfficialIds}
            options={personOptions(ctx, people.filter((p) => p.id !== v.officialIds))} onChange={(x) => set('backupOfficialIds', x)}
          />
        </>
      )}
      {NARRATIVE.map((f) => (
        <TextareaField key={f} name={f} label={L[f]} rows={6} value={v[f]} error={e[f]} onChange={(x) => set(f, x)} />
      ))}
    </FormPageFrame>
  );
}
