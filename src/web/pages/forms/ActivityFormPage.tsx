import { useNavigate, useParams, useSearchParams } from 'react-router';
import { parseFrequency } from '../../../domain/frequency.ts';
import { suggestFrequency, suggestTimeframe } from '../../../domain/parse-suggestions.ts';
import { Paragraph } from '@utrecht/component-library-react';
import { ZActivityCreate, type TActivity } from '../../../domain/schemas.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { parseQuarterCode, parseTimeframe } from '../../../domain/timeframe.ts';
import { api } from '../../api/client.ts';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { MultiSelectField } from '../../components/MultiSelectField.tsx';
import { FormPageFrame } from '../../components/FormPageFrame.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import {
  loadFormContext, nextPosition, orNull, peopleFor, personOptions, stakeholderOptions, text, themeLabel, planCrumbs,
  type FormContext,
} from '../../forms/context.ts';
import { useEntityForm } from '../../forms/useEntityForm.ts';
import { useMaySave } from '../../forms/useMaySave.ts';
import { nl } from '../../../text/nl/web.ts';
import { formatFrequency, formatTimeframe } from '../../../text/format.ts';
import { paths, returnTarget } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';

const L = {
  title: nl.activity.title, themeId: nl.activity.theme, explanation: nl.activity.explanation,
  timeframeText: nl.activity.timeframe, frequencyText: nl.activity.frequency, stakeholdersText: nl.activity.stakeholders,
  stakeholderIds: nl.activity.stakeholderOrganisations, responsibleIds: nl.activity.responsibles,
  goalIds: nl.activity.goals,
};
const FIELDS = Object.keys(L);

/** Create (under a theme) or edit an activity. */
export function ActivityFormPage() {
  const { planId = '', themeId, activityId } = useParams();
  const state = useLoad(async () => {
    const [ctx, record] = await Promise.all([
      loadFormContext(planId), activityId ? api.get('activities', activityId) : Promise.resolve(undefined),
    ]);
    return { ctx, record };
  }, `${planId}/${activityId ?? themeId}`);
  return (
    <LoadState state={state}>
      {({ ctx, record }) => (
        <ActivityForm key={record?.version ?? 'new'} ctx={ctx} record={record} themeId={record?.themeId ?? themeId ?? ''} onReload={state.reload} />
      )}
    </LoadState>
  );
}

interface Props {
  ctx: FormContext;
  record?: TActivity;
  themeId: string;
  onReload: () => void;
}

/**
 * A reading of what was typed, shown under the field: "Gelezen als: Q1 2024 t/m Q2 2024", or "Niet herkend – bedoelt u
 * Q1–Q4 2023?" with a suggestion the parser reads (review D12), or "niet herkend".
 */
function reading(textValue: string, parsed: string | null, suggestion: string | null, help: string) {
  if (!textValue.trim()) return help;
  const unread = suggestion ? nl.activity.notRecognisedSuggestion(suggestion) : nl.activity.notRecognisedLong;
  return (
    <>
      {help}
      <span className={parsed ? 'regie-reading' : 'regie-reading regie-reading--unread'}>
        {parsed ? `${nl.activity.readingLabel}: ${parsed}` : unread}
      </span>
    </>
  );
}

