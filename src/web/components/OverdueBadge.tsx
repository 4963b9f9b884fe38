import { DataBadge } from '@utrecht/component-library-react';
import { nl } from '../../text/nl/web.ts';

/** "Verlopen": an update round still open after its due date (review D10). */
export function OverdueBadge({ isOverdue }: { isOverdue: boolean }) {
  return isOverdue ? <DataBadge className="regie-badge regie-badge--danger">{nl.rounds.overdue}</DataBadge> : null;
}
