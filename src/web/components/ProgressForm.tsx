import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { needsNote, nextStatuses, type TActivityStatus } from '../../domain/progress.ts';
import type { TActivity } from '../../domain/schemas.ts';
import { api, ApiError } from '../api/client.ts';
import { useFormErrors, type FieldErrors } from '../forms/useFormErrors.ts';
import { nl } from '../../text/nl/web.ts';
import { useDraft } from '../forms/useDraft.ts';
import { ConflictAlert } from './ConflictAlert.tsx';
import { DraftNotice } from './DraftNotice.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { SelectField } from './SelectField.tsx';
import { TextareaField } from './TextareaField.tsx';
import { TextField } from './TextField.tsx';

const LABELS = { status: nl.progress.status, note: nl.progress.note, percentComplete: nl.progress.percent, milestone: nl.progress.milestone };
const FIELDS = Object.keys(LABELS);
const EMPTY = { note: '', percent: '', milestone: '' };

interface Props {
  activity: TActivity;
  /** After saving: the page loads the activity again. */
  onSaved: () => void;
  onReload: () => void;
}

/** A whole percentage 0–100, or null for empty; undefined when it is not one. */
function toPercent(value: string): number | null | undefined {
  if (!value.trim()) return null;
  const n = Number(value.trim().replace(/%$/, ''));
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n : undefined;
}

/**
 * "Voortgang bijwerken": a note, a new status (only the steps the domain allows from the current one), a percentage
 * and a milestone. A step that needs a reason asks for the note before sending.
 */
export function ProgressForm({ activity, onSaved, onReload }: Props) {
  const from = activity.status;
  const [status, setStatus] = useState<TActivityStatus>(from);
  const [text, setText] = useState(EMPTY);
  const { note, percent, milestone } = text;
  const setNote = (v: string) => setText((t) => ({ ...t, note: v }));
  const setPercent = (v: string) => setText((t) => ({ ...t, percent: v }));
  const setMilestone = (v: string) => setText((t) => ({ ...t, milestone: v }));
  // A note survives a reload: a local draft per user and activity, gone once saved.
  const draft = useDraft(`progress:${activity.id}`, text, setText, EMPTY);
  const [isBusy, setBusy] = useState(false);
  const [isConflict, setConflict] = useState(false);
  const errors = useFormErrors({ fieldOrder: FIELDS, labels: LABELS });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setConflict(false);
    const found: FieldErrors = {};
    const percentComplete = toPercent(percent);
    const isChange = status !== from;
    if (percentComplete === undefined) found.percentComplete = nl.progress.percentInvalid;
    if (isChange && needsNote(from, status) && !note.trim()) found.note = nl.progress.noteRequired;
    if (!isChange && !note.trim() && percentComplete == null && !milestone.trim()) found.note = nl.progress.nothing;
    if (Object.keys(found).length) return errors.show(found);
    setBusy(true);
    try {
      await api.addProgress(activity.id, {
        ...(isChange ? { status, version: activity.version } : {}),
        note: note.trim() || null,
        percentComplete,
        milestone: milestone.trim() || null,
      });
      errors.clear();
      draft.clear();
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.isConflict) setConflict(true);
      else errors.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  const options = [from, ...nextStatuses(from)].map((s) => ({
    value: s, label: s === from ? nl.progress.keepStatus(nl.labels.activityStatus[s]) : nl.labels.activityStatus[s],
  }));
  return (
    <>
      <Paragraph>{nl.progress.updateIntro}</Paragraph>
      <DraftNotice restoredAt={draft.restoredAt} onDiscard={draft.discard} />
      {isConflict && <ConflictAlert onReload={onReload} />}
      <ErrorSummary ref={errors.summaryRef} items={errors.items} general={errors.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-labelledby="voortgang-bijwerken">
        <SelectField
          name="status" label={LABELS.status} isRequired value={status} error={errors.errors.status}
          description={nl.progress.statusHelp} options={options} onChange={(v) => setStatus(v as TActivityStatus)}
        />
        <TextareaField
          name="note" label={LABELS.note} value={note} error={errors.errors.note} description={nl.progress.noteHelp}
          onChange={setNote}
        />
        <TextField
          name="percentComplete" label={LABELS.percentComplete} size="small" inputMode="numeric" value={percent}
          error={errors.errors.percentComplete} description={nl.progress.percentHelp} onChange={setPercent}
        />
        <TextField
          name="milestone" label={LABELS.milestone} value={milestone} error={errors.errors.milestone}
          description={nl.progress.milestoneHelp} onChange={setMilestone}
        />
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? nl.form.saving : nl.progress.submit}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
