import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ZGoalCreate, type TGoal } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { FormPageFrame } from '../../components/FormPageFrame.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { loadFormContext, nextPosition, orNull, text, themeLabel, type FormContext } from '../../forms/context.ts';
import { useEntityForm } from '../../forms/useEntityForm.ts';
import { useMaySave } from '../../forms/useMaySave.ts';
import { nl } from '../../../text/nl/web.ts';
import { paths, returnTarget } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';

const L = { title: nl.goal.title, description: nl.goal.description };
const FIELDS = Object.keys(L);

/** Create (under a theme) or edit a goal. */
export function GoalFormPage() {
  const { planId = '', themeId, goalId } = useParams();
  const state = useLoad(async () => {
    const [ctx, record] = await Promise.all([
      loadFormContext(planId), goalId ? api.get('goals', goalId) : Promise.resolve(undefined),
    ]);
    return { ctx, record };
  }, `${planId}/${goalId ?? themeId}`);
  return (
    <LoadState state={state}>
      {({ ctx, record }) => (
        <GoalForm key={record?.version ?? 'new'} ctx={ctx} record={record} themeId={record?.themeId ?? themeId ?? ''} onReload={state.reload} />
      )}
    </LoadState>
  );
}

interface Props {
  ctx: FormContext;
  record?: TGoal;
  themeId: string;
  onReload: () => void;
}

function GoalForm({ ctx, record, themeId, onReload }: Props) {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { plan } = ctx;
  const maySave = useMaySave(ctx, 'goals', record);
  const theme = plan.themes.find((t) => t.id === themeId);
  const back = returnTarget(search, paths.theme(plan.id, themeId));
  const form = useEntityForm({
    resource: 'goals',
    plan,
    record,
    schema: ZGoalCreate,
    fieldOrder: FIELDS,
    initial: { title: text(record?.title), description: text(record?.description) },
    toFields: (v) => ({
      fields: {
        themeId,
        title: v.title,
        description: orNull(v.description),
        ...(record ? {} : { position: nextPosition(theme?.goals ?? []) }),
      },
      errors: {},
    }),
    onSaved: () => void navigate(back),
  });
  const { values: v, setValue: set, errors: e } = form;
  const context = theme ? themeLabel(theme) : plan.title;
  return (
    <FormPageFrame
      canSave={maySave}
      title={record ? nl.form.editGoal : nl.form.newGoal}
      context={context}
      crumbs={[{ label: plan.title, to: paths.plan(plan.id) }, { label: context, to: paths.theme(plan.id, themeId) }]}
      form={form}
      labels={L}
      onReload={onReload}
      cancelTo={back}
    >
      <TextareaField name="title" label={L.title} isRequired rows={3} value={v.title} error={e.title} onChange={(x) => set('title', x)} />
      <TextareaField name="description" label={L.description} rows={6} value={v.description} error={e.description} onChange={(x) => set('description', x)} />
    </FormPageFrame>
  );
}
