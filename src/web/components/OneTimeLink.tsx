import { useState, type Ref } from 'react';
import { Button, Heading, Paragraph, Textbox } from '@utrecht/component-library-react';
import type { PasswordLink } from '../api/types.ts';
import { nl } from '../i18n/nl.ts';
import { formatDateTime } from '../lib/format.ts';
import { paths } from '../lib/paths.ts';

interface Props {
  /** Who the link is for. */
  name: string;
  link: PasswordLink;
  /** A line above the link ("… is toegevoegd."). */
  text?: string;
  /** A new link for an existing account ended its sessions. */
  sessionsEnded?: boolean;
  onClose: () => void;
  /** The heading, which takes focus when the link appears. */
  ref?: Ref<HTMLHeadingElement>;
}

/** A one-time link to set a password, for the beheerder to pass on: the URL to copy, its expiry and the advice. */
export function OneTimeLink({ name, link, text, sessionsEnded, onClose, ref }: Props) {
  const url = paths.setPasswordUrl(link.token);
  const [copyState, setCopyState] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState(nl.oneTimeLink.copied);
    } catch {
      (document.getElementById('one-time-link') as HTMLInputElement | null)?.select();
      setCopyState(nl.oneTimeLink.copyFailed);
    }
  };

  return (
    <section className="regie-one-time-link" aria-labelledby="one-time-link-heading">
      <Heading level={2} id="one-time-link-heading" ref={ref} tabIndex={-1} className="regie-page-heading">
        {nl.oneTimeLink.heading(name)}
      </Heading>
      {text && <Paragraph>{text}</Paragraph>}
      <label htmlFor="one-time-link" className="utrecht-form-label regie-one-time-link__label">
        {nl.oneTimeLink.label}
      </label>
      <div className="regie-one-time-link__row">
        <Textbox
          id="one-time-link" className="regie-one-time-link__url" readOnly value={url}
          aria-describedby="one-time-link-expiry" onFocus={(e) => e.currentTarget.select()}
        />
        <Button appearance="secondary-action-button" onClick={copy}>{nl.oneTimeLink.copy}</Button>
      </div>
      <Paragraph role="status" className="regie-one-time-link__copied">{copyState}</Paragraph>
      <Paragraph id="one-time-link-expiry">
        {nl.oneTimeLink.expires(formatDateTime(link.expiresAt))}
      </Paragraph>
      <Paragraph className="regie-one-time-link__advice">{nl.oneTimeLink.advice}</Paragraph>
      {sessionsEnded && <Paragraph>{nl.oneTimeLink.sessionsEnded}</Paragraph>}
      <Button appearance="subtle-button" onClick={onClose}>{nl.oneTimeLink.close}</Button>
    </section>
  );
}
