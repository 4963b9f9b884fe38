import { Select, SelectOption } from '@utrecht/component-library-react';
import { FieldFrame, fieldAria, type BaseFieldProps } from './FieldParts.tsx';

interface Props extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  /** The label of the empty choice; without it there is none. */
  emptyLabel?: string;
}

/** A labelled select. */
export function SelectField({ value, onChange, options, emptyLabel, ...field }: Props) {
  return (
    <FieldFrame
      {...field}
      input={
        <Select {...fieldAria(field)} value={value} invalid={!!field.error} onChange={(e) => onChange(e.target.value)}>
          {emptyLabel !== undefined && <SelectOption value="">{emptyLabel}</SelectOption>}
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>{o.label}</SelectOption>
          ))}
        </Select>
      }
    />
  );
}
