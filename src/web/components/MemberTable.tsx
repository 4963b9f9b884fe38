import {
  Table, TableBody, TableCaption, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TRole } from '../../domain/permissions.ts';
import type { Member } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import type { FieldErrors } from '../forms/useFormErrors.ts';
import { MemberRow } from './MemberRow.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

interface Props {
  members: Member[];
  organisationName: string;
  myUserId: string | undefined;
  roles: readonly TRole[];
  fieldOf: (userId: string) => string;
  errors: FieldErrors;
  busy: string | null;
  onChangeRole: (member: Member, role: TRole) => void;
  onRemove: (member: Member) => void;
  onCreateLink: (member: Member) => void;
}

/** The members of an organisation with their role and whether they have a password, and the beheerder's actions. */
export function MemberTable({ members, organisationName, myUserId, fieldOf, errors, ...props }: Props) {
  return (
    <ScrollRegion label={nl.members.heading}>
      <Table className="regie-table">
        <TableCaption className="regie-visually-hidden">{nl.members.heading}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{nl.members.name}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.members.email}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.members.role}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.members.hasPassword}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.members.actions}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => (
            <MemberRow
              // A new key after a change, so the row's role select starts from the stored role.
              key={`${m.userId}:${m.role}`}
              member={m}
              organisationName={organisationName}
              isMe={m.userId === myUserId}
              roles={props.roles}
              field={fieldOf(m.userId)}
              error={errors[fieldOf(m.userId)]}
              busy={props.busy}
              onChangeRole={(role) => props.onChangeRole(m, role)}
              onRemove={() => props.onRemove(m)}
              onCreateLink={() => props.onCreateLink(m)}
            />
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
