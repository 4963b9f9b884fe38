import { Textarea } from '@utrecht/component-library-react';
import { FieldFrame, fieldAria, type BaseFieldProps } from './FieldParts.tsx';

interface Props extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}

/** A labelled multi-line text input. */
export function TextareaField({ value, onChange, rows = 4, ...field }: Props) {
  return (
    <FieldFrame
      {...field}
      input={
        <Textarea
          {...fieldAria(field)}
          className="regie-input regie-input--large"
          value={value}
          rows={rows}
          invalid={!!field.error}
          onChange={(e) => onChange(e.target.value)}
        />
      }
    />
  );
}
