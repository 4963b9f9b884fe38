import { Paragraph } from '@utrecht/component-library-react';
import type { Membership } from '../api/session.ts';
import { nl } from '../../text/nl/web.ts';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';

/** On the start page, for staff of an organisation (not partners): "Signaal melden" at the meldpunt. */
export function SignalLink({ memberships }: { memberships: Membership[] }) {
  if (!memberships.some((m) => m.role !== 'partner')) return null;
  return (
    <Paragraph>
      <AppLink to={paths.signal()}>{nl.meldpuntTriage.signal.link}</AppLink>
      {' – '}
      {nl.meldpuntTriage.signal.linkHint}
    </Paragraph>
  );
}
