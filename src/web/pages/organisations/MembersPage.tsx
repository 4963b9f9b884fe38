import { Paragraph } from '@utrecht/component-library-react';
import type { TOrganisation } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { AddMemberForm } from '../../components/AddMemberForm.tsx';
import { AdminPageFrame } from '../../components/AdminPageFrame.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { MemberTable } from '../../components/MemberTable.tsx';
import { OneTimeLink } from '../../components/OneTimeLink.tsx';
import { PersonLinks } from '../../components/PersonLinks.tsx';
import { nl } from '../../../text/nl/web.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { roleField, rolesOf, useMemberActions } from './useMemberActions.ts';
import { FocusNotice } from '../../components/FocusNotice.tsx';

/** The users of an organisation, for its beheerders: their roles, new members, one-time password links. */
export function MembersPage() {
  return (
    <AdminPageFrame heading={nl.members.heading} title={nl.members.title} forbiddenText={nl.members.forbiddenText}>
      {(org) => <Members org={org} />}
    </AdminPageFrame>
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
        <FocusNotice ref={actions.noticeRef}><Paragraph>{outcome.text}</Paragraph></FocusNotice>
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
