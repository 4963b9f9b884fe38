import type { Db } from '../db/client.ts';
import { writeAudit } from '../core/audit.ts';
import type { Mailer } from '../core/mail.ts';
import { claimAttempt } from './accounts.ts';
import { newPasswordLink } from './members.ts';

/** A link from an e-mail works this long: a mailbox is less safe than a link the beheerder hands over. */
export const RESET_LINK_MINUTES = 60;
/** At most this many reset e-mails per account in the throttling window, so nobody can flood someone's mailbox. */
export const MAX_RESETS_PER_WINDOW = 3;

/**
 * "Wachtwoord vergeten": when the address belongs to an active user, a one-time link to set a new password goes to that
 * address. The caller answers first, the same whatever happens, and only then calls this and sends the mail (`send`),
 * so neither the answer nor its timing tells whether an account exists (issue 11). Every request is in the audit
 * trail, without the address typed. Sessions stay until the new password is set: a request by someone else logs nobody out.
 */
export async function requestPasswordReset(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  email: string,
): Promise<{ send?: () => Promise<void> }> {
  const normalised = email.trim().toLowerCase();
  const [user] = await db.query<{ id: string; name: string; email: string }>('select id, name, email from users where email = $1 and is_active', [normalised]);
  if (!user) {
    await writeAudit(db, { userId: null, label: 'onbekend account' }, { action: 'password_reset', organisationId: null, entity: 'users', after: { sent: false } });
    return {};
  }
  return db.transaction(async (tx) => {
    // The throttle shares the login throttle's table and its atomic count: requests that arrive together are counted
    // one after the other (the row of a mail sent stays for the window).
    const isThrottled = !(await claimAttempt(tx, [{ kind: 'reset', value: user.id, max: MAX_RESETS_PER_WINDOW }]));
    const actor = { userId: user.id, label: user.name };
    await writeAudit(tx, actor, { action: 'password_reset', organisationId: null, entity: 'users', entityId: user.id, after: { sent: !isThrottled } });
    if (isThrottled) return {};
    const link = await newPasswordLink(tx, user.id, { minutes: RESET_LINK_MINUTES, endSessions: false });
    const url = `${publicUrl}/wachtwoord?token=${encodeURIComponent(link.token)}`;
    return { send: () => mailer.send({ to: user.email, subject: 'Nieuw wachtwoord instellen voor Regie', text: resetMail(user.name, url) }) };
  });
}

function resetMail(name: string, url: string): string {
  return [
    `Beste ${name},`,
    '',
    'Iemand – waarschijnlijk u – heeft gevraagd om een nieuw wachtwoord voor uw account in Regie. Met deze link stelt u een nieuw wachtwoord in:',
    '',
    url,
    '',
    `De link werkt één keer en is ${RESET_LINK_MINUTES} minuten geldig.`,
    'Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft dan hetzelfde.',
    '',
    'Regie',
  ].join('\n');
}
