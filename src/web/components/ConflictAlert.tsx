import type { Ref } from 'react';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { nl } from '../../text/nl/web.ts';

/** Shown on 409: someone else saved this record after it was opened; offers to load their version. */
export function ConflictAlert({ onReload, ref }: { onReload: () => void; ref?: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} tabIndex={-1} className="regie-conflict">
      <Alert type="warning">
        <Heading level={2}>{nl.form.conflictTitle}</Heading>
        <Paragraph>{nl.form.conflictText}</Paragraph>
        <Button appearance="primary-action-button" onClick={onReload}>
          {nl.form.reload}
        </Button>
      </Alert>
    </div>
  );
}
