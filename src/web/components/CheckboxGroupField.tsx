import { Checkbox, FormField, FormLabel } from '@utrecht/component-library-react';
import { GroupFrame, optionId, type BaseFieldProps } from './FieldParts.tsx';

interface Props extends BaseFieldProps {
  value: string[];
  onChange: (value: string[]) => void;
  options: { value: string; label: string }[];
}

/** A group of checkboxes in a fieldset; the first checkbox carries the id the error summary links to. */
export function CheckboxGroupField({ value, onChange, options, ...field }: Props) {
  const toggle = (option: string, isChecked: boolean) =>
    onChange(isChecked ? [...value, option] : value.filter((v) => v !== option));
  return (
    <GroupFrame {...field}>
      <div className="regie-checkbox-list">
        {options.map((o, n) => {
          const id = optionId(field.name, n);
          return (
            <FormField key={o.value} type="checkbox" className="regie-checkbox">
              <Checkbox
                id={id}
                name={field.name}
                value={o.value}
                checked={value.includes(o.value)}
                invalid={!!field.error}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <FormLabel htmlFor={id} type="checkbox">{o.label}</FormLabel>
            </FormField>
          );
        })}
      </div>
    </GroupFrame>
  );
}
