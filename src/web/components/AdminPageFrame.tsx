import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import type { TOrganisation } from '../../domain/schemas.ts';
import { api } from '../api/client.ts';
import { nl } from '../../text/nl/web.ts';
import { paths } from '../lib/paths.ts';
import { useLoad } from '../lib/useLoad.ts';
import { organisationSubject, useCan } from '../session/useCan.ts';
import { AppLink } from './AppLink.tsx';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { LoadState } from './LoadState.tsx';
import { PageHeading } from './PageHeading.tsx';

interface Props {
  heading: string;
  /** The tab title, with the organisation's name. */
  title: (organisation: string) => string;
  /** Why someone who is not the beheerder sees nothing here. */
  forbiddenText: (organisation: string) => string;
  children: (organisation: TOrganisation) => ReactNode;
}

/**
 * A page of an organisation's account management (users, API tokens, single sign-on): the organisation, the heading,
 * and the content for its beheerders; others are told the page is not for them.
 */
export function AdminPageFrame({ heading, title, forbiddenText, children }: Props) {
  const { organisationId = '' } = useParams();
  const organisation = useLoad(() => api.getOrganisation(organisationId), organisationId);
  const can = useCan();
  return (
    <LoadState state={organisation}>
      {(org) => (
        <>
          <Breadcrumbs items={[{ label: org.name, to: paths.organisation(org.id) }]} />
          <PageHeading preHeading={org.name} title={title(org.name)}>
            {heading}
          </PageHeading>
          {can('read', organisationSubject('users', org)) ? children(org) : (
            <>
              <Alert type="warning">
                <Heading level={2}>{nl.auth.forbiddenTitle}</Heading>
                <Paragraph>{forbiddenText(org.name)}</Paragraph>
              </Alert>
              <Paragraph>
                <AppLink to={paths.organisation(org.id)}>{nl.auth.back}</AppLink>
              </Paragraph>
            </>
          )}
        </>
      )}
    </LoadState>
  );
}
