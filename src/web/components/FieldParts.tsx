import type { ReactNode } from 'react';
import { Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '@utrecht/component-library-react';
import { nl } from '../../text/nl/web.ts';

/** What every form field takes. The input's id is `field-<name>`, which the error summary links to. */
export interface BaseFieldProps {
  name: string;
  label: string;
  error?: string;
  description?: ReactNode;
  isRequired?: boolean;
}

export const fieldId = (name: string) => `field-${name}`;

/** Ids and ARIA attributes that tie an input to its description and error message. */
export function fieldAria({ name, error, description, isRequired }: BaseFieldProps) {
  const id = fieldId(name);
  const describedBy = [description && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ');
  return {
    id,
    name,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-required': isRequired ? (true as const) : undefined,
  };
}

/** A label; optional fields say so, as people expect every unmarked field to be required. */
export function Label({ name, label, isRequired, htmlFor = true }: BaseFieldProps & { htmlFor?: boolean }) {
  const text = (
    <>
      {label}
      {!isRequired && <span className="regie-optional"> {nl.form.optional}</span>}
    </>
  );
  return htmlFor ? <FormLabel htmlFor={fieldId(name)}>{text}</FormLabel> : text;
}

export function Description({ name, description }: BaseFieldProps) {
  return description ? <FormFieldDescription id={`${fieldId(name)}-description`}>{description}</FormFieldDescription> : null;
}

export function ErrorMessage({ name, error }: BaseFieldProps) {
  return error ? (
    <FormFieldErrorMessage id={`${fieldId(name)}-error`} className="regie-field-error">
      {error}
    </FormFieldErrorMessage>
  ) : null;
}

/** A form field around any input: label, description and error message in the NL Design System layout. */
export function FieldFrame({ input, ...field }: BaseFieldProps & { input: ReactNode }) {
  return (
    <FormField
      invalid={!!field.error}
      label={<Label {...field} />}
      description={<Description {...field} />}
      errorMessage={<ErrorMessage {...field} />}
      input={input}
    />
  );
}

/** The id of a group's n-th option: the first carries the field's id, which the error summary links to. */
export const optionId = (name: string, n: number) => (n === 0 ? fieldId(name) : `${fieldId(name)}-${n}`);

/** A fieldset around a group of options (checkboxes, radio buttons): legend, description and error message. */
export function GroupFrame({ children, ...field }: BaseFieldProps & { children: ReactNode }) {
  const id = fieldId(field.name);
  const describedBy = [field.description && `${id}-description`, field.error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <Fieldset invalid={!!field.error} aria-describedby={describedBy || undefined} className="regie-fieldset">
      <FieldsetLegend>
        <Label {...field} htmlFor={false} />
      </FieldsetLegend>
      <Description {...field} />
      <ErrorMessage {...field} />
      {children}
    </Fieldset>
  );
}
