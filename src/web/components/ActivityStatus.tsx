import { DataBadge, StatusBadge } from '@utrecht/component-library-react';
import type { TActivityStatus } from '../../domain/progress.ts';
import { nl } from '../../text/nl/web.ts';

/** An activity's status as a badge: "Loopt", "Vertraagd". */
export function ActivityStatusBadge({ status }: { status: TActivityStatus }) {
  return (
    <StatusBadge status={status} className={`regie-status regie-status--${status}`}>
      {nl.labels.activityStatus[status]}
    </StatusBadge>
  );
}

/** "Loopt achter": fewer occurrences recorded than planned (domain/frequency-progress.ts). */
export function LagBadge() {
  return (
    <DataBadge className="regie-badge regie-badge--lag" title={nl.progress.laggingHelp}>
      {nl.progress.lagging}
    </DataBadge>
  );
}
