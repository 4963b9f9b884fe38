import type { FormEvent, ReactNode, RefObject } from 'react';
import { nl } from '../i18n/nl.ts';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { ConflictAlert } from './ConflictAlert.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { FormActions } from './FormActions.tsx';
import { PageHeading } from './PageHeading.tsx';

/** The parts of useEntityForm that the frame shows. */
interface FormState {
  summary: { field: string; message: string }[];
  formError?: string;
  isConflict: boolean;
  isSaving: boolean;
  submit: (event: FormEvent) => void;
  summaryRef: RefObject<HTMLDivElement | null>;
  conflictRef: RefObject<HTMLDivElement | null>;
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
  children: ReactNode;
}

/** A create or edit page: heading, error summary, the 409 notice, the form and its buttons. */
export function FormPageFrame({ title, context, crumbs, form, labels, onReload, cancelTo, children }: Props) {
  const items = form.summary.map((s) => ({ ...s, label: labels[s.field] ?? s.field }));
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading preHeading={context} title={`${title} – ${context}`}>
        {title}
      </PageHeading>
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
