import { Heading, Paragraph } from '@utrecht/component-library-react';
import { nl } from '../../text/nl/web.ts';
import { useSession } from '../session/SessionContext.tsx';
import { AppLink } from './AppLink.tsx';
import { LoginLink } from './LoginLink.tsx';
import { PageHeading } from './PageHeading.tsx';

/**
 * "Pagina niet gevonden": for a path the app does not know, and for anything the API answers 404 – which includes what
 * the user may not see, so its existence does not leak. Signed out, it offers to log in.
 */
export function NotFoundMessage({ isNested }: { isNested?: boolean }) {
  const { user } = useSession();
  return (
    <>
      {isNested ? <Heading level={2}>{nl.app.notFoundTitle}</Heading> : <PageHeading>{nl.app.notFoundTitle}</PageHeading>}
      <Paragraph>{nl.app.notFoundText}</Paragraph>
      {!user && (
        <Paragraph>
          {nl.auth.notFoundHint} <LoginLink />
        </Paragraph>
      )}
      <Paragraph>
        <AppLink to="/">{nl.app.home}</AppLink>
      </Paragraph>
    </>
  );
}
