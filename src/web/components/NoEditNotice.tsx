import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { nl } from '../../text/nl/web.ts';
import { AppLink } from './AppLink.tsx';

/** Said instead of a form to who may read but not change it: why, and (with `back`) the way back. */
export function NoEditNotice({ back }: { back?: string }) {
  return (
    <>
      <Alert type="warning">
        <Heading level={2}>{nl.auth.noEditTitle}</Heading>
        <Paragraph>{nl.auth.noEditText}</Paragraph>
      </Alert>
      {back && <Paragraph><AppLink to={back}>{nl.auth.back}</AppLink></Paragraph>}
    </>
  );
}
