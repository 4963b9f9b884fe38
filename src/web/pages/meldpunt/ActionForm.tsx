import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, ButtonGroup, Heading } from '@utrecht/component-library-react';
import { ApiError } from '../../api/client.ts';
import { ConflictAlert } from '../../components/ConflictAlert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormErrors, type FieldErrors } from '../../forms/useFormErrors.ts';
import { nl } from '../../../text/nl/web.ts';

interface Props {
  /** The heading's id (the form is labelled by it). */
  id: string;
  heading: string;
  labels: Record<string, string>;
  submitLabel: string;
  /** Checks in the browser before sending; the server checks again. */
  validate?: () => FieldErrors;
  run: () => Promise<unknown>;
  /** After success: the page loads the melding again (with its new version). */
  onDone: () => void;
  children: (errors: FieldErrors) => ReactNode;
  /** Shown under the heading (who recorded the weging, and when). */
  intro?: ReactNode;
}

/**
 * One action on a melding as a small form of its own: its error summary, a 409 (someone else changed the melding) as
 * an offer to load it again, and the page loaded again after success. The server's field paths map to the form's
 * fields by their last part ("answer.signalen" → "signalen").
 */
export function ActionForm({ id, heading, labels, submitLabel, validate, run, onDone, children, intro }: Props) {
  const fields = Object.keys(labels);
  const errors = useFormErrors({ fieldOrder: fields, labels });
  const [isBusy, setBusy] = useState(false);
  const [isConflict, setConflict] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setConflict(false);
    const found = validate?.() ?? {};
    if (Object.keys(found).length) return errors.show(found);
    setBusy(true);
    try {
      await run();
      errors.clear();
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.isConflict && err.errors.some((e) => e.path === 'version')) setConflict(true);
      else errors.showServerError(err, (p) => (fields.includes(p) ? p : (p.split('.').pop() ?? p)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={id} className="regie-meldpunt-action">
      <Heading level={3} id={id}>{heading}</Heading>
      {intro}
      {isConflict && <ConflictAlert onReload={onDone} />}
      <ErrorSummary ref={errors.summaryRef} items={errors.items} general={errors.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-labelledby={id}>
        {children(errors.errors)}
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="secondary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? nl.meldpuntTriage.actions.saving : submitLabel}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
