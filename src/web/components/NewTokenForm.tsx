import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { MAX_TOKEN_DAYS } from '../../domain/accounts.ts';
import type { TRole } from '../../domain/permissions.ts';
import type { FieldErrors } from '../forms/useFormErrors.ts';
import { nl } from '../../text/nl/web.ts';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

export interface NewToken {
  name: string;
  role: TRole;
  expiresInDays: number;
}

export const TOKEN_FIELDS = ['name', 'role', 'expiresInDays'] as const;

interface Props {
  roles: readonly TRole[];
  errors: FieldErrors;
  isBusy: boolean;
  onInvalid: (errors: FieldErrors) => void;
  /** Sends; true when made, so the form empties. */
  onCreate: (token: NewToken) => Promise<boolean>;
}

function check(name: string, role: string, days: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!name.trim()) errors.name = nl.tokens.nameRequired;
  if (!role) errors.role = nl.tokens.roleRequired;
  const n = Number(days.trim());
  if (!/^\d+$/.test(days.trim()) || n < 1 || n > MAX_TOKEN_DAYS) errors.expiresInDays = nl.tokens.daysInvalid(MAX_TOKEN_DAYS);
  return errors;
}

/** Name, role and validity of a new API token. */
export function NewTokenForm({ roles, errors, isBusy, onInvalid, onCreate }: Props) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [days, setDays] = useState('90');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found = check(name, role, days);
    if (Object.keys(found).length) return onInvalid(found);
    if (await onCreate({ name: name.trim(), role: role as TRole, expiresInDays: Number(days.trim()) })) {
      setName('');
      setRole('');
      setDays('90');
    }
  };

  return (
    <section aria-labelledby="token-maken">
      <Heading level={2} id="token-maken">{nl.tokens.newHeading}</Heading>
      <Paragraph>{nl.tokens.newIntro}</Paragraph>
      <form noValidate onSubmit={submit} className="regie-form" aria-labelledby="token-maken">
        <TextField name="name" label={nl.tokens.name} description={nl.tokens.nameHelp} isRequired size="medium" value={name} error={errors.name} onChange={setName} />
        <SelectField
          name="role" label={nl.tokens.role} isRequired value={role} error={errors.role} onChange={setRole} emptyLabel={nl.form.choose}
          options={roles.map((r) => ({ value: r, label: nl.labels.role[r] }))}
        />
        <TextField
          name="expiresInDays" label={nl.tokens.days} description={nl.tokens.daysHelp(MAX_TOKEN_DAYS)} isRequired size="small"
          inputMode="numeric" value={days} error={errors.expiresInDays} onChange={setDays}
        />
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? nl.tokens.creating : nl.tokens.create}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
