import { Fieldset, FieldsetLegend, FormField, FormLabel, RadioButton } from '@utrecht/component-library-react';
import { Description, ErrorMessage, fieldId, Label, type BaseFieldProps } from './FieldParts.tsx';

interface Props extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}

/** A choice of one among few, as radio buttons in a fieldset. */
export function RadioGroupField({ value, onChange, options, ...field }: Props) {
  const id = fieldId(field.name);
  const describedBy = [field.description && `${id}-description`, field.error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <Fieldset invalid={!!field.error} aria-describedby={describedBy || undefined} className="regie-fieldset">
      <FieldsetLegend>
        <Label {...field} htmlFor={false} />
      </FieldsetLegend>
      <Description {...field} />
      <ErrorMessage {...field} />
      {options.map((o, n) => {
        const optionId = n === 0 ? id : `${id}-${n}`;
        return (
          <FormField key={o.value} type="radio" className="regie-checkbox">
            <RadioButton
              id={optionId}
              name={field.name}
              value={o.value}
              checked={value === o.value}
              invalid={!!field.error}
              onChange={() => onChange(o.value)}
            />
            <FormLabel htmlFor={optionId} type="radio">{o.label}</FormLabel>
          </FormField>
        );
      })}
    </Fieldset>
  );
}
