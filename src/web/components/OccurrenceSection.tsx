import { useState, type FormEvent } from 'react';
import {
  Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { TOccurrence } from '../../domain/progress.ts';
import { api } from '../api/client.ts';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDate } from '../../text/format.ts';
import { errorMessage } from './LoadState.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextField } from './TextField.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

const LABELS = { occurredOn: nl.progress.occurredOn, occurrenceNote: nl.progress.occurrenceNote };
const FIELDS = Object.keys(LABELS);

interface Props {
  activityId: string;
  occurrences: TOccurrence[];
  canRecord: boolean;
  /** After a change: the message to announce; the page loads again. */
  onChanged: (message: string) => void;
}

/** The occurrences recorded for an activity with a frequency, newest first, and the form to record one. */
export function OccurrenceSection({ activityId, occurrences, canRecord, onChanged }: Props) {
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const errors = useFormErrors({ fieldOrder: FIELDS, labels: LABELS });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!date) return errors.show({ occurredOn: nl.progress.dateRequired });
    setBusy('add');
    try {
      const saved = await api.addOccurrence(activityId, { occurredOn: date, note: note.trim() || null });
      errors.clear();
      setDate('');
      setNote('');
      onChanged(nl.progress.occurrenceAdded(formatDate(saved.occurredOn)));
    } catch (err) {
      errors.showServerError(err, (path) => (path === 'note' ? 'occurrenceNote' : path.split('.')[0]));
    } finally {
      setBusy(null);
    }
  };

  const remove = async (o: TOccurrence) => {
    if (busy) return;
    setBusy(o.id);
    try {
      await api.deleteOccurrence(activityId, o.id);
      onChanged(nl.progress.removed(formatDate(o.occurredOn)));
    } catch (err) {
      errors.show({}, errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="vastgelegde-keren">
      <Heading level={3} id="vastgelegde-keren">{nl.progress.occurrences}</Heading>
      <ErrorSummary ref={errors.summaryRef} items={errors.items} general={errors.general} />
      {occurrences.length ? (
        <ScrollRegion label={nl.progress.occurrences}>
          <Table className="regie-table">
            <TableCaption className="regie-visually-hidden">{nl.progress.occurrences}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{nl.progress.occurredOn}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.progress.occurrenceNote}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.progress.author}</TableHeaderCell>
                {canRecord && <TableHeaderCell scope="col"><span className="regie-visually-hidden">{nl.progress.remove}</span></TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {occurrences.map((o) => (
                <TableRow key={o.id}>
                  <TableCell>{formatDate(o.occurredOn)}</TableCell>
                  <TableCell>{o.note || nl.app.empty}</TableCell>
                  <TableCell>{o.authorName}</TableCell>
                  {canRecord && (
                    <TableCell>
                      <Button appearance="subtle-button" busy={busy === o.id} aria-disabled={!!busy || undefined} onClick={() => remove(o)}>
                        {nl.progress.remove}
                        <span className="regie-visually-hidden">{nl.progress.removeLabel(formatDate(o.occurredOn))}</span>
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      ) : (
        <Paragraph>{nl.progress.noOccurrences}</Paragraph>
      )}
      {canRecord && (
        <form noValidate onSubmit={add} className="regie-form" aria-labelledby="keer-vastleggen">
          <Heading level={4} id="keer-vastleggen">{nl.progress.addOccurrence}</Heading>
          <Paragraph>{nl.progress.addOccurrenceIntro}</Paragraph>
          <TextField name="occurredOn" label={LABELS.occurredOn} type="date" size="small" isRequired value={date} error={errors.errors.occurredOn} onChange={setDate} />
          <TextField name="occurrenceNote" label={LABELS.occurrenceNote} value={note} error={errors.errors.occurrenceNote} onChange={setNote} />
          <ButtonGroup className="regie-form-actions">
            <Button type="submit" appearance="secondary-action-button" busy={busy === 'add'} aria-disabled={!!busy || undefined}>
              {busy === 'add' ? nl.form.saving : nl.progress.addOccurrence}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
