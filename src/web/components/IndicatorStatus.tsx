import { DataBadge, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { TIndicatorStatusResult } from '../../domain/indicator.ts';
import { explainStatus } from '../../text/indicator-text.ts';
import { nl } from '../../text/nl/web.ts';

/** The status as a badge: its words, and a colour that only repeats them. */
export function StatusBadge({ status }: { status: TIndicatorStatusResult }) {
  return (
    <DataBadge className={`regie-badge regie-indicator-status regie-indicator-status--${status.status}`}>
      {nl.monitor.status[status.status]}
    </DataBadge>
  );
}

interface Props {
  status: TIndicatorStatusResult;
  unit?: string | null;
  headingLevel: number;
}

/** The status with its explanation: the rule that decided, the values it used, and how Regie decides in general. */
export function StatusExplanation({ status, unit, headingLevel }: Props) {
  return (
    <section aria-labelledby="status" className="regie-status-panel">
      <Heading level={headingLevel} id="status">
        {nl.monitor.statusLabel}: <StatusBadge status={status} />
      </Heading>
      {explainStatus(status, unit).map((line) => <Paragraph key={line}>{line}</Paragraph>)}
      <details className="regie-details">
        <summary>{nl.monitor.howTitle}</summary>
        <UnorderedList>
          {nl.monitor.how.map((rule) => <UnorderedListItem key={rule}>{rule}</UnorderedListItem>)}
        </UnorderedList>
      </details>
    </section>
  );
}
