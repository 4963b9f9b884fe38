import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { nl } from '../../text/nl/web.ts';
import { AppLink } from './AppLink.tsx';

/** Save and cancel at the bottom of a form. */
export function FormActions({ isSaving, cancelTo }: { isSaving: boolean; cancelTo: string }) {
  return (
    <ButtonGroup className="regie-form-actions">
      <Button type="submit" appearance="primary-action-button" busy={isSaving} aria-disabled={isSaving || undefined}>
        {isSaving ? nl.form.saving : nl.form.save}
      </Button>
      <AppLink to={cancelTo}>{nl.form.cancel}</AppLink>
    </ButtonGroup>
  );
}
