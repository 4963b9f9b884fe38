import { FormField, FormLabel, RadioButton } from '@utrecht/component-library-react';
import { GroupFrame, optionId, type BaseFieldProps } from './FieldParts.tsx';

interface Props extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}

/** A choice of one among few, as radio buttons in a fieldset. */
export function RadioGroupField({ value, onChange, options, ...field }: Props) {
  return (
    <GroupFrame {...field}>
      {options.map((o, n) => {
        const id = optionId(field.name, n);
        return (
          <FormField key={o.value} type="radio" className="regie-checkbox">
            <RadioButton
              id={id}
              name={field.name}
              value={o.value}
              checked={value === o.value}
              invalid={!!field.error}
              onChange={() => onChange(o.value)}
            />
            <FormLabel htmlFor={id} type="radio">{o.label}</FormLabel>
          </FormField>
        );
      })}
    </GroupFrame>
  );
}
