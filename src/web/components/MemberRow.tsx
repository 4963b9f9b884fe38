import { useRef, useState } from 'react';
import { Button, Paragraph, Select, SelectOption, TableCell, TableRow } from '@utrecht/component-library-react';
import type { TRole } from '../../domain/permissions.ts';
import type { Member } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { ErrorMessage, fieldAria } from './FieldParts.tsx';

interface Props {
  member: Member;
  organisationName: string;
  isMe: boolean;
  roles: readonly TRole[];
  /** The field name of this row's role select, and its error. */
  field: string;
  error?: string;
  /** Which action of the page runs: `role-<id>`, `remove-<id>`, `link-<id>`, `add`. */
  busy: string | null;
  onChangeRole: (role: TRole) => void;
  onRemove: () => void;
  onCreateLink: () => void;
}

const Hidden = ({ children }: { children: string }) => <span className="regie-visually-hidden">{children}</span>;

/** One member: name, e-mail, role and password, and the beheerder's actions – removing only after confirming. */
export function MemberRow({ member: m, organisationName, isMe, roles, field, error, busy, ...on }: Props) {
  const [role, setRole] = useState<TRole>(m.role);
  const [isConfirming, setConfirming] = useState(false);
  const removeRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const aria = fieldAria({ name: field, label: '', error });
  const isBusy = (action: string) => busy === `${action}-${m.userId}`;
  const busyProps = (action: string) => ({ busy: isBusy(action), 'aria-disabled': busy ? true : undefined });
  const confirmId = `confirm-remove-${m.userId}`;
  // The current role stays choosable, also where the organisation no longer gives it.
  const options = roles.includes(m.role) ? roles : [m.role, ...roles];

  const startConfirm = () => {
    setConfirming(true);
    requestAnimationFrame(() => confirmRef.current?.focus());
  };
  const cancelConfirm = () => {
    setConfirming(false);
    requestAnimationFrame(() => removeRef.current?.focus());
  };

  return (
    <TableRow>
      <TableCell>
        {m.name} {isMe && nl.members.you}
        {!m.isActive && <span className="regie-cell-note">{nl.members.inactive}</span>}
      </TableCell>
      <TableCell>{m.email}</TableCell>
      <TableCell>{nl.labels.role[m.role] ?? m.role}</TableCell>
      <TableCell>{m.hasPassword ? nl.app.yes : nl.app.no}</TableCell>
      <TableCell>
        <div className="regie-member-role">
          <label htmlFor={aria.id} className="regie-visually-hidden">{nl.members.newRole(m.name)}</label>
          <Select {...aria} value={role} invalid={!!error} onChange={(e) => setRole(e.target.value as TRole)}>
            {options.map((r) => <SelectOption key={r} value={r}>{nl.labels.role[r]}</SelectOption>)}
          </Select>
          <Button appearance="secondary-action-button" onClick={() => !busy && on.onChangeRole(role)} {...busyProps('role')}>
            {nl.members.changeRole}<Hidden>{nl.members.forName(m.name)}</Hidden>
          </Button>
        </div>
        <ErrorMessage name={field} label="" error={error} />
        <div className="regie-member-actions">
          <Button appearance="subtle-button" onClick={() => !busy && on.onCreateLink()} {...busyProps('link')}>
            {nl.members.makeLink}<Hidden>{nl.members.forNameLink(m.name)}</Hidden>
          </Button>
          {!isConfirming ? (
            <Button ref={removeRef} appearance="subtle-button" onClick={startConfirm}>
              {nl.members.remove}<Hidden>{nl.members.forName(m.name)}</Hidden>
            </Button>
          ) : (
            <>
              <Paragraph id={confirmId} className="regie-member-confirm">
                {nl.members.confirmRemove(m.name, organisationName)}
              </Paragraph>
              <Button
                ref={confirmRef} appearance="primary-action-button" hint="danger" aria-describedby={confirmId}
                onClick={() => !busy && on.onRemove()} {...busyProps('remove')}
              >
                {nl.members.confirmYes}
              </Button>
              <Button appearance="secondary-action-button" onClick={cancelConfirm}>{nl.members.cancel}</Button>
            </>
          )}
        </div>
      </TableCell>
    </TableRow>
  );
}
