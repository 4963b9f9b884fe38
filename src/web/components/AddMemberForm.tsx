import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { TRole } from '../../domain/permissions.ts';
import { looksLikeEmail, type FieldErrors } from '../forms/useFormErrors.ts';
import { nl } from '../../text/nl/web.ts';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

export interface NewMember {
  email: string;
  name: string;
  role: TRole;
}

interface Props {
  roles: readonly TRole[];
  /** What the roles select needs explaining (a partner organisation's roles). */
  roleHelp?: string;
  errors: FieldErrors;
  isBusy: boolean;
  /** Errors found before sending. */
  onInvalid: (errors: FieldErrors) => void;
  /** Sends; true when added, so the form empties. */
  onAdd: (member: NewMember) => Promise<boolean>;
}

function check(email: string, name: string, role: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!email.trim()) errors.email = nl.members.emailRequired;
  else if (!looksLikeEmail(email)) errors.email = nl.members.emailInvalid;
  if (!name.trim()) errors.name = nl.members.nameRequired;
  if (!role) errors.role = nl.members.roleRequired;
  return errors;
}

/** E-mail, name and role of a new member. A partner organisation has only the partner role. */
export function AddMemberForm({ roles, roleHelp, errors, isBusy, onInvalid, onAdd }: Props) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>(roles.length === 1 ? roles[0] : '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found = check(email, name, role);
    if (Object.keys(found).length) return onInvalid(found);
    if (await onAdd({ email: email.trim(), name: name.trim(), role: role as TRole })) {
      setEmail('');
      setName('');
      setRole(roles.length === 1 ? roles[0] : '');
    }
  };

  return (
    <section aria-labelledby="gebruiker-toevoegen">
      <Heading level={2} id="gebruiker-toevoegen">{nl.members.addHeading}</Heading>
      <Paragraph>{nl.members.addIntro}</Paragraph>
      <form noValidate onSubmit={submit} className="regie-form" aria-labelledby="gebruiker-toevoegen">
        <TextField
          name="email" label={nl.members.email} type="email" isRequired size="medium" value={email}
          error={errors.email} onChange={setEmail}
        />
        <TextField name="name" label={nl.members.name} isRequired size="medium" value={name} error={errors.name} onChange={setName} />
        <SelectField
          name="role" label={nl.members.role} isRequired value={role} error={errors.role} onChange={setRole}
          emptyLabel={roles.length === 1 ? undefined : nl.form.choose}
          description={roleHelp}
          options={roles.map((r) => ({ value: r, label: nl.labels.role[r] }))}
        />
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? nl.members.adding : nl.members.add}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
