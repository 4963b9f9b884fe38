import type { Ref } from 'react';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { PasswordLink } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDateTime } from '../../text/format.ts';
import { paths } from '../lib/paths.ts';
import { CopyField } from './CopyField.tsx';

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
  return (
    <section className="regie-one-time-link" aria-labelledby="one-time-link-heading">
      <Heading level={2} id="one-time-link-heading" ref={ref} tabIndex={-1} className="regie-page-heading">
        {nl.oneTimeLink.heading(name)}
      </Heading>
      {text && <Paragraph>{text}</Paragraph>}
      <CopyField
        id="one-time-link" label={nl.oneTimeLink.label} value={paths.setPasswordUrl(link.token)} texts={nl.oneTimeLink}
        describedBy="one-time-link-expiry"
      />
      <Paragraph id="one-time-link-expiry">
        {nl.oneTimeLink.expires(formatDateTime(link.expiresAt))}
      </Paragraph>
      <Paragraph className="regie-one-time-link__advice">{nl.oneTimeLink.advice}</Paragraph>
      {sessionsEnded && <Paragraph>{nl.oneTimeLink.sessionsEnded}</Paragraph>}
      <Button appearance="subtle-button" onClick={onClose}>{nl.oneTimeLink.close}</Button>
    </section>
  );
}
