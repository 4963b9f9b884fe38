import { Alert, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { TMyUpdates } from '../../domain/rounds.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDate, formatDateTime, formatQuarterCode } from '../../text/format.ts';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';
import { OverdueBadge } from './OverdueBadge.tsx';

/**
 * "Mijn updates": how many activities of open rounds await the user's update, per round, with the last reminder –
 * the in-app reminder. Nothing when nothing waits.
 */
export function MyUpdatesNotice({ updates, withLink }: { updates: TMyUpdates; withLink?: boolean }) {
  if (!updates.pending) return null;
  return (
    <Alert type="warning" className="regie-notice">
      <Heading level={2}>{nl.myUpdates.pending(updates.pending)}</Heading>
      <UnorderedList>
        {updates.rounds.map((r) => (
          <UnorderedListItem key={r.roundId}>
            {nl.myUpdates.round(r.planTitle, r.ownerName, formatQuarterCode(r.quarter), r.pending)}
            {r.dueOn && `, ${nl.myUpdates.dueOn(formatDate(r.dueOn))}`} <OverdueBadge isOverdue={r.isOverdue} />
            {r.lastReminder && <span className="regie-cell-note">{nl.myUpdates.reminder(r.lastReminder.by, formatDateTime(r.lastReminder.at))}</span>}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      {withLink && (
        <Paragraph>
          <AppLink to={`${paths.myActivities()}?wacht=1`}>{nl.myUpdates.toList}</AppLink>
        </Paragraph>
      )}
    </Alert>
  );
}
