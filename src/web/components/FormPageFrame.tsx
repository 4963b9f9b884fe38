import type { FormEvent, ReactNode, RefObject } from 'react';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { nl } from '../../text/nl/web.ts';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { ConflictAlert } from './ConflictAlert.tsx';
import { DraftNotice } from './DraftNotice.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { FormActions } from './FormActions.tsx';
import { PageHeading } from './PageHeading.tsx';
import { NoEditNotice } from './NoEditNotice.tsx';

/** The parts of useEntityForm that the frame shows. */
interface FormState {
  summary: { field: string; message: string }[];
  formError?: string;
  isConflict: boolean;
  isSaving: boolean;
  submit: (event: FormEvent) => void;
  summaryRef: RefObject<HTMLDivElement | null>;
  conflictRef: RefObject<HTMLDivElement | null>;
  draft: { restoredAt: string | null; discard: () => void };
  /** The plan's adopted version, when saving would make the plan a concept again (ADR 0020). */
  adopted?: { stage: string; number: number | null } | null;
}

interface Props {
  title: string;
  /** What the form is about: the plan or theme. */
  context: string;
  crumbs: { label: string; to: string }[];
  form: FormState;
  /** Field labels by name, for the error summary. */
  labels: Record<string, string>;
  onReload: () => void;
  cancelTo: string;
  /** Whether the user may save: otherwise the page says so instead of showing a form that cannot be saved. */
  canSave: boolean;
  children: ReactNode;
}

/** A create or edit page: heading, error summary, the 409 notice, the form and its buttons. */
export function FormPageFrame({ title, context, crumbs, form, labels, onReload, cancelTo, canSave, children }: Props) {
  const items = form.summary.map((s) => ({ ...s, label: labels[s.field] ?? s.field }));
  const heading = (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading preHeading={context} title={`${title} – ${context}`}>
        {title}
      </PageHeading>
    </>
  );
  if (!canSave) {
    return (
      <>
        {heading}
        <NoEditNotice back={cancelTo} />
      </>
    );
  }
  return (
    <>
      {heading}
      <DraftNotice restoredAt={form.draft.restoredAt} onDiscard={form.draft.discard} />
      {form.adopted && (
        <Alert type="warning">
          <Heading level={2}>{nl.servedVersion.warningTitle}</Heading>
          <Paragraph>{nl.servedVersion.warning(form.adopted.stage, form.adopted.number)}</Paragraph>
        </Alert>
      )}
      {form.isConflict && <ConflictAlert ref={form.conflictRef} onReload={onReload} />}
      <ErrorSummary ref={form.summaryRef} items={items} general={form.formError} />
      <form noValidate onSubmit={form.submit} className="regie-form" aria-label={title}>
        {children}
        <FormActions isSaving={form.isSaving} cancelTo={cancelTo} />
      </form>
      <span className="regie-visually-hidden" aria-live="polite">{form.isSaving ? nl.form.saving : ''}</span>
    </>
  );
}