function ActivityForm({ ctx, record, themeId, onReload }: Props) {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { plan } = ctx;
  const maySave = useMaySave(ctx, 'activities', record);
  const back = returnTarget(search, paths.theme(plan.id, themeId));
  const startYear = parseQuarterCode(plan.periodStart).year;
  const form = useEntityForm({
    resource: 'activities',
    plan,
    record,
    schema: ZActivityCreate,
    fieldOrder: FIELDS,
    initial: {
      title: text(record?.title), themeId, explanation: text(record?.explanation),
      timeframeText: text(record?.timeframeText), frequencyText: text(record?.frequencyText),
      stakeholdersText: text(record?.stakeholdersText), stakeholderIds: record?.stakeholderIds ?? [],
      responsibleIds: record?.responsibleIds ?? [], goalIds: record?.goalIds ?? [],
    },
    toFields: (v) => ({
      fields: {
        ...v,
        explanation: orNull(v.explanation),
        // Goals belong to a theme: after a move to another theme, the old theme's goals no longer apply.
        goalIds: v.goalIds.filter((id) => plan.themes.find((t) => t.id === v.themeId)?.goals.some((g) => g.id === id)),
        ...(record ? {} : { position: nextPosition(plan.themes.find((t) => t.id === v.themeId)?.activities ?? []) }),
      },
      errors: {},
    }),
    onSaved: () => void navigate(back),
  });
  const { values: v, setValue: set, errors: e } = form;
  const theme = plan.themes.find((t) => t.id === v.themeId);
  const goals = theme?.goals ?? [];
  const people = peopleFor(ctx, v.responsibleIds);

  return (
    <FormPageFrame
      canSave={maySave}
      title={record ? nl.form.editActivity : nl.form.newActivity}
      context={theme ? themeLabel(theme) : plan.title}
      crumbs={planCrumbs(plan, theme)}
      form={form}
      labels={L}
      onReload={onReload}
      cancelTo={back}
    >
      <TextareaField name="title" label={L.title} isRequired rows={3} value={v.title} error={e.title} onChange={(x) => set('title', x)} />
      <SelectField
        name="themeId" label={L.themeId} isRequired value={v.themeId} error={e.themeId}
        options={plan.themes.map((t) => ({ value: t.id, label: themeLabel(t) }))} onChange={(x) => set('themeId', x)}
      />
      <TextField
        name="timeframeText" label={L.timeframeText} size="medium" value={v.timeframeText} error={e.timeframeText}
        description={reading(
          v.timeframeText, formatTimeframe(parseTimeframe(v.timeframeText, startYear)), suggestTimeframe(v.timeframeText, startYear),
          nl.activity.timeframeHelp,
        )}
        onChange={(x) => set('timeframeText', x)}
      />
      <TextField
        name="frequencyText" label={L.frequencyText} size="medium" value={v.frequencyText} error={e.frequencyText}
        description={reading(
          v.frequencyText, formatFrequency(parseFrequency(v.frequencyText)), suggestFrequency(v.frequencyText), nl.activity.frequencyHelp,
        )}
        onChange={(x) => set('frequencyText', x)}
      />
      <TextField
        name="stakeholdersText" label={L.stakeholdersText} value={v.stakeholdersText} error={e.stakeholdersText}
        description={nl.activity.stakeholdersTextHelp} onChange={(x) => set('stakeholdersText', x)}
      />
      {record && (
        <Paragraph>
          {nl.activity.statusElsewhere} <AppLink to={paths.activity(record.id)}>{nl.activity.toProgress}</AppLink>
        </Paragraph>
      )}
      <TextareaField name="explanation" label={L.explanation} value={v.explanation} error={e.explanation} onChange={(x) => set('explanation', x)} />
      {goals.length > 0 && (
        <CheckboxGroupField
          name="goalIds" label={L.goalIds} value={v.goalIds} error={e.goalIds}
          options={goals.map((g) => ({ value: g.id, label: g.title }))} onChange={(x) => set('goalIds', x)}
        />
      )}
      {people.length > 0 && (
        <CheckboxGroupField
          name="responsibleIds" label={L.responsibleIds} value={v.responsibleIds} error={e.responsibleIds}
          options={personOptions(ctx, people)} onChange={(x) => set('responsibleIds', x)}
        />
      )}
      <MultiSelectField
        name="stakeholderIds" label={L.stakeholderIds} value={v.stakeholderIds} error={e.stakeholderIds}
        options={stakeholderOptions(ctx)} onChange={(x) => set('stakeholderIds', x)}
      />
    </FormPageFrame>
  );
}
