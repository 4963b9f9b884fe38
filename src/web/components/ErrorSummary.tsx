import type { MouseEvent, Ref } from 'react';
import { Alert, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { nl } from '../../text/nl/web.ts';
import { fieldId } from './FieldParts.tsx';

interface Props {
  items: { field: string; message: string; label: string }[];
  /** An error that belongs to no field (the server could not be reached). */
  general?: string;
  /** The heading when no field is named: "Inloggen is niet gelukt" says more than "Er ging iets mis". */
  title?: string;
  ref?: Ref<HTMLDivElement>;
}

/** Moves focus to the field itself: a link to "#id" only scrolls in some browsers. */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string) {
  const target = document.getElementById(fieldId(field));
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

/** The errors of a form at its top, each a link to its field. Takes focus when the form is submitted with errors. */
export function ErrorSummary({ items, general, title = nl.errorTitle, ref }: Props) {
  if (!items.length && !general) return null;
  return (
    <div ref={ref} tabIndex={-1} className="regie-error-summary">
      <Alert type="error">
        <Heading level={2} id="error-summary-heading">
          {items.length ? nl.form.errorSummary(items.length) : title}
        </Heading>
        {general && <Paragraph>{general}</Paragraph>}
        {items.length > 0 && (
          <>
            <Paragraph>{nl.form.errorSummaryHelp}</Paragraph>
            <UnorderedList>
              {items.map((i) => (
                <UnorderedListItem key={i.field}>
                  <a className="utrecht-link utrecht-link--html-a" href={`#${fieldId(i.field)}`} onClick={(e) => focusField(e, i.field)}>
                    {i.label}: {i.message}
                  </a>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </>
        )}
      </Alert>
    </div>
  );
}
