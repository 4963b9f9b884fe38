import { nl } from '../../text/nl/web.ts';
import type { FieldErrors } from '../forms/useFormErrors.ts';
import { TextField } from './TextField.tsx';

export interface NewPassword {
  password: string;
  repeat: string;
}

/** The client's checks of a new password: filled in, and twice the same. The policy is the server's. */
export function checkNewPassword({ password, repeat }: NewPassword): FieldErrors {
  const errors: FieldErrors = {};
  if (!password) errors.password = nl.password.required;
  if (!repeat) errors.repeat = nl.password.repeatRequired;
  else if (password && repeat !== password) errors.repeat = nl.password.mismatch;
  return errors;
}

interface Props {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  errors: FieldErrors;
  labels?: { password: string; repeat: string };
}

/** A new password and its repetition, with the policy as the description. */
export function NewPasswordFields({ value, onChange, errors, labels = nl.password }: Props) {
  return (
    <>
      <TextField
        name="password" label={labels.password} type="password" autoComplete="new-password" isRequired size="medium"
        description={nl.password.help} value={value.password} error={errors.password}
        onChange={(password) => onChange({ ...value, password })}
      />
      <TextField
        name="repeat" label={labels.repeat} type="password" autoComplete="new-password" isRequired size="medium"
        value={value.repeat} error={errors.repeat} onChange={(repeat) => onChange({ ...value, repeat })}
      />
    </>
  );
}
