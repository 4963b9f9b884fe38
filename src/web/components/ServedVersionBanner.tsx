import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import type { TServedVersion } from '../../domain/schemas.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDate } from '../../text/format.ts';

/**
 * Says that the reader reads an adopted version while a new one is drafted (ADR 0020): the plan's pages then show
 * that version, read-only. Nothing for who reads the live plan.
 */
export function ServedVersionBanner({ plan }: { plan: { servedVersion?: TServedVersion } }) {
  const v = plan.servedVersion;
  if (!v) return null;
  return (
    <Alert type="info" className="regie-notice">
      <Heading level={2}>{nl.servedVersion.bannerTitle}</Heading>
      <Paragraph>{nl.servedVersion.banner(v.number, formatDate(v.adoptedOn))}</Paragraph>
    </Alert>
  );
}
