import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../domain/errors.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/** About 49,000 passwords people commonly choose (Dutch ones among them), from the zxcvbn-ts common list. */
const COMMON = new Set(dictionary['passwords-common']);

/** Checks a new password against the policy (ASVS 2.1): length, not common, not the user's own e-mail. */
export function checkPassword(password: string, email: string): void {
  const problem =
    password.length < MIN_PASSWORD_LENGTH ? `Gebruik minstens ${MIN_PASSWORD_LENGTH} tekens`
    : password.length > MAX_PASSWORD_LENGTH ? `Gebruik hoogstens ${MAX_PASSWORD_LENGTH} tekens`
    : COMMON.has(password.toLowerCase()) ? 'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden'
    : password.toLowerCase().includes(email.split('@')[0].toLowerCase()) ? 'Gebruik niet uw e-mailadres in het wachtwoord'
    : null;
  if (problem) throw new AppError('validation', 'Het wachtwoord voldoet niet', [{ path: 'password', message: problem }]);
}

/** argon2id with the library's defaults (19 MiB, 2 iterations: OWASP's recommended minimum). */
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Without a hash (a single-sign-on account) nothing matches; still spend the time so timing tells nothing.
  if (!passwordHash) {
    await hash(password);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
