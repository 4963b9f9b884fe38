import { Checkbox, FormField, FormLabel } from '@utrecht/component-library-react';
import { Description, ErrorMessage, fieldAria, type BaseFieldProps } from './FieldParts.tsx';

interface Props extends BaseFieldProps {
  value: boolean;
  onChange: (value: boolean) => void;
}

/** One checkbox with its label ("PM"). */
export function CheckboxField({ value, onChange, ...field }: Props) {
  const aria = fieldAria({ ...field, isRequired: false });
  return (
    <FormField type="checkbox" invalid={!!field.error} className="regie-checkbox">
      <Checkbox {...aria} checked={value} invalid={!!field.error} onChange={(e) => onChange(e.target.checked)} />
      <FormLabel htmlFor={aria.id} type="checkbox">{field.label}</FormLabel>
      <Description {...field} />
      <ErrorMessage {...field} />
    </FormField>
  );
}
