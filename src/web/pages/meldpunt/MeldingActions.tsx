import { useState } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import type { TMeldingStatus } from '../../../domain/meldpunt.ts';
import type { TMeldingDetail, TQueueItem } from '../../../domain/meldpunt-triage.ts';
import { meldpuntApi } from '../../api/meldpunt-triage.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { useSession } from '../../session/SessionContext.tsx';
import { meldingStatusLabels } from '../../../text/nl/meldpunt-triage.ts';
import { nl } from '../../../text/nl/web.ts';
import { ActionForm } from './ActionForm.tsx';

const A = nl.meldpuntTriage.actions;
const required = (v: string, k: string) => (v.trim() ? {} : { [k]: nl.meldpuntTriage.errors.required });
type P = { melding: TMeldingDetail; onDone: () => void };

/** Assign to a behandelaar (me, or another) and link to a theme or activity of the municipality's programme. */
export function AssignForm({ melding, onDone }: P) {
  const { user } = useSession();
  const [handlerId, setHandler] = useState(melding.handler?.id ?? '');
  const [themeId, setTheme] = useState(melding.theme?.id ?? '');
  const [activityId, setActivity] = useState(melding.activity?.id ?? '');
  const theme = melding.themes.find((t) => t.id === themeId);
  const labels = { handlerId: A.handler, themeId: A.theme, activityId: A.activity };
  return (
    <ActionForm
      id="toewijzen" heading={A.assignHeading} labels={labels} submitLabel={A.save} onDone={onDone}
      run={() => meldpuntApi.change(melding.id, { version: melding.version, handlerId: handlerId || null, themeId: themeId || null, activityId: activityId || null })}
    >
      {(errors) => (
        <>
          <SelectField
            name="handlerId" label={A.handler} value={handlerId} onChange={setHandler} emptyLabel={A.nobody} error={errors.handlerId}
            options={melding.handlers.map((h) => ({ value: h.id, label: h.id === user?.id ? `${h.name} (${A.assignMe.toLowerCase()})` : h.name }))}
          />
          <SelectField
            name="themeId" label={A.theme} value={themeId} emptyLabel={A.none} error={errors.themeId}
            onChange={(v) => { setTheme(v); setActivity(''); }} options={melding.themes.map((t) => ({ value: t.id, label: t.title }))}
          />
          {theme && theme.activities.length > 0 && (
            <SelectField
              name="activityId" label={A.activity} value={activityId} onChange={setActivity} emptyLabel={A.none} error={errors.activityId}
              options={theme.activities.map((a) => ({ value: a.id, label: a.title }))}
            />
          )}
        </>
      )}
    </ActionForm>
  );
}

/** A status change by the allowed steps; closing and reopening ask for a text. */
export function StatusForm({ melding, onDone }: P) {
  const [to, setTo] = useState<string>('');
  const [text, setText] = useState('');
  const labels = { to: A.to, text: A.text };
  const needsText = to === 'afgesloten' || melding.status === 'afgesloten';
  if (melding.nextStatuses.length === 0) return null;
  return (
    <ActionForm
      id="status" heading={A.statusHeading} labels={labels} submitLabel={A.change} onDone={() => { setText(''); setTo(''); onDone(); }}
      validate={() => ({ ...required(to, 'to'), ...(needsText ? required(text, 'text') : {}) })}
      run={() => meldpuntApi.status(melding.id, to as TMeldingStatus, text, melding.version)}
    >
      {(errors) => (
        <>
          <SelectField
            name="to" label={A.to} isRequired value={to} onChange={setTo} emptyLabel={nl.meldpuntTriage.signal.choose} error={errors.to}
            options={melding.nextStatuses.map((s) => ({ value: s, label: meldingStatusLabels[s] }))}
          />
          <TextareaField name="text" label={A.text} isRequired={needsText} description={A.textHint} value={text} onChange={setText} rows={3} error={errors.text} />
        </>
      )}
    </ActionForm>
  );
}

/** A question to the reporter (read with the meldcode). */
export function QuestionForm({ melding, onDone }: P) {
  const [body, setBody] = useState('');
  if (!melding.canAsk) return <Paragraph>{A.cannotAsk}</Paragraph>;
  return (
    <ActionForm
      id="vraag" heading={A.questionHeading} labels={{ body: A.question }} submitLabel={A.ask} onDone={() => { setBody(''); onDone(); }}
      validate={() => required(body, 'body')} run={() => meldpuntApi.ask(melding.id, body, melding.version)}
    >
      {(errors) => <TextareaField name="body" label={A.question} isRequired description={A.questionHint} value={body} onChange={setBody} rows={3} error={errors.body} />}
    </ActionForm>
  );
}

/** An internal note. */
export function NoteForm({ melding, onDone }: P) {
  const [body, setBody] = useState('');
  return (
    <ActionForm
      id="notitie" heading={A.noteHeading} labels={{ note: A.note }} submitLabel={A.addNote} onDone={() => { setBody(''); onDone(); }}
      validate={() => required(body, 'note')} run={() => meldpuntApi.note(melding.id, body)}
    >
      {(errors) => <TextareaField name="note" label={A.note} isRequired value={body} onChange={setBody} rows={3} error={errors.note ?? errors.body} />}
    </ActionForm>
  );
}

/** Merging this melding, a duplicate, into a main melding of the same municipality. */
export function MergeForm({ melding, candidates, onDone }: P & { candidates: TQueueItem[] }) {
  const [mainId, setMain] = useState('');
  const options = candidates.filter((c) => c.id !== melding.id && c.municipalityId === melding.municipalityId);
  if (!options.length || !['nieuw', 'in_behandeling'].includes(melding.status)) return null;
  return (
    <ActionForm
      id="samenvoegen" heading={A.mergeHeading} labels={{ mainId: A.mainId }} submitLabel={A.merge} onDone={onDone}
      validate={() => required(mainId, 'mainId')} run={() => meldpuntApi.merge(melding.id, mainId, melding.version)}
    >
      {(errors) => (
        <SelectField
          name="mainId" label={A.mainId} isRequired description={A.mainHint} value={mainId} onChange={setMain} error={errors.mainId}
          emptyLabel={nl.meldpuntTriage.signal.choose} options={options.map((c) => ({ value: c.id, label: `${c.number} – ${c.category.name}` }))}
        />
      )}
    </ActionForm>
  );
}
