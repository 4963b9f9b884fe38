import { Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel } from '@utrecht/component-library-react';
import { Description, ErrorMessage, fieldId, Label, type BaseFieldProps } from './FieldParts.tsx';

interface Props extends BaseFieldProps {
  value: string[];
  onChange: (value: string[]) => void;
  options: { value: string; label: string }[];
}

/** A group of checkboxes in a fieldset; the first checkbox carries the id the error summary links to. */
export function CheckboxGroupField({ value, onChange, options, ...field }: Props) {
  const id = fieldId(field.name);
  const toggle = (option: string, isChecked: boolean) =>
    onChange(isChecked ? [...value, option] : value.filter((v) => v !== option));
  const describedBy = [field.description && `${id}-description`, field.error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <Fieldset invalid={!!field.error} aria-describedby={describedBy || undefined} className="regie-fieldset">
      <FieldsetLegend>
        <Label {...field} htmlFor={false} />
      </FieldsetLegend>
      <Description {...field} />
      <ErrorMessage {...field} />
      <div className="regie-checkbox-list">
        {options.map((o, n) => {
          const optionId = n === 0 ? id : `${id}-${n}`;
          return (
            <FormField key={o.value} type="checkbox" className="regie-checkbox">
              <Checkbox
                id={optionId}
                name={field.name}
                value={o.value}
                checked={value.includes(o.value)}
                invalid={!!field.error}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <FormLabel htmlFor={optionId} type="checkbox">{o.label}</FormLabel>
            </FormField>
          );
        })}
      </div>
    </Fieldset>
  );
}
