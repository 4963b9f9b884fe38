import { Textbox } from '@utrecht/component-library-react';
import { FieldFrame, fieldAria, type BaseFieldProps } from './FieldParts.tsx';
import { nl } from '../../text/nl/web.ts';

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
  // The browser shows a date field in its own locale's order (mm/dd/yyyy in some): say the Dutch one (review D16).
  const description = type === 'date' ? <>{field.description} {nl.form.dateHint}</> : field.description;
  return (
    <FieldFrame
      {...field}
      description={description}
      input={
        <Textbox
          {...fieldAria({ ...field, description })}
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
