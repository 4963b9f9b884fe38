import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Fieldset, FieldsetLegend, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { hasPlaceholder } from '../../../domain/proposal.ts';
import { FOLLOW_UP_KINDS, ZDecisionCreate, type TDecision, type TSection } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage, fieldId } from '../../components/FieldParts.tsx';
import { FormPageFrame } from '../../components/FormPageFrame.tsx';
import { ListItemControls, moved } from '../../components/ListItemControls.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { loadFormContext, orNull, text, type FormContext } from '../../forms/context.ts';
import { useEntityForm, type FieldErrors } from '../../forms/useEntityForm.ts';
import { useMaySave } from '../../forms/useMaySave.ts';
import { nl } from '../../../text/nl/web.ts';
import { proposalText } from '../../../text/nl/proposal.ts';
import { paths, returnTarget } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';

const P = proposalText.proposal;
const L: Record<string, string> = {
  title: P.heading.subject, reference: P.reference, decisionPoints: P.points, sections: P.sectionsHeading, followUps: P.followUpsHeading,
};
const FIELDS = Object.keys(L);

type FollowUpValues = { kind: TDecision['followUps'][number]['kind']; description: string; addressee: string; dueText: string; dueDate: string };

/** Edit a collegevoorstel (a decision): subject, kenmerk, decision points, sections and follow-ups. */
export function ProposalFormPage() {
  const { planId = '', decisionId = '' } = useParams();
  const state = useLoad(async () => {
    const [ctx, record] = await Promise.all([loadFormContext(planId), api.get('decisions', decisionId)]);
    return { ctx, record };
  }, `${planId}/${decisionId}`);
  return (
    <LoadState state={state}>
      {({ ctx, record }) => <ProposalForm key={record.version} ctx={ctx} record={record} onReload={state.reload} />}
    </LoadState>
  );
}

/** Ids of the inputs of list items: the first item's first input carries the list's id, which the error summary links to. */
const itemName = (list: string, n: number, part = '') => (n === 0 && !part ? list : `${list}-${n}${part ? `-${part}` : ''}`);

