import { Textbox } from '@utrecht/component-library-react';
import { FieldFrame, fieldAria, type BaseFieldProps } from './FieldParts.tsx';

interface Props extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  inputMode?: 'decimal' | 'numeric' | 'text';
  autoComplete?: string;
  size?: 'small' | 'medium' | 'large';
  type?: 'text' | 'email' | 'password' | 'date';
}

/** A labelled text input with its description and error message. */
export function TextField({ value, onChange, inputMode, autoComplete = 'off', size = 'large', type = 'text', ...field }: Props) {
  return (
    <FieldFrame
      {...field}
      input={
        <Textbox
          {...fieldAria(field)}
          className={`regie-input regie-input--${size}`}
          type={type}
          value={value}
          invalid={!!field.error}
          inputMode={inputMode}
          autoComplete={autoComplete}
          onChange={(e) => onChange(e.target.value)}
        />
      }
    />
  );
}
