import { useState } from 'react';
import { Button, Paragraph, Textbox } from '@utrecht/component-library-react';

interface Props {
  id: string;
  label: string;
  value: string;
  texts: { copy: string; copied: string; copyFailed: string };
  /** What describes the value (its expiry). */
  describedBy?: string;
}

/**
 * A value to pass on – a one-time link, an API token, a redirect URI – read-only, selected on focus, with a button that
 * copies it and says whether that worked.
 */
export function CopyField({ id, label, value, texts, describedBy }: Props) {
  const [copyState, setCopyState] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState(texts.copied);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setCopyState(texts.copyFailed);
    }
  };
  return (
    <div className="regie-copy-field">
      <label htmlFor={id} className="utrecht-form-label regie-copy-field__label">{label}</label>
      <div className="regie-copy-field__row">
        <Textbox
          id={id} className="regie-copy-field__value" readOnly value={value} aria-describedby={describedBy}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button appearance="secondary-action-button" onClick={copy}>{texts.copy}</Button>
      </div>
      <Paragraph role="status" className="regie-copy-field__status">{copyState}</Paragraph>
    </div>
  );
}