function ProposalForm({ ctx, record, onReload }: { ctx: FormContext; record: TDecision; onReload: () => void }) {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { plan } = ctx;
  const maySave = useMaySave(ctx, 'decisions', record);
  const back = returnTarget(search, `${paths.plan(plan.id)}#besluiten`);
  const form = useEntityForm({
    resource: 'decisions',
    record,
    schema: ZDecisionCreate,
    fieldOrder: FIELDS,
    // 8,800 px of text: a reload or a crash must not lose it.
    draftKey: `decision:${record.id}:${record.version}`,
    initial: {
      title: record.title,
      reference: text(record.reference),
      decisionPoints: record.decisionPoints,
      sections: record.sections,
      followUps: record.followUps.map((f): FollowUpValues => ({
        kind: f.kind, description: f.description, addressee: text(f.addressee), dueText: text(f.dueText), dueDate: text(f.dueDate),
      })),
    },
    toFields: (v) => {
      // Which item is empty, by number: the schema would only say "Verplicht veld" for the whole list.
      const errors: FieldErrors = {};
      const empty = (items: string[]) => items.findIndex((s) => !s.trim()) + 1 || null;
      const point = empty(v.decisionPoints);
      if (point) errors.decisionPoints = `${P.point(point)}: ${P.fillItem}`;
      const section = empty(v.sections.map((s) => s.title));
      if (section) errors.sections = `${P.section(section)}: ${P.fillSectionTitle}`;
      const followUp = empty(v.followUps.map((f) => f.description));
      if (followUp) errors.followUps = `${P.followUp(followUp)}: ${P.fillFollowUp}`;
      return {
        fields: {
          title: v.title,
          reference: orNull(v.reference),
          decisionPoints: v.decisionPoints,
          sections: v.sections,
          followUps: v.followUps.map((f) => ({
            kind: f.kind, description: f.description, addressee: orNull(f.addressee), dueText: orNull(f.dueText), dueDate: orNull(f.dueDate),
          })),
        },
        errors,
      };
    },
    onSaved: () => void navigate(back),
  });
  const { values: v, setValue: set, errors: e } = form;
  const setSection = (n: number, patch: Partial<TSection>) => set('sections', v.sections.map((s, i) => (i === n ? { ...s, ...patch } : s)));
  const setFollowUp = (n: number, patch: Partial<FollowUpValues>) => set('followUps', v.followUps.map((f, i) => (i === n ? { ...f, ...patch } : f)));
  const unfilled = [
    ...(hasPlaceholder(v.title) ? [{ label: L.title, id: fieldId('title') }] : []),
    ...v.decisionPoints.flatMap((p, n) => (hasPlaceholder(p) ? [{ label: P.point(n + 1), id: fieldId(itemName('decisionPoints', n)) }] : [])),
    ...v.sections.flatMap((s, n) => (hasPlaceholder(s.title) || hasPlaceholder(s.body) ? [{ label: s.title || P.section(n + 1), id: fieldId(itemName('sections', n, 'body')) }] : [])),
  ];

  return (
    <FormPageFrame
      canSave={maySave}
      title={P.editTitle}
      context={plan.title}
      crumbs={[{ label: plan.title, to: paths.plan(plan.id) }]}
      form={form}
      labels={L}
      onReload={onReload}
      cancelTo={back}
    >
      {unfilled.length > 0 && (
        <Alert type="warning" className="regie-unfilled">
          <Heading level={2}>{P.stillToFill}</Heading>
          <Paragraph>{P.stillToFillIntro}</Paragraph>
          <UnorderedList>
            {unfilled.map((u) => (
              <UnorderedListItem key={u.id}><a className="utrecht-link utrecht-link--html-a" href={`#${u.id}`}>{u.label}</a></UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      )}
      <TextField name="title" label={L.title} isRequired value={v.title} error={e.title} onChange={(x) => set('title', x)} />
      <TextField name="reference" label={L.reference} size="medium" value={v.reference} error={e.reference} onChange={(x) => set('reference', x)} />

      <Fieldset invalid={!!e.decisionPoints} className="regie-fieldset regie-list-editor">
        <FieldsetLegend>{P.points}</FieldsetLegend>
        <ErrorMessage name="decisionPoints" label={P.points} error={e.decisionPoints} />
        {v.decisionPoints.map((point, n) => (
          <div key={n} className="regie-list-item">
            <TextareaField
              name={itemName('decisionPoints', n)} label={P.point(n + 1)} isRequired rows={2} value={point}
              onChange={(x) => set('decisionPoints', v.decisionPoints.map((p, i) => (i === n ? x : p)))}
            />
            <ListItemControls
              label={P.point(n + 1)} index={n} count={v.decisionPoints.length}
              onMove={(from, to) => set('decisionPoints', moved(v.decisionPoints, from, to))}
              onRemove={(i) => set('decisionPoints', v.decisionPoints.filter((_, k) => k !== i))}
            />
          </div>
        ))}
        <Button type="button" appearance="secondary-action-button" onClick={() => set('decisionPoints', [...v.decisionPoints, ''])}>{P.addPoint}</Button>
      </Fieldset>

      <Fieldset invalid={!!e.sections} className="regie-fieldset regie-list-editor">
        <FieldsetLegend>{P.sectionsHeading}</FieldsetLegend>
        <ErrorMessage name="sections" label={P.sectionsHeading} error={e.sections} />
        {v.sections.map((s, n) => (
          <Fieldset key={n} className="regie-fieldset regie-list-item">
            <FieldsetLegend>{s.title || P.section(n + 1)}</FieldsetLegend>
            {(hasPlaceholder(s.body) || hasPlaceholder(s.title)) && <Paragraph className="regie-placeholder-note">{P.holdsPlaceholder}</Paragraph>}
            <TextField name={itemName('sections', n)} label={P.sectionTitle} isRequired value={s.title} onChange={(x) => setSection(n, { title: x })} />
            <TextareaField name={itemName('sections', n, 'body')} label={P.sectionBody} rows={8} value={s.body} onChange={(x) => setSection(n, { body: x })} />
            <ListItemControls
              label={s.title || P.section(n + 1)} index={n} count={v.sections.length}
              onMove={(from, to) => set('sections', moved(v.sections, from, to))}
              onRemove={(i) => set('sections', v.sections.filter((_, k) => k !== i))}
            />
          </Fieldset>
        ))}
        <Button
          type="button" appearance="secondary-action-button"
          onClick={() => set('sections', [...v.sections, { key: `${P.newSectionKey}-${v.sections.length + 1}`, title: '', body: '' }])}
        >
          {P.addSection}
        </Button>
      </Fieldset>

      <Fieldset invalid={!!e.followUps} className="regie-fieldset regie-list-editor">
        <FieldsetLegend>{P.followUpsHeading}</FieldsetLegend>
        <ErrorMessage name="followUps" label={P.followUpsHeading} error={e.followUps} />
        {v.followUps.map((f, n) => (
          <Fieldset key={n} className="regie-fieldset regie-list-item">
            <FieldsetLegend>{P.followUp(n + 1)}</FieldsetLegend>
            <SelectField
              name={itemName('followUps', n, 'kind')} label={P.followUpKind} isRequired value={f.kind}
              options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: nl.labels.followUp[k] }))}
              onChange={(x) => setFollowUp(n, { kind: x as FollowUpValues['kind'] })}
            />
            <TextareaField name={itemName('followUps', n)} label={P.followUpDescription} isRequired rows={2} value={f.description} onChange={(x) => setFollowUp(n, { description: x })} />
            <TextField name={itemName('followUps', n, 'addressee')} label={P.followUpAddressee} size="medium" value={f.addressee} onChange={(x) => setFollowUp(n, { addressee: x })} />
            <TextField name={itemName('followUps', n, 'dueText')} label={P.followUpDue} size="medium" value={f.dueText} onChange={(x) => setFollowUp(n, { dueText: x })} />
            <TextField name={itemName('followUps', n, 'dueDate')} label={P.followUpDate} type="date" size="small" value={f.dueDate} onChange={(x) => setFollowUp(n, { dueDate: x })} />
            <ListItemControls
              label={P.followUp(n + 1)} index={n} count={v.followUps.length}
              onMove={(from, to) => set('followUps', moved(v.followUps, from, to))}
              onRemove={(i) => set('followUps', v.followUps.filter((_, k) => k !== i))}
            />
          </Fieldset>
        ))}
        <Button
          type="button" appearance="secondary-action-button"
          onClick={() => set('followUps', [...v.followUps, { kind: 'other', description: '', addressee: '', dueText: '', dueDate: '' }])}
        >
          {P.addFollowUp}
        </Button>
      </Fieldset>
    </FormPageFrame>
  );
}
