import { useParams } from 'react-router';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import type { TOrganisation } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { AddMemberForm } from '../../components/AddMemberForm.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { MemberTable } from '../../components/MemberTable.tsx';
import { OneTimeLink } from '../../components/OneTimeLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PersonLinks } from '../../components/PersonLinks.tsx';
import { nl } from '../../i18n/nl.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { organisationSubject, useCan } from '../../session/useCan.ts';
import { roleField, rolesOf, useMemberActions } from './useMemberActions.ts';

/** The users of an organisation, for its beheerders: their roles, new members, one-time password links. */
export function MembersPage() {
  const { organisationId = '' } = useParams();
  const organisation = useLoad(() => api.getOrganisation(organisationId), organisationId);
  const can = useCan();
  return (
    <LoadState state={organisation}>
      {(org) => (
        <>
          <Breadcrumbs items={[{ label: org.name, to: paths.organisation(org.id) }]} />
          <PageHeading preHeading={org.name} title={nl.members.title(org.name)}>
            {nl.members.heading}
          </PageHeading>
          {can('read', organisationSubject('users', org)) ? <Members org={org} /> : <NotAllowed org={org} />}
        </>
      )}
    </LoadState>
  );
}

function NotAllowed({ org }: { org: TOrganisation }) {
  return (
    <>
      <Alert type="warning">
        <Heading level={2}>{nl.auth.forbiddenTitle}</Heading>
        <Paragraph>{nl.members.forbiddenText(org.name)}</Paragraph>
      </Alert>
      <Paragraph>
        <AppLink to={paths.organisation(org.id)}>{nl.auth.back}</AppLink>
      </Paragraph>
    </>
  );
}

function Members({ org }: { org: TOrganisation }) {
  const { user } = useSession();
  const members = useLoad(() => api.listMembers(org.id), org.id, { keepPrevious: true });
  const actions = useMemberActions(org, members.data ?? [], members.reload);
  const { outcome, errors } = actions;
  const roles = rolesOf(org);
  return (
    <>
      <Paragraph>{nl.members.intro}</Paragraph>
      {outcome?.link && (
        <OneTimeLink
          ref={actions.linkRef} name={outcome.link.name} link={outcome.link.link} text={outcome.text}
          sessionsEnded={outcome.link.sessionsEnded} onClose={actions.dismiss}
        />
      )}
      {outcome && !outcome.link && (
        <div ref={actions.noticeRef} tabIndex={-1} className="regie-notice regie-focus-target">
          <Alert type="ok">
            <Paragraph>{outcome.text}</Paragraph>
          </Alert>
        </div>
      )}
      <ErrorSummary ref={errors.summaryRef} items={errors.items} general={errors.general} />
      <Paragraph role="status" className="regie-count" aria-busy={members.isLoading}>
        {members.data && nl.members.count(members.data.length)}
      </Paragraph>
      <LoadState state={members} isNested>
        {(rows) => rows.length ? (
          <MemberTable
            members={rows} organisationName={org.name} myUserId={user?.id} roles={roles} fieldOf={roleField}
            errors={errors.errors} busy={actions.busy}
            onChangeRole={actions.changeRole} onRemove={actions.remove} onCreateLink={actions.createLink}
          />
        ) : <Paragraph>{nl.members.none}</Paragraph>}
      </LoadState>
      <AddMemberForm
        roles={roles} roleHelp={org.kind === 'partner' ? nl.members.partnerRoles : undefined} errors={errors.errors}
        isBusy={actions.busy === 'add'} onInvalid={(found) => errors.show(found)} onAdd={actions.add}
      />
      {members.data && <PersonLinks organisationId={org.id} members={members.data} />}
    </>
  );
}
