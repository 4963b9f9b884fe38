import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { formatDateTime } from '../../text/format.ts';
import { nl } from '../../text/nl/web.ts';

/** "Concept hersteld van …": a form took back what was typed and not saved, with a way to throw it away. */
export function DraftNotice({ restoredAt, onDiscard }: { restoredAt: string | null; onDiscard: () => void }) {
  if (!restoredAt) return null;
  return (
    <Alert type="info" className="regie-notice">
      <Paragraph>
        <strong>{nl.form.draftRestored(formatDateTime(restoredAt))}</strong> {nl.form.draftHelp}
      </Paragraph>
      <Button appearance="secondary-action-button" onClick={onDiscard}>{nl.form.draftDiscard}</Button>
    </Alert>
  );
}
