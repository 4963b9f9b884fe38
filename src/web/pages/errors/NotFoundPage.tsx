import { Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../../components/AppLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { nl } from '../../i18n/nl.ts';

/** Any path the app does not know. */
export function NotFoundPage() {
  return (
    <>
      <PageHeading>{nl.app.notFoundTitle}</PageHeading>
      <Paragraph>{nl.app.notFoundText}</Paragraph>
      <Paragraph>
        <AppLink to="/">{nl.app.home}</AppLink>
      </Paragraph>
    </>
  );
}
