import { useState } from 'react';
import type { TOrganisation } from '../../../domain/schemas.ts';
import { ROLES, type TRole } from '../../../domain/permissions.ts';
import { api, refreshSession } from '../../api/client.ts';
import type { Member, PasswordLink } from '../../api/types.ts';
import type { NewMember } from '../../components/AddMemberForm.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { nl } from '../../../text/nl/web.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useSession } from '../../session/SessionContext.tsx';

/** What the last action did: a message, or a one-time link to pass on. */
export interface Outcome {
  text: string;
  link?: { name: string; link: PasswordLink; sessionsEnded: boolean };
}

/** The roles an organisation gives, as the server allows: a partner organisation partner and beheerder, others the rest. */
export function rolesOf(org: TOrganisation): readonly TRole[] {
  return org.kind === 'partner' ? ['partner', 'beheerder'] : ROLES.filter((r) => r !== 'partner');
}

export const ADD_FIELDS = ['email', 'name', 'role'] as const;
/** The field of a member's role select: `field-role-<userId>` is its id. */
export const roleField = (userId: string) => `role-${userId}`;

/**
 * The beheerder's actions on an organisation's members, with one outcome (message or link) and one set of errors
 * for the page: the add form's fields and the role select of each row.
 */
export function useMemberActions(org: TOrganisation, members: Member[], reload: () => void) {
  const { user } = useSession();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // The outcome takes focus: the link's heading, or the message.
  const [linkRef, focusLink] = useFocusRequest<HTMLHeadingElement>();
  const [noticeRef, focusNotice] = useFocusRequest<HTMLDivElement>();
  const roleFields = members.map((m) => roleField(m.userId));
  const labels: Record<string, string> = {
    email: nl.members.email, name: nl.members.name, role: nl.members.role,
    ...Object.fromEntries(members.map((m) => [roleField(m.userId), nl.members.newRole(m.name)])),
  };
  const errors = useFormErrors({ fieldOrder: [...ADD_FIELDS, ...roleFields], labels });

  /** Runs an action once at a time; on success shows its outcome and loads the list again. */
  const run = async (key: string, action: () => Promise<Outcome>, fieldOf: (path: string) => string) => {
    if (busy) return false;
    setBusy(key);
    try {
      const next = await action();
      errors.clear();
      setOutcome(next);
      focusLink();
      focusNotice();
      reload();
      return true;
    } catch (err) {
      errors.showServerError(err, fieldOf);
      return false;
    } finally {
      setBusy(null);
    }
  };
  const mine = (m: Member) => m.userId === user?.id;
  const onRow = (m: Member) => (path: string) => (path === 'role' ? roleField(m.userId) : path);

  return {
    outcome, linkRef, noticeRef, busy, errors,
    dismiss: () => setOutcome(null),
    add: (v: NewMember) => run('add', async () => {
      const { member, link } = await api.addMember(org.id, v);
      if (!link) return { text: nl.members.addedExisting(member.name) };
      return { text: nl.members.added(member.name), link: { name: member.name, link, sessionsEnded: false } };
    }, (path) => path),
    changeRole: (m: Member, role: TRole) => run(`role-${m.userId}`, async () => {
      const changed = await api.changeMemberRole(org.id, m.userId, role);
      if (mine(m)) await refreshSession().catch(() => undefined);
      return { text: nl.members.roleChanged(changed.name, nl.labels.role[changed.role]) };
    }, onRow(m)),
    remove: (m: Member) => run(`remove-${m.userId}`, async () => {
      await api.removeMember(org.id, m.userId);
      if (mine(m)) await refreshSession().catch(() => undefined);
      return { text: nl.members.removed(m.name) };
    }, onRow(m)),
    createLink: (m: Member) => run(`link-${m.userId}`, async () => {
      const link = await api.createPasswordLink(org.id, m.userId);
      return { text: '', link: { name: m.name, link, sessionsEnded: true } };
    }, onRow(m)),
  };
}

export type MemberActions = ReturnType<typeof useMemberActions>;
